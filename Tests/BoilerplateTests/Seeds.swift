import NazifTestSupport

/// The seed articles and shared evaluation files (see ``TestFiles``).
enum Seeds {
    static let repository = TestFiles.repository
    static let names = TestFiles.seedNames

    static func read(_ path: String) -> [UInt8]? { TestFiles.bytes(path) }

    static func seed(_ index: Int) -> String {
        String(decoding: read(repository + "seeds/\(names[index]).txt")!, as: UTF8.self)
    }

    static func expected(_ index: Int) -> String? {
        read(repository + "seeds/expected/\(names[index].prefix(3)).clean.txt").map { String(decoding: $0, as: UTF8.self) }
    }
}
