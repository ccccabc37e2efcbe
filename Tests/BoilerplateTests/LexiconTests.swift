import Testing
@testable import Boilerplate

@Suite struct LexiconTests {
    @Test func defaultLexiconLoads() {
        let lexicon = Lexicon.default
        #expect(lexicon.entries.count > 100)
        #expect(lexicon.entries.contains { $0.rule == "read-also" && $0.scope == .rest })
        #expect(lexicon.cues["promo"]?.isEmpty == false)
    }

    /// Spellings of one marker have one key.
    @Test(arguments: ["إقرأ أيضاً", "اقرأ ايضا", "اقرأ أيضًا", "اقرأ أيضا", "إقرأ أيـضاً"])
    func markerSpellingsMeet(_ spelling: String) {
        let result = Cleaner().clean("نص قبل العنوان ينتهي هنا.\n\(spelling):\nمقال آخر هنا.\n")
        #expect(result.removals.first?.rule == "marker.read-also")
        #expect(result.removals.count == 2)
    }

    @Test(arguments: [
        ("line\texact\n", 1, "expected 4 tab-separated fields"),
        ("# comment\nlines\texact\tx\tكلمة\n", 2, "unknown scope"),
        ("line\tsometimes\tx\tكلمة\n", 1, "unknown match"),
        ("cue\texact\tpromo\tكلمة\n", 1, "cues take match 'word'"),
        ("line\texact\tbad rule\tكلمة\n", 1, "rule names"),
        ("\n\nline\texact\tx\t!!!\n", 3, "empty once normalized"),
    ])
    func malformedLexiconsSayWhere(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try Lexicon(parsing: text)
            Issue.record("parsed")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func userEntriesAddToTheDefault() throws {
        var options = CleanerOptions()
        options.lexicon.add(try Lexicon(parsing: "line\texact\twidget\tاشترك بقناتنا على يوتيوب\n"))
        let result = Cleaner(options: options).clean("نص المقال هنا وهو طويل بما يكفي.\nاشترك بقناتنا على يوتيوب\n")
        #expect(result.removals.map(\.rule) == ["marker.widget"])
    }
}
