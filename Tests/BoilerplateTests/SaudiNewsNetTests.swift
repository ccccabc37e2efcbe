import Testing

@testable import Boilerplate

/// The SaudiNewsNet sample (evaluation-only, read from ../shared/eval when present): per-site
/// footers go, articles stay. Skipped where the data is absent.
@Suite struct SaudiNewsNetTests {
    struct Article {
        var id: String, source: String, content: String
    }

    static let articles: [Article]? = {
        guard let bytes = Seeds.read(Seeds.repository + "../shared/eval/boilerplate/saudinewsnet/articles.jsonl") else { return nil }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line -> Article? in
            guard let id = field("id", line), let source = field("source", line),
                let content = field("content", line)
            else { return nil }
            return Article(id: id, source: source, content: content)
        }
    }()

    /// A top-level string field of a JSON line (enough for this file: no nested objects).
    static func field(_ name: String, _ line: Substring) -> String? {
        guard let start = line.firstRange(of: "\"\(name)\": \"") ?? line.firstRange(of: "\"\(name)\":\"") else { return nil }
        var result = ""
        var index = start.upperBound
        while index < line.endIndex {
            let character = line[index]
            if character == "\"" { return result }
            if character == "\\" {
                index = line.index(after: index)
                switch line[index] {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "u":
                    let hex = line[line.index(after: index)...].prefix(4)
                    result.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!) ?? "\u{FFFD}")
                    index = line.index(index, offsetBy: 4)
                default: result.append(line[index])
                }
            } else {
                result.append(character)
            }
            index = line.index(after: index)
        }
        return nil
    }

    @Test(.enabled(if: articles != nil, "../shared/eval/boilerplate/saudinewsnet is not present"))
    func footersGoArticlesStay() throws {
        let articles = try #require(Self.articles)
        var table = RepetitionTable()
        for article in articles { table.add(lineHashes: RepetitionTable.lineHashes(of: article.content), group: article.source) }
        let cleaner = Cleaner(table: table)
        var footers = 0, footersRemoved = 0, longLines = 0, longLinesRemoved = 0
        for article in articles {
            let result = cleaner.clean(article.content, group: article.source)
            let removed = Set(result.removals.map(\.line))
            for (number, line) in article.content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = line.trimmingCharacters(in: " \u{00A0}")
                let isFooter =
                    (text.contains("@") && !text.contains(" ") && text.contains("."))
                    || text.lowercased().contains("sms") && text.contains(where: \.isNumber) && text.split(separator: " ").count < 30
                    || text.hasPrefix("* خدمة") || text.hasPrefix("...المزيد") || text.hasSuffix("– عين اليوم")
                if isFooter {
                    footers += 1
                    if removed.contains(number + 1) { footersRemoved += 1 }
                }
                if text.split(separator: " ").count >= 40 {
                    longLines += 1
                    if let removal = result.removals.first(where: { $0.line == number + 1 }),
                        removal.rule != "duplicate.paragraph"
                    {
                        longLinesRemoved += 1
                    }
                }
            }
        }
        print(
            "SaudiNewsNet: footer-pattern lines removed \(footersRemoved)/\(footers); paragraphs of 40+ words removed \(longLinesRemoved)/\(longLines)"
        )
        #expect(footers > 50)
        #expect(Double(footersRemoved) >= 0.95 * Double(footers))
        #expect(longLinesRemoved == 0)
    }

    /// The two almadina columns published twice stay in both documents.
    @Test(.enabled(if: articles != nil, "../shared/eval/boilerplate/saudinewsnet is not present"))
    func columnsPublishedTwiceStay() throws {
        let articles = try #require(Self.articles)
        var table = RepetitionTable()
        for article in articles { table.add(lineHashes: RepetitionTable.lineHashes(of: article.content), group: article.source) }
        let cleaner = Cleaner(table: table)
        for id in ["snn-0144", "snn-0145", "snn-0146", "snn-0147"] {
            let article = try #require(articles.first { $0.id == id })
            let removed = cleaner.clean(article.content, group: article.source).removals
            #expect(!removed.contains { $0.rule == "template.site" && $0.range.count > 200 }, "\(id)")
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
