import ArabicText
import Benchmark
import BenchmarkSupport

/// Transliteration schemes, name keys and the romanizer.
let benchmarks: @Sendable () -> Void = {
    let text = Corpus.text()
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        scalingFactor: .one, maxDuration: .seconds(2))

    for scheme in TransliterationScheme.allCases {
        Benchmark("\(scheme) 1 MB", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                var output: [UInt8] = []
                text.withUnsafeBufferPointer { scheme.transliterate(utf8: $0, into: &output) }
                blackHole(output)
            }
        }
    }

    let names = [
        "كيم جونغ أون", "بيونج يانج", "فلاديفوستوك", "سيرغي شويغو", "فولوديمير زيلينسكي",
        "دونالد ترامب", "هونغ كونغ", "شي جين بينغ", "جيك سوليفان", "أدريان واتسون",
    ]
    Benchmark("NameKey, 10 names", configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(2))) { benchmark in
        for _ in benchmark.scaledIterations {
            for name in names { blackHole(NameKey(name)) }
        }
    }

    let romanizer = Romanizer.shared
    _ = romanizer.romanize("كيم")  // load the dictionary outside the measurement
    Benchmark("romanize, 10 names", configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(2))) { benchmark in
        for _ in benchmark.scaledIterations {
            for name in names { blackHole(romanizer.romanize(name)) }
        }
    }
}
