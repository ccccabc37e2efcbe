import NazifTestSupport

/// Reads test fixtures from `Tests/ArabicTextTests/Fixtures` or from the shared evaluation data
/// next to the repository, without Foundation.
enum Fixtures {
    static let directory: String = {
        var path = #filePath
        while let last = path.last, last != "/" { path.removeLast() }
        return path + "Fixtures/"
    }()

    static let repository = TestFiles.repository
    static let sharedEval = TestFiles.sharedEval

    static func read(path: String) -> String? { TestFiles.text(path) }

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
