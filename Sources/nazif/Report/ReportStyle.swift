/// The report page's look: inline CSS (the page loads nothing), the system's Arabic fonts, and a
/// colour for each rule.
enum ReportStyle {
    /// Rule colours: the text colour and strike of a removed line, and its row's tint. Twelve
    /// hues far enough apart to tell on screen; rules beyond twelve share them.
    static let palette: [(ink: String, tint: String)] = [
        ("#b91c1c", "#fde0e0"), ("#1d4ed8", "#dde8fe"), ("#047857", "#d5f5e6"), ("#a16207", "#fbf0c9"),
        ("#7e22ce", "#efe0fd"), ("#be185d", "#fde0ef"), ("#0e7490", "#d4f3f9"), ("#c2410c", "#fee6d4"),
        ("#4d7c0f", "#e6f5cf"), ("#4338ca", "#e2e2fd"), ("#9f1239", "#fcdde4"), ("#374151", "#e5e7eb"),
    ]

    /// Arabic faces first (Debian's fonts-noto-core, fonts-hosny-amiri, Windows' and macOS'
    /// own), then any serif.
    static let fontFamily =
        "\"Noto Naskh Arabic\",\"Noto Sans Arabic\",\"Amiri\",\"Scheherazade New\",\"Geeza Pro\",\"Arabic Typesetting\",\"Traditional Arabic\",\"Times New Roman\",serif"

    static func css(rules: [String]) -> String {
        var css = """
            *{box-sizing:border-box}
            body{margin:0;padding:24px 32px;font-family:\(fontFamily);font-size:17px;line-height:1.7;color:#111;background:#fff}
            h1{font-size:30px;margin:0;line-height:1.5}
            .en{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;font-size:30px;margin:0 0 18px;line-height:1.5;color:#222}
            h2{font-size:23px;margin:32px 0 10px;border-bottom:2px solid #ddd}
            h3{font-size:18px;margin:22px 0 6px}
            code,.ltr{direction:ltr;unicode-bidi:isolate;font-family:"DejaVu Sans Mono","Liberation Mono",monospace;font-size:14px}
            table{border-collapse:collapse}
            .sum td{padding:2px 12px;border-bottom:1px solid #eee}
            .sum td.n{text-align:left;direction:ltr;font-variant-numeric:tabular-nums}
            .bars{display:grid;grid-template-columns:max-content 1fr max-content;gap:4px 12px;align-items:center;max-width:900px}
            .track{background:#f3f4f6;height:18px;border-radius:3px}
            .fill{display:block;height:18px;border-radius:3px;background:var(--c);min-width:2px}
            .count{direction:ltr;font-variant-numeric:tabular-nums;font-size:14px}
            nav ol{columns:2;font-size:14px}
            .doc{margin-top:28px;border-top:1px solid #ccc}
            .meta{font-size:14px;color:#555}
            .lines{width:100%;table-layout:fixed}
            .lines td{vertical-align:top;padding:1px 8px;border-bottom:1px solid #f2f2f2}
            .lines td.no{width:52px;color:#888;font-size:13px;direction:ltr;text-align:left}
            .lines td.t{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}
            .lines td.why{width:300px;font-size:13px;color:#444}
            tr.rm{background:var(--t)}
            tr.rm td.t{color:var(--c);text-decoration:line-through;text-decoration-color:var(--c);text-decoration-thickness:2px}
            tr.rm td.why code{color:var(--c);font-weight:bold}
            tr.sc{border-top:3px solid var(--c)}
            tr.sc td.no::before{content:"⤵ ";color:var(--c)}
            .scope{display:inline-block;font-size:12px;color:#fff;background:var(--c);border-radius:3px;padding:0 5px;margin-inline-start:4px}
            del{text-decoration:inherit}
            .cut{color:#888;font-style:italic}
            .tpl td{padding:1px 8px;border-bottom:1px solid #eee;vertical-align:top}
            .tpl td.n{direction:ltr;text-align:left;font-size:13px;white-space:nowrap}
            .tpl td.t{unicode-bidi:plaintext;white-space:pre-wrap}

            """
        for (index, rule) in rules.enumerated() {
            let colour = palette[index % palette.count]
            css += ".\(className(index)){--c:\(colour.ink);--t:\(colour.tint)}/*\(rule.filter { $0 != "*" && $0 != "/" })*/\n"
        }
        return css
    }

    static func className(_ index: Int) -> String { "k\(index)" }
}
