// swift-tools-version:5.4
// libFuzzer targets for Nazif's entry points (issue 16). Tools version 5.4 on purpose: from 5.5
// on, an executable target's entry point is renamed and the link with libFuzzer's main fails.
// Build (mk/fuzz.mk): swift build -c debug -Xswiftc -sanitize=address
//   -Xswiftc -sanitize-coverage=edge,trace-cmp,trace-pc-guard -Xswiftc -use-ld=lld
// so every module (ArabicText, Boilerplate) carries the coverage libFuzzer steers by, while
// -sanitize=fuzzer (which links libFuzzer's main) and -parse-as-library go to the harnesses
// only: the main package's build tool (embed-resources) has a main.swift of its own, and with
// -sanitize=fuzzer everywhere its link fails (undefined LLVMFuzzerTestOneInput; ld.gold even
// crashes reporting it). `swift build --sanitize fuzzer` builds without coverage.
import Foundation
import PackageDescription

/// The main package's name as SwiftPM gives it to the compiler (its directory's name): the JSON
/// harness compiles the CLI's JSON sources, which reach Boilerplate's `package` byte kernels.
/// SwiftPM writes it as a C99 identifier: other characters become "_" ("ci-clone" → "ci_clone"),
/// and a leading digit gets a "_" before it.
let mainPackage: String = {
    let identity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .lastPathComponent.lowercased()
    var name = String(identity.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
    if let first = name.first, first.isNumber { name = "_" + name }
    return name
}()

let harness: [SwiftSetting] = [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])]
let fuzzerMain: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "NazifFuzz",
    dependencies: [.package(name: "Nazif", path: "..")],
    targets: [
        // Each profile with and without the offset map; UTF-8 validation and repair.
        .executableTarget(name: "FuzzNormalize", dependencies: [.product(name: "ArabicText", package: "Nazif")], swiftSettings: harness, linkerSettings: fuzzerMain),
        // The word tokenizer and the sentence splitter.
        .executableTarget(name: "FuzzTokenize", dependencies: [.product(name: "ArabicText", package: "Nazif")], swiftSettings: harness, linkerSettings: fuzzerMain),
        // The repetition table reader.
        .executableTarget(name: "FuzzTable", dependencies: [.product(name: "Boilerplate", package: "Nazif")], swiftSettings: harness, linkerSettings: fuzzerMain),
        // The cleaner on one document, with and without a table.
        .executableTarget(name: "FuzzClean", dependencies: [.product(name: "Boilerplate", package: "Nazif")], swiftSettings: harness, linkerSettings: fuzzerMain),
        // UTF-8 validation and repair against the standard library's decoder.
        .executableTarget(name: "FuzzUTF8", dependencies: [.product(name: "ArabicText", package: "Nazif")], swiftSettings: harness, linkerSettings: fuzzerMain),
        // The offset map of every profile, range by range.
        .executableTarget(name: "FuzzOffsets", dependencies: [.product(name: "ArabicText", package: "Nazif")], swiftSettings: harness, linkerSettings: fuzzerMain),
        // The transliteration schemes (round trips) and ICU's Arabic transforms.
        .executableTarget(name: "FuzzTranslit", dependencies: [.product(name: "ArabicText", package: "Nazif")], swiftSettings: harness, linkerSettings: fuzzerMain),
        // Custom ICU transliteration rules.
        .executableTarget(name: "FuzzICURules", dependencies: [.product(name: "ArabicText", package: "Nazif")], swiftSettings: harness, linkerSettings: fuzzerMain),
        // NameKey, the romanizer and the names finder.
        .executableTarget(name: "FuzzNames", dependencies: [.product(name: "ArabicText", package: "Nazif")], swiftSettings: harness, linkerSettings: fuzzerMain),
        // The lexicon reader, and the cleaner with what it reads.
        .executableTarget(name: "FuzzLexicon", dependencies: [.product(name: "Boilerplate", package: "Nazif")], swiftSettings: harness, linkerSettings: fuzzerMain),
        // The dedup signature file reader.
        .executableTarget(name: "FuzzSignatures", dependencies: [.product(name: "Dedup", package: "Nazif"), .product(name: "Boilerplate", package: "Nazif")],
                          swiftSettings: harness, linkerSettings: fuzzerMain),
        // The CLI's JSON Lines scanner and escaper (its sources, linked in: the CLI is an executable).
        .executableTarget(name: "FuzzJSON", dependencies: [.product(name: "Boilerplate", package: "Nazif")],
                          swiftSettings: harness + [.unsafeFlags(["-package-name", mainPackage])], linkerSettings: fuzzerMain),
    ]
)
