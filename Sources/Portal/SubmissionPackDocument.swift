import Foundation

/// The submission pack's printable document: domain, aspect, then per indicator the level, the penjelasan and the
/// data dukung list, in the national application's order, for A4 (print to PDF from the browser). The same markup
/// is shown in the portal (with a copy button per penjelasan, the site's script) and written into the ZIP as a
/// page of its own (its style inline: no site around it).
enum SubmissionPackDocument {
    /// The document's style, screen and print (A4): the portal serves it with its own style sheet, the ZIP's page
    /// carries it inline.
    static let css = """
        .pack-doc h2 { margin-top: 1.6rem; border-bottom: 2px solid #0b2e59; }
        .pack-doc h3 { margin-top: 1.2rem; }
        .pack-indicator { border: 1px solid #d5d9e0; border-radius: 4px; padding: .4rem .8rem; margin: .8rem 0; break-inside: avoid; }
        .pack-indicator h4 { margin: .3rem 0; }
        .pack-doc table.pack-fields th { width: 9rem; }
        .pack-doc .penjelasan { white-space: pre-wrap; }
        .pack-doc .unclaimed { color: #a4161a; }
        .pack-doc button.copy { margin-top: .3rem; }
        @media print {
          @page { size: A4; margin: 16mm 14mm; }
          header.site, .no-print, .pack-doc button.copy { display: none !important; }
          main { max-width: none; padding: 0; }
          body { font-size: 10.5pt; }
          .pack-indicator { border-color: #999; }
          a { color: inherit; text-decoration: none; }
        }
        """

    /// The document's body: a heading per domain and aspect, a section per indicator. `copyButtons` adds the copy
    /// button of each penjelasan (the portal page; inert without the site's script).
    static func body(_ pack: SubmissionPack, words: Words, copyButtons: Bool) -> HTML {
        let claimed = pack.entries.filter { $0.claim != nil }.count
        var parts: [HTML] = [
            """
            <p>\(words.period): <strong>\(pack.period.name)</strong> · \(words.packClaimedCount(claimed, pack.entries.count)) \
            · \(words.evidenceItems): \(pack.items.count)</p>
            """
        ]
        for domain in pack.domains {
            parts.append("<h2>\(domain.id) · \(domain.name)</h2>")
            for aspect in domain.aspects where !aspect.entries.isEmpty {
                parts.append("<h3>\(aspect.id) · \(aspect.name)</h3>")
                parts += aspect.entries.map { entry(pack, $0, words: words, copyButtons: copyButtons) }
            }
        }
        return "<div class=\"pack-doc\">\(parts)</div>"
    }

    private static func entry(_ pack: SubmissionPack, _ entry: SubmissionPack.Entry, words: Words, copyButtons: Bool)
        -> HTML
    {
        let number = entry.number.map { "\(words.indicator) \($0) · " } ?? ""
        let heading: HTML = "<h4>\(number)\(entry.id) · \(entry.name)</h4>"
        guard let claim = entry.claim else {
            return """
                <section class="pack-indicator" id="pack-\(entry.id)">\(heading)\
                <p class="unclaimed">\(words.packNotClaimed)\(entry.opdName.map { " (\($0))" } ?? "")</p></section>
                """
        }
        let copy: HTML =
            copyButtons
            ? "<br><button type=\"button\" class=\"copy\" data-copy=\"penjelasan-\(entry.id)\" data-copied=\"\(words.copied)\">\(words.copyPenjelasan)</button>"
            : ""
        let items: [HTML] = entry.items.map {
            "<li><code>\($0.fileName)</code> · \($0.title) · v\($0.version) · \(words.reviewStatusWord($0.status))</li>"
        }
        let list: HTML = items.isEmpty ? "<p class=\"unclaimed\">\(words.packNoEvidence)</p>" : "<ol>\(items)</ol>"
        return """
            <section class="pack-indicator" id="pack-\(entry.id)">\(heading)
            <table class="pack-fields"><tbody>
            <tr><th>OPD</th><td>\(entry.opdName ?? "–")</td></tr>
            <tr><th>\(words.packLevel)</th><td><strong>\(claim.level)</strong></td></tr>
            <tr><th>\(words.packPenjelasan)</th><td><div class="penjelasan" id="penjelasan-\(entry.id)">\(entry.penjelasan)</div>\(copy)</td></tr>
            <tr><th>\(words.packEvidence)</th><td>\(list)</td></tr>
            </tbody></table></section>
            """
    }

    /// The ZIP's page: the document standing alone, its style inline, in the pemda's language.
    static func standalone(_ pack: SubmissionPack, words: Words) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(words.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(HTML.escape(words.submissionPack)) · \(HTML.escape(pack.period.name))</title>
        <style>
        body { font: 11pt/1.45 system-ui, sans-serif; color: #1d2330; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
        table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d5d9e0; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        \(css)
        </style>
        </head>
        <body>
        <h1>\(HTML.escape(words.submissionPack)) · \(HTML.escape(pack.period.name))</h1>
        \(body(pack, words: words, copyButtons: false).markup)
        </body>
        </html>

        """
    }
}
