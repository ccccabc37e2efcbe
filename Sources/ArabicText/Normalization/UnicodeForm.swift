/// A Unicode normalization form, computed by ICU on UTF-8.
///
/// ```swift
/// UnicodeForm.nfkc.normalize("ﻻ")         // "لا"
/// UnicodeForm.nfc.isNormalized("أ")       // true
/// ```
public enum UnicodeForm: String, Sendable, Hashable, CaseIterable {
    /// Canonical decomposition then canonical composition.
    case nfc
    /// Canonical decomposition.
    case nfd
    /// Compatibility decomposition then canonical composition: presentation forms and
    /// ligatures such as ﻻ and ﷲ expand to their letters.
    case nfkc
    /// Compatibility decomposition.
    case nfkd

    /// ICU's shared normalizer for this form (owned by ICU, thread-safe, never freed).
    var icuInstance: ICUNormalizerHandle { ICUNormalizerHandle.instance(for: self) }

    /// Normalizes a string to this form.
    ///
    /// ```swift
    /// UnicodeForm.nfd.normalize("آ").unicodeScalars.count   // 2
    /// ```
    public func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var writer = ByteWriter(capacity: source.count + 16)
            icuInstance.normalize(source, into: &writer)
            return writer.toString()
        }
    }

    /// Normalizes UTF-8 bytes to this form, appending the result to `output`. Ill-formed input
    /// becomes U+FFFD.
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// Array("ﻻ".utf8).withUnsafeBufferPointer { UnicodeForm.nfkc.normalize(utf8: $0, into: &out) }
    /// ```
    public func normalize(utf8 source: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var writer = ByteWriter(capacity: source.count + 16)
        icuInstance.normalize(source, into: &writer)
        writer.appendTo(&output)
    }

    /// Whether a string is already in this form.
    ///
    /// ```swift
    /// UnicodeForm.nfc.isNormalized("ا\u{653}")   // false: it composes to آ
    /// ```
    public func isNormalized(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { icuInstance.isNormalized($0) }
    }
}
