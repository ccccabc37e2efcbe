import Glibc

/// The repository's files and the shared evaluation data beside it, read without Foundation:
/// one reader for the test targets that must not load Foundation's ICU.
///
/// ```swift
/// let seed = TestFiles.text(TestFiles.repository + "seeds/\(TestFiles.seedNames[0]).txt")
/// ```
public enum TestFiles {
    /// The repository root, with a trailing slash (this file is Tests/NazifTestSupport/TestFiles.swift).
    public static let repository: String = {
        var path = #filePath
        for _ in 0..<3 {
            while let last = path.last, last != "/" { path.removeLast() }
            path.removeLast()
        }
        return path + "/"
    }()

    /// `../shared/eval` beside the repository, present on development machines only.
    public static let sharedEval = repository + "../shared/eval/"

    /// The seed articles' names in `seeds/`, without `.txt`.
    public static let seedNames = [
        "000_268df408752fc0e1", "001_2cdb75e8bbadff21", "002_037cfd1f9350d13c",
        "003_eea1b5faf0c41edc", "004_d9ab136cc203f486",
    ]

    /// A file's bytes, or nil when it cannot be opened.
    public static func bytes(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    /// A file's text (ill-formed UTF-8 as U+FFFD), or nil when it cannot be opened.
    public static func text(_ path: String) -> String? {
        bytes(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
