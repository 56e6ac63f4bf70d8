import Ink

extension PackDocument {
    /// The reference as one self-contained HTML page (no network, no external assets), printable to PDF.
    public func html() -> String {
        // Each top-level section is rendered on its own, so that markup Ink leaves open in one (in a rule's text,
        // say) cannot keep the tables of the next from rendering.
        let parser = MarkdownParser()
        let body = markdown().components(separatedBy: "\n## ").enumerated()
            .map { position, section in parser.html(from: position == 0 ? section : "## " + section) }
            .joined()
        let title = escape(pack.metadata.title.text(in: language))
        return """
            <!DOCTYPE html>
            <html lang="\(language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; line-height: 1.45; }
            h1 { border-bottom: 3px solid #b5121b; padding-bottom: .3rem; }
            h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccd; }
            h4 { margin-bottom: .3rem; }
            table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92rem; }
            th, td { border: 1px solid #ccd; padding: .3rem .5rem; vertical-align: top; text-align: left; }
            th { background: #eef0f5; }
            code { background: #f3f4f8; padding: 0 .2rem; border-radius: 3px; font-size: .88em; }
            blockquote { border-left: 4px solid #e0a400; background: #fff8e1; margin: 1rem 0; padding: .5rem 1rem; }
            @media print { body { max-width: none; margin: 0; } h2, h3, h4 { break-after: avoid; } table { break-inside: auto; } tr { break-inside: avoid; } }
            </style>
            </head>
            <body>
            \(anchored(body))
            </body>
            </html>

            """
    }

    /// Gives each rule heading an id so the indicator tables can link to it.
    private func anchored(_ body: String) -> String {
        var html = body
        for rule in pack.rules {
            html = html.replacingOccurrences(
                of: "<h3>\(rule.id)</h3>", with: "<h3 id=\"\(rule.id.lowercased())\">\(rule.id)</h3>")
        }
        return html
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
