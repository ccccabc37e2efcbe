import Glibc

/// The benchmark input: the seed articles of the repository repeated to about 1 MB, with a
/// number changed in every copy so no two copies are identical.
public enum Corpus {
    /// The repository's `seeds/` folder, found from this file's path.
    static let seedsDirectory: String = {
        var path = #filePath
        for _ in 0..<4 {
            while let last = path.last, last != "/" { path.removeLast() }
            path.removeLast()
        }
        return path + "/seeds/"
    }()

    /// The five seed articles' names in `seeds/`.
    static let seedNames = [
        "000_268df408752fc0e1", "001_2cdb75e8bbadff21", "002_037cfd1f9350d13c",
        "003_eea1b5faf0c41edc", "004_d9ab136cc203f486",
    ]

    /// The five seed articles, one by one.
    public static let articles: [String] = seedNames.map { name in
        String(decoding: read(seedsDirectory + name + ".txt"), as: UTF8.self)
    }

    static func read(_ path: String) -> [UInt8] {
        guard let file = fopen(path, "rb") else { fatalError("cannot read \(path)") }
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

    /// The five seed articles, concatenated, each followed by a line break.
    public static let seeds: [UInt8] = seedNames.flatMap { read(seedsDirectory + $0 + ".txt") + [0x0A] }

    /// About `size` bytes of seed text.
    public static func text(size: Int = 1 << 20) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + seeds.count)
        var copy = 0
        while bytes.count < size {
            bytes.append(contentsOf: Array("نسخة \(copy)\n".utf8))
            bytes.append(contentsOf: seeds)
            copy += 1
        }
        return bytes
    }

    /// `count` documents: the seed articles in turn, each copy with its own first line and a
    /// number changed, so no two are identical.
    public static func documents(count: Int) -> [String] {
        (0..<count).map { index in "نسخة رقم \(index)\n" + articles[index % articles.count] }
    }

    /// The seed lines, one array per line (for per-line APIs).
    public static let lines: [[UInt8]] = seeds.split(separator: 0x0A).map(Array.init)
}
