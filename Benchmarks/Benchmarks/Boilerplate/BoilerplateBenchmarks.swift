import ArabicText
import Benchmark
import BenchmarkSupport
import Boilerplate

/// The cleaning core on the seed articles: the line table (keys and features), the rules (also
/// with the key text given, as in the second pass of `nazif clean`), the repetition table
/// (counting and lookups) and table files.
let benchmarks: @Sendable () -> Void = {
    let documents = Corpus.documents(count: 200)  // ~1.3 MB, every copy edited
    let bytes = documents.reduce(0) { $0 + $1.utf8.count }
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        scalingFactor: .one, maxDuration: .seconds(2))

    var table = RepetitionTable()
    for document in documents { table.add(lineHashes: RepetitionTable.lineHashes(of: document), group: "seeds") }
    let arrays = documents.map { Array($0.utf8) }

    Benchmark("line hashes (learn), \(bytes / 1000) KB", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for document in arrays {
                blackHole(document.withUnsafeBufferPointer { RepetitionTable.lineHashes(ofUTF8: $0) })
            }
        }
    }

    Benchmark("count a repetition table, 200 documents", configuration: configuration) { benchmark in
        let hashes = documents.map { RepetitionTable.lineHashes(of: $0) }
        for _ in benchmark.scaledIterations {
            var counted = RepetitionTable()
            for document in hashes { counted.add(lineHashes: document, group: "seeds") }
            blackHole(counted)
        }
    }

    let plain = Cleaner()
    Benchmark("decide without a table, \(bytes / 1000) KB", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for document in arrays {
                blackHole(document.withUnsafeBufferPointer { plain.decide(utf8: $0) })
            }
        }
    }

    let withTable = Cleaner(table: table)
    Benchmark("decide with a table, \(bytes / 1000) KB", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for document in arrays {
                blackHole(document.withUnsafeBufferPointer { withTable.decide(utf8: $0, group: "seeds") })
            }
        }
    }

    // The second pass of `nazif clean`: the first pass spooled each document's key text.
    let keyTexts = arrays.map { document in document.withUnsafeBufferPointer { Cleaner.keyText(ofUTF8: $0).key } }
    Benchmark("decide with a table and the key text given, \(bytes / 1000) KB", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for (document, key) in zip(arrays, keyTexts) {
                blackHole(document.withUnsafeBufferPointer { text in
                    key.withUnsafeBufferPointer { withTable.decide(utf8: text, group: "seeds", keyText: $0) }
                })
            }
        }
    }

    Benchmark("table file: write and read", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let serialized = table.serialized()
            blackHole(try? RepetitionTable(serialized: serialized))
        }
    }
}
