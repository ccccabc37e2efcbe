import ArabicText
import Benchmark
import BenchmarkSupport

/// Tokenization throughput on 1 MB of seed text: words (fast path plus ICU), ICU's word rules
/// alone, and sentences.
let benchmarks: @Sendable () -> Void = {
    let text = Corpus.text()
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
        scalingFactor: .one, maxDuration: .seconds(2))
    let tokenizer = WordTokenizer.shared

    Benchmark("words 1 MB", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let tokens = text.withUnsafeBufferPointer { tokenizer.tokens(utf8: $0) }
            blackHole(tokens)
        }
    }

    Benchmark("sentences 1 MB", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let sentences = text.withUnsafeBufferPointer { SentenceSplitter.shared.sentences(utf8: $0) }
            blackHole(sentences)
        }
    }

    let lines = Corpus.lines.map { String(decoding: $0, as: UTF8.self) }
    Benchmark(
        "words, String per line (\(lines.count) lines)",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal],
            maxDuration: .seconds(2))
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            for line in lines { blackHole(tokenizer.tokens(in: line)) }
        }
    }
}
