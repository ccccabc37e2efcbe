import Glibc

/// The seed articles and shared evaluation files, read without Foundation.
enum Seeds {
    static let repository: String = {
        var path = #filePath
        for _ in 0..<3 {
            while let last = path.last, last != "/" { path.removeLast() }
            path.removeLast()
        }
        return path + "/"
    }()

    static let names = ["000_268df408752fc0e1", "001_2cdb75e8bbadff21", "002_037cfd1f9350d13c",
                        "003_eea1b5faf0c41edc", "004_d9ab136cc203f486"]

    static func read(_ path: String) -> [UInt8]? {
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

    static func seed(_ index: Int) -> String {
        String(decoding: read(repository + "seeds/\(names[index]).txt")!, as: UTF8.self)
    }

    static func expected(_ index: Int) -> String? {
        read(repository + "seeds/expected/\(names[index].prefix(3)).clean.txt").map { String(decoding: $0, as: UTF8.self) }
    }
}
