// swift-tools-version: 6.1
// Nazif — clean scraped Arabic text fast. See DESIGN.md (beside this file) for the architecture.
import PackageDescription

let package = Package(
    name: "Nazif",
    products: [
        .library(name: "ArabicText", targets: ["ArabicText"]),
        .library(name: "Boilerplate", targets: ["Boilerplate"]),
        .library(name: "Dedup", targets: ["Dedup"]),
        .executable(name: "nazif", targets: ["nazif"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `make docs`: the DocC catalogs of ArabicText and Boilerplate as a static site (mk/docs.mk).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
    ],
    targets: [
        // System ICU, found through pkg-config. Only the C shim includes its headers.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
        ),
        // The C/C++ shim. Its public header speaks stdint types and opaque pointers only, so no
        // Swift file ever sees an ICU type (Foundation carries its own ICU; the two clash).
        .target(
            name: "CArabicICU",
            dependencies: ["CICU"]
        ),
        .target(
            name: "ArabicText",
            dependencies: ["CArabicICU", "CLineScan"],
            exclude: ["Data"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")],
            plugins: ["EmbedResources"]
        ),
        // The SIMD kernels (SSE2 and AVX2, plain C): the normalizer's block fold, the counts of a
        // line's characters for LineTable, cue-word starts, and the JSON string scan.
        .target(name: "CLineScan"),
        .target(
            name: "Boilerplate",
            dependencies: ["ArabicText", "CLineScan"],
            exclude: ["Data"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")],
            plugins: ["EmbedResources"]
        ),
        // MinHash kernels (word and shingle hashes, minima over permutations, band keys), plain C.
        .target(name: "CMinHash"),
        // Near-duplicate documents: MinHash-LSH signatures of the key form, an index, signature files.
        .target(
            name: "Dedup",
            dependencies: ["Boilerplate", "CMinHash"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        // Build-time tool and plugin that embed a target's Data/ files as Swift strings.
        .executableTarget(name: "embed-resources", path: "Sources/embed-resources"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
        .executableTarget(
            name: "nazif",
            dependencies: [
                "ArabicText",
                "Boilerplate",
                "Dedup",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Reads the repository's files for the test targets that keep Foundation out.
        .target(name: "NazifTestSupport", path: "Tests/NazifTestSupport"),
        .testTarget(name: "ArabicTextTests", dependencies: ["ArabicText", "NazifTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "BoilerplateTests", dependencies: ["Boilerplate", "ArabicText", "NazifTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "NazifCLITests", dependencies: ["nazif", "ArabicText"]),
        .testTarget(name: "DedupTests", dependencies: ["Dedup", "Boilerplate", "CMinHash", "NazifTestSupport"]),
        // The README's library examples, compiled, run and compared with the README's text.
        .testTarget(name: "ReadmeTests", dependencies: ["ArabicText", "Boilerplate", "NazifTestSupport"]),
        // Proves Foundation (with its own ICU) and ArabicText (system ICU) live in one process.
        .testTarget(name: "FoundationCoexistenceTests", dependencies: ["ArabicText"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
