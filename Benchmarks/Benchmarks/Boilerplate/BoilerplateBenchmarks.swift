import ArabicText
import Benchmark
import BenchmarkSupport
import Boilerplate

/// The cleaning core on the seed articles: preparing documents (key text and line hashes), the
/// rules (also on prepared documents, as in the second pass of `nazif clean`), the repetition
/// table (counting and lookups) and table files.
let benchmarks: @Sendable () -> Void = {
    let documents = Corpus.documents(count: 200)  // ~1.3 MB, every copy edited
    let bytes = documents.reduce(0) { $0 + $1.utf8.count }
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        scalingFactor: .one, maxDuration: .seconds(2))

    var table = RepetitionTable()
    let prepared = documents.map { Document($0) }
    for document in prepared { table.add(document, group: "seeds") }
    let arrays = documents.map { Array($0.utf8) }

    Benchmark("prepare documents (key text, line hashes), \(bytes / 1000) KB", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for document in arrays { blackHole(Document(utf8: document)) }
        }
    }

    Benchmark("count a repetition table, 200 documents", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            var counted = RepetitionTable()
            for document in prepared { counted.add(document, group: "seeds") }
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

    // The second pass of `nazif clean`: the first pass prepared each document's key text.
    Benchmark("decide on prepared documents with a table, \(bytes / 1000) KB", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for document in prepared { blackHole(withTable.decide(document, group: "seeds")) }
        }
    }

    Benchmark("table file: write and read", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let serialized = table.serialized()
            blackHole(try? RepetitionTable(serialized: serialized))
        }
    }
}
