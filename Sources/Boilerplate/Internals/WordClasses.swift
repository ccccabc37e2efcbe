/// Small sets of key-form words that the classifier and the pattern rules ask about, looked up
/// without hashing whole strings: a word is identified by its length and its first eight bytes
/// (four Arabic letters), in an open-addressing table of 512 slots. Two words of the same length
/// that share their first eight bytes would be confused; the tests check that no word of a set
/// collides with a frequent word of the seeds outside it.
struct WordClass: Sendable {
    /// Slot → packed key (0: empty).
    private var slots = [UInt64](repeating: 0, count: 512)

    /// A set of words (given in any spelling: they are folded with the `key` profile first).
    init(_ words: [String]) {
        for word in words {
            let key = Array(Cleaner.keyNormalizer.normalize(word).utf8)
            guard !key.isEmpty, !key.contains(0x20) else { continue }
            let packed = key.withUnsafeBufferPointer { Self.pack($0, 0..<$0.count) }
            var slot = Self.slot(packed)
            while slots[slot] != 0 && slots[slot] != packed { slot = (slot + 1) & 511 }
            slots[slot] = packed
        }
    }

    /// Whether `bytes[range]` (a word of a key) is in the set.
    @inline(__always)
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count <= 24 else { return false }
        let packed = Self.pack(bytes, range)
        var slot = Self.slot(packed)
        while true {
            let value = slots[slot]
            if value == packed { return true }
            if value == 0 { return false }
            slot = (slot + 1) & 511
        }
    }

    /// The word's length (top byte) and its first seven bytes: never 0 for a non-empty word.
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var value = UInt64(range.count) << 56
        var shift: UInt64 = 0
        for position in range.prefix(7) {
            value |= UInt64(bytes[position]) << shift
            shift += 8
        }
        return value
    }

    @inline(__always)
    static func slot(_ packed: UInt64) -> Int {
        Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 55)
    }
}

/// The word classes of Arabic news text (key forms: hamza and alef forms folded, ى → ي, ة → ه).
enum ArabicWords {
    /// Function words: prepositions, conjunctions, particles, pronouns, demonstratives and
    /// relatives, auxiliaries. Prose is full of them; menus, labels and headline lists have few.
    static let function = WordClass([
        "في", "من", "على", "إلى", "عن", "مع", "أن", "إن", "لا", "ما", "لم", "لن", "قد", "كان", "كانت",
        "يكون", "تكون", "كانوا", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "هو", "هي", "هم", "هما", "نحن", "أنا",
        "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "أو", "أم", "ثم", "حتى", "بعد", "قبل",
        "بين", "عند", "منذ", "خلال", "حول", "ضد", "دون", "عبر", "نحو", "لدى", "كما", "أيضا", "كل", "بعض",
        "غير", "لكن", "بل", "إذا", "إذ", "حيث", "كيف", "متى", "أين", "لماذا", "ماذا", "هل", "لقد", "أنه",
        "أنها", "إنه", "إنها", "بأن", "لأن", "أي", "فقط", "جدا", "عليه", "عليها", "عليهم", "منه", "منها",
        "منهم", "فيه", "فيها", "فيهم", "إليه", "إليها", "عنه", "عنها", "له", "لها", "لهم", "به", "بها",
        "بهم", "مما", "عما", "ممن", "إلا", "سوف", "أمام", "فوق", "تحت", "مثل", "هناك", "هنا", "ذات",
        "عدة", "أكثر", "أقل", "وهو", "وهي", "وهم", "كذلك", "عندما", "بينما", "لدى", "ضمن", "وفق", "إثر",
        "وفي", "ومن", "وعلى", "وإلى", "وعن", "ومع", "وأن", "وإن", "ولا", "وما", "ولم", "ولن", "وقد",
        "وكان", "وكانت", "وهذا", "وهذه", "وذلك", "والتي", "والذي", "والذين", "أو", "ثم", "ولكن", "فإن",
        "فقد", "فيما", "كما", "بما", "لما", "لكي", "كي", "حين", "حينما", "منذ", "قال", "وقال", "أضاف",
        "وأضاف", "أكد", "وأكد", "أشار", "وأشار", "أوضح", "وأوضح", "يذكر", "يشار", "وتابع",
    ])

    /// Month names (Gregorian in Egyptian and Levantine use, Hijri in part), weekdays, time
    /// units and clock words: a date or time line has at least one of them or two numbers.
    static let calendar = WordClass([
        "يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "أغسطس",
        "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
        "أيلول", "تشرين", "محرم", "جمادى", "رجب", "شعبان", "شوال",
        "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
        "صباحا", "مساء", "ساعة", "ساعات", "ساعتين", "دقيقة", "دقائق", "دقيقتين", "ثانية", "ثوان",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "am", "pm", "gmt", "utc", "eet", "hours", "hour", "minutes", "mins", "ago", "د", "س",
        // Units of a relative date ("منذ 2 أشهر", "قبل 3 أيام", "2 days ago").
        "يوم", "يومين", "أيام", "أسبوع", "أسبوعين", "أسابيع", "شهر", "شهرين", "أشهر", "شهور", "سنة", "سنتين",
        "سنوات", "عام", "عامين", "أعوام", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "seconds", "secs",
    ])

    /// The words of date and time lines besides ``calendar``'s ("تم نشره", "آخر تحديث",
    /// "بتوقيت", "منذ", "الموافق", ص/م): a date line is made of these, ``calendar`` words and numbers.
    static let date = WordClass([
        "يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "أغسطس",
        "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
        "آب", "أيلول", "تشرين", "الثاني", "الأول", "محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان",
        "شوال", "القعدة", "الحجة", "ذو", "ذي", "الآخر", "الآخرة", "الأولى", "ثاني", "أول", "آخرة", "أولى",
        "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
        "ص", "م", "صباحا", "مساء", "مساءً", "ظهرا", "هـ", "ه", "هجري", "ميلادي", "الموافق",
        "تم", "نشر", "نشره", "النشر", "نشرت", "نشرها", "بتاريخ", "تاريخ", "آخر", "اخر", "تحديث", "التحديث", "حدث",
        "بتوقيت", "توقيت", "غرينتش", "جرينتش", "مكة", "المكرمة", "القاهرة", "منذ", "قبل",
        // A forum post's header: "قديم 05-04-2016, 02:48 PM رقم المشاركة : 1".
        "قديم", "رقم", "المشاركة", "ساعة", "ساعات", "ساعتين",
        "دقيقة", "دقائق", "دقيقتين", "يوم", "يومين", "أيام", "أسبوع", "شهر", "سنة", "عام", "في", "الساعة",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
        "wed", "thu", "fri", "sat", "sun", "am", "pm", "gmt", "utc", "eet", "ast", "cet", "published",
        "updated", "posted", "on", "at", "last", "update", "ago", "date", "time", "hours", "hour", "minutes", "min", "mins",
        "days", "day", "st", "nd", "rd", "th", "of", "by", "د", "س", "ث",
    ])

    /// The first word of a relative date ("منذ ساعتين", "قبل يومين").
    static let relativeDateStarts = WordClass(["منذ", "قبل"])

    /// The first word of a greeting or blessing (``blessingSeconds`` the second): السلام عليكم،
    /// بارك الله، جزاك الله، بسم الله.
    static let blessingOpeners = WordClass(["السلام", "وعليكم", "بارك", "جزاك", "جزاكم", "بسم"])
    static let blessingSeconds = WordClass(["عليكم", "السلام", "الله"])

    /// The words of share, follow, print and listen buttons and of social networks: a line made
    /// only of them is a toolbar.
    static let interface = WordClass([
        "مشاركة", "شارك", "شاركها", "انشر", "طباعة", "اطبع", "إرسال", "أرسل", "ارسال", "حفظ", "نسخ", "الرابط",
        "رابط", "مختصر", "المختصر", "استمع", "استماع", "الاستماع", "تكبير", "تصغير", "الخط", "حجم", "تعليق",
        "تعليقات", "التعليقات", "إعجاب", "أعجبني", "تغريد", "غرد", "واتساب", "واتس", "آب", "فيسبوك", "فيس",
        "بوك", "تويتر", "إكس", "تيليجرام", "تلغرام", "تليغرام", "تلجرام", "لينكدإن", "لينكد", "إن", "انستغرام",
        "انستجرام", "إنستغرام", "يوتيوب", "سناب", "شات", "تيك", "توك", "جوجل", "غوغل", "نيوز", "بريد",
        "البريد", "الإلكتروني", "إيميل", "ايميل", "قراءة", "دقائق", "دقيقة", "للقراءة", "وقت", "القراءة",
        "share", "tweet", "email", "e", "mail", "print", "facebook", "twitter", "x", "whatsapp", "telegram",
        "linkedin", "instagram", "youtube", "pinterest", "reddit", "tumblr", "messenger", "copy", "link",
        "url", "short", "save", "pocket", "listen", "comments", "comment", "like", "follow", "google", "news",
        "gnews", "rss", "feed", "this", "selection", "on", "via", "us", "the", "tiktok", "snapchat", "threads",
    ])
}
