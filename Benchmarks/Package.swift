// swift-tools-version: 6.1
// Nazif's package-benchmark suites. Run with `make bench` (or `swift package benchmark` here).
// Side-by-side comparison with other tools lives in compare/ (`make compare`).
import PackageDescription

let suites = ["Normalization", "Tokenization", "Boilerplate", "Names"]

let package = Package(
    name: "NazifBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Nazif", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1",
                 traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            path: "Benchmarks/Support"
        ),
    ] + suites.map { suite in
        .executableTarget(
            name: "\(suite)Benchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ArabicText", package: "Nazif"),
                .product(name: "Boilerplate", package: "Nazif"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/\(suite)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    }
)
