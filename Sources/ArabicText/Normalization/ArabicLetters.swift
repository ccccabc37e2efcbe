/// The Arabic-script code points the folds name, in one place.
enum ArabicLetters {
    static let alef: UInt32 = 0x0627
    static let alefMaksura: UInt32 = 0x0649
    static let yeh: UInt32 = 0x064A
    static let heh: UInt32 = 0x0647
    static let waw: UInt32 = 0x0648
    static let wawWithHamza: UInt32 = 0x0624
    static let yehWithHamza: UInt32 = 0x0626
    static let tatweel: UInt32 = 0x0640

    /// آ أ إ ٱ ٲ ٳ
    static func isAlefForm(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return true
        default: return false
        }
    }

    /// ة and Urdu teh marbuta goal ۃ
    static func isTehMarbuta(_ scalar: UInt32) -> Bool { scalar == 0x0629 || scalar == 0x06C3 }

    /// Persian, Urdu, Kurdish and Pashto letters folded to the Arabic letter they stand for.
    static func persianFold(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x06A9, 0x06AA, 0x06AF: return 0x0643  // ک keheh, ڪ swash kaf, گ gaf → ك
        case 0x06CC, 0x06D0, 0x06D2: return 0x064A  // ی Farsi yeh, ې, ے yeh barree → ي
        case 0x06C0, 0x06D5, 0x06BE, 0x06C1: return 0x0647  // ۀ ە ھ ہ → ه
        case 0x06A4: return 0x0641  // ڤ veh → ف
        case 0x067E: return 0x0628  // پ peh → ب
        case 0x0686: return 0x062C  // چ tcheh → ج
        case 0x0698: return 0x0632  // ژ jeh → ز
        default: return nil
        }
    }

    static func isTashkeel(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x08CA...0x08E1,
            0x08E3...0x08FF:
            return true
        default:
            return false
        }
    }

    static func isFormatControl(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F...0x84, 0x86...0x9F:
            return true  // C0 and C1 controls other than tab, line feed, carriage return, NEL
        case 0x00AD, 0x061C, 0x180E, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064,
            0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }

    static func isUnicodeSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0085, 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
