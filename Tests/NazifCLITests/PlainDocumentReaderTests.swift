import Foundation
import Testing

@testable import nazif

/// The plain-text reader cuts an input into batches only where a document ends, so that the
/// documents the cleaner sees are exactly those of the whole input split at once
/// (`DocumentSeparators.split`), numbered on across batches; and it refuses a document over the
/// limits after reading about that much.
@Suite struct PlainDocumentReaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var separator: String? = nil
        var testDescription: String { name }
    }

    /// Inputs with every kind of cut, each read with batches of a few bytes so that nearly
    /// every boundary ends a batch.
    static let cases: [Case] = [
        Case(name: "empty", text: ""),
        Case(name: "one document", text: "سطر أول\nسطر ثان\n"),
        Case(name: "no final line break", text: "سطر أول\nسطر ثان"),
        Case(name: "form feed alone on its line", text: "أ\nب\n\u{0C}\nج\nد\n\u{0C}\nه\n"),
        Case(name: "form feed inside a line", text: "أ\nب\u{0C}ج\nد\n"),
        Case(name: "two form feeds in one line", text: "أ\u{0C}ب\u{0C}ج\nد\n"),
        Case(name: "form feeds in a row", text: "أ\n\u{0C}\u{0C}\n\u{0C}\nب\n"),
        Case(name: "CRLF lines", text: "أ\r\nب\r\n\u{0C}\r\nج\r\n"),
        Case(name: "ends with a separator", text: "أ\n\u{0C}\n"),
        Case(name: "separator lines", text: "أ\n----\nب\nج\n----\n----\nد\n", separator: "----"),
        Case(name: "separator and form feed", text: "أ\n----\nب\u{0C}ج\n", separator: "----"),
        Case(name: "separator-like lines that are not", text: "أ\n-----\n ----\n----x\nب\n", separator: "----"),
        Case(name: "separator with CRLF", text: "أ\r\n----\r\nب\r\n", separator: "----"),
    ]

    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nazif-reader-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url
    }

    struct Piece: Equatable, CustomStringConvertible {
        var number: Int, firstLine: Int, text: [UInt8], separator: [UInt8]
        var description: String { "#\(number) line \(firstLine) \(String(decoding: text, as: UTF8.self).debugDescription)" }
    }

    /// The documents of a batch as the cleaner gets them (`forEachDocument`'s numbering).
    static func pieces(of batch: DocumentBatch, separator: [UInt8]?) -> [Piece] {
        batch.chunk.bytes.withUnsafeBufferPointer { bytes in
            DocumentSeparators.split(bytes, separator: separator).enumerated().map { number, piece in
                let line = batch.chunk.firstLine + LineFilter.countLineBreaks(UnsafeBufferPointer(rebasing: bytes[0..<piece.text.lowerBound]))
                return Piece(
                    number: batch.documentsBefore + number + 1, firstLine: line,
                    text: Array(bytes[piece.text]), separator: Array(bytes[piece.separator]))
            }
        }
    }

    static func read(_ url: URL, separator: [UInt8]?, limits: DocumentLimits = .standard, batchSize: Int) throws -> [DocumentBatch] {
        var reader = PlainDocumentReader(input: try InputFile.open(url.path), separator: separator, limits: limits)
        reader.batchSize = batchSize
        var batches: [DocumentBatch] = []
        try reader.read {
            batches.append($0); return true
        }
        return batches
    }

    @Test(arguments: cases, [1, 3, 1 << 20])
    func batchesGiveTheDocumentsOfTheWholeInput(_ testCase: Case, batchSize: Int) throws {
        let url = try Self.file(testCase.text)
        defer { try? FileManager.default.removeItem(at: url) }
        let separator = testCase.separator.map { Array($0.utf8) }
        let batches = try Self.read(url, separator: separator, batchSize: batchSize)
        let bytes = Array(testCase.text.utf8)
        // The batches are the input, in order, with offsets and line numbers that add up.
        #expect(batches.flatMap(\.chunk.bytes) == bytes)
        var offset = 0, line = 1
        for batch in batches {
            #expect(batch.chunk.offset == offset)
            #expect(batch.chunk.firstLine == line)
            offset += batch.chunk.bytes.count
            line += batch.chunk.bytes.filter { $0 == 0x0A }.count
        }
        // The documents are those of the whole input split at once.
        let whole = Self.pieces(
            of: DocumentBatch(source: "x", chunk: Chunk(bytes: bytes, offset: 0, firstLine: 1, startsLine: true, endsLine: true)),
            separator: separator)
        #expect(batches.flatMap { Self.pieces(of: $0, separator: separator) } == whole)
        if batchSize == 1 && whole.count > 1 { #expect(batches.count > 1) }
    }

    struct LimitCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var limits: DocumentLimits
        /// What the message must say, or nil when the input is within the limits.
        var refusal: String?
        var testDescription: String { name }
    }

    static let longLine = String(repeating: "كلمة ", count: 300_000)  // 3 MB, no line break

    static let limitCases: [LimitCase] = [
        LimitCase(
            name: "one document over the byte limit", text: String(repeating: "سطر من نص عربي\n", count: 80_000),
            limits: DocumentLimits(maxBytes: 1 << 20, maxLines: 1_000_000), refusal: "the document is over 1 MiB (--max-document-size)"),
        LimitCase(
            name: "a single line over the byte limit", text: longLine,
            limits: DocumentLimits(maxBytes: 1 << 20, maxLines: 1_000_000), refusal: "the document is over 1 MiB"),
        LimitCase(
            name: "one document over the line limit", text: String(repeating: "س\n", count: 101),
            limits: DocumentLimits(maxBytes: 1 << 20, maxLines: 100), refusal: "the document is over 100 lines (--max-document-lines)"),
        LimitCase(
            name: "exactly the line limit", text: String(repeating: "س\n", count: 100),
            limits: DocumentLimits(maxBytes: 1 << 20, maxLines: 100), refusal: nil),
        LimitCase(
            name: "the third document over the line limit", text: "أ\n\u{0C}\nب\n\u{0C}\n" + String(repeating: "س\n", count: 101),
            limits: DocumentLimits(maxBytes: 1 << 20, maxLines: 100), refusal: "document 3, from line 5, is over 100 lines"),
        LimitCase(
            name: "many documents each under the limits", text: String(repeating: String(repeating: "سطر\n", count: 90) + "\u{0C}\n", count: 40),
            limits: DocumentLimits(maxBytes: 1 << 20, maxLines: 100), refusal: nil),
    ]

    @Test(arguments: limitCases)
    func documentsOverTheLimitsAreRefused(_ testCase: LimitCase) throws {
        let url = try Self.file(testCase.text)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let batches = try Self.read(url, separator: nil, limits: testCase.limits, batchSize: 64)
            #expect(testCase.refusal == nil, "not refused")
            #expect(batches.flatMap(\.chunk.bytes) == Array(testCase.text.utf8))
        } catch let failure as Failure {
            let refusal = try #require(testCase.refusal, "refused: \(failure.message)")
            #expect(failure.status == ExitStatus.dataError)
            #expect(failure.message.contains(refusal), "\(failure.message)")
            #expect(failure.message.contains("--doc-separator"))
        }
    }
}
