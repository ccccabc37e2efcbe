import ArabicText
import Benchmark
import BenchmarkSupport

/// Normalization throughput on 1 MB of seed text: the three profiles, ICU's NFKC alone for
/// reference, and the per-line String API.
let benchmarks: @Sendable () -> Void = {
    let text = Corpus.text()
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
        scalingFactor: .one, maxDuration: .seconds(2))

    for profile in NormalizationProfile.allCases {
        let normalizer = ArabicNormalizer(profile: profile)
        Benchmark("normalize 1 MB, \(profile) profile", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                var output: [UInt8] = []
                text.withUnsafeBufferPointer { _ = normalizer.normalize(utf8: $0, into: &output) }
                blackHole(output)
            }
        }
    }

    Benchmark("ICU NFKC 1 MB (normalizeUTF8)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            var output: [UInt8] = []
            text.withUnsafeBufferPointer { UnicodeForm.nfkc.normalize(utf8: $0, into: &output) }
            blackHole(output)
        }
    }

    let lines = Corpus.lines.map { String(decoding: $0, as: UTF8.self) }
    let key = ArabicNormalizer(profile: .key)
    Benchmark(
        "key profile, String per line (\(lines.count) lines)",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal],
            maxDuration: .seconds(2))
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            for line in lines { blackHole(key.normalize(line)) }
        }
    }
}
