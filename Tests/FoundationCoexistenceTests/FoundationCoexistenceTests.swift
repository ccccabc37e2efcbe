import ArabicText
import Foundation
import Testing

/// Foundation on Linux carries its own ICU (76) while ArabicText calls the system ICU (72)
/// through an opaque C shim. This target imports both and uses both in one process.
@Suite struct FoundationCoexistenceTests {
    @Test func bothICUsWorkInOneProcess() {
        // Foundation's ICU: locale-aware formatting and comparison.
        let formatted = 1234567.89.formatted(.number.locale(Locale(identifier: "ar_EG")))
        #expect(!formatted.isEmpty)
        #expect("كيم".compare("كيم", options: .diacriticInsensitive) == .orderedSame)
        // The system ICU through ArabicText.
        #expect(ArabicNormalizer(profile: .search).normalize("إقرأ أيضاً ﻻ") == "اقرا ايضا لا")
        #expect(WordTokenizer.shared.tokens(in: "قال 15%").count == 2)
        #expect(icuVersion.hasPrefix("7"))
    }

    @Test func stringsCrossBetweenThem() {
        let text = NSString(string: "كوريا الشمالية").appending(" ٢٠٢٤")
        let normalized = ArabicNormalizer(profile: .key).normalize(text)
        #expect(normalized == "كوريا الشماليه 0000")
        #expect((normalized as NSString).length == normalized.utf16.count)
    }
}
