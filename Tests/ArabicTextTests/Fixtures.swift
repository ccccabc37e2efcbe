import Glibc

/// Reads test fixtures from `Tests/ArabicTextTests/Fixtures` or from the shared evaluation data
/// next to the repository, without Foundation.
enum Fixtures {
    static let directory: String = {
        var path = #filePath
        while let last = path.last, last != "/" { path.removeLast() }
        return path + "Fixtures/"
    }()

    /// The repository root (…/Tests/ArabicTextTests/ → …/).
    static let repository: String = {
        var parts = directory.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/") + "/"
    }()

    /// `../shared/eval` beside the repository, present on development machines only.
    static let sharedEval = repository + "../shared/eval/"

    static func read(path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func read(_ name: String) -> String {
        guard let text = read(path: directory + name) else {
            fatalError("missing fixture \(directory + name)")
        }
        return text
    }

    /// Non-comment lines of a fixture file, split at tabs.
    static func rows(_ name: String) -> [[Substring]] {
        read(name).split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }
}
