import DataModel
import Packs

/// A reference of a pack, in Markdown, good enough to hand to an OPD: the framework with its weights and
/// predicates, every indicator by domain and aspect with what each level needs and the evidence asked for, and
/// every rule with its message, recommendation and references, and the inventory to fill in: every collection and
/// field with its label, type, allowed values and description.
public struct PackDocument {
    /// The pack to document.
    public let pack: RulePack
    /// Language of the texts (`id` or `en`).
    public let language: String

    /// Creates a document of `pack` in `language`.
    public init(pack: RulePack, language: String = "id") {
        self.pack = pack.localized(to: language)
        self.language = language
    }

    private var english: Bool { language == "en" }
    func word(_ indonesian: String, _ english: String) -> String { self.english ? english : indonesian }

    /// The whole reference as Markdown.
    public func markdown() -> String {
        var out: [String] = []
        let metadata = pack.metadata
        out.append("# \(metadata.title.text(in: language))")
        out.append("")
        out.append("`\(metadata.id)` \(metadata.version) · \(metadata.framework)")
        if metadata.provisional {
            out += [
                "",
                "> **" + word("Kerangka sementara", "Provisional framework") + ":** "
                    + word(
                        "isi kerangka ini belum pasti; perlakukan hasilnya sebagai perkiraan arah, bukan nilai resmi.",
                        "the content of this framework is not yet certain; treat results as a direction, not an official figure."
                    ),
            ]
        }
        if let description = metadata.description { out += ["", description.text(in: language)] }
        if !metadata.legalBasis.isEmpty {
            out += ["", "**" + word("Dasar hukum", "Legal basis") + "**", ""]
            out += metadata.legalBasis.map { "- \($0)" }
        }
        // A schema-only pack (`rules/inventory`) has no framework or rules to show: its reference is the inventory.
        if !pack.framework.domains.isEmpty { out += framework() }
        for domain in pack.framework.domains { out += self.domain(domain) }
        if !pack.rules.isEmpty { out += rules() }
        out += schemaSection()
        return out.joined(separator: "\n") + "\n"
    }

    private func framework() -> [String] {
        var out = ["", "## " + word("Kerangka dan bobot", "Framework and weights"), ""]
        if pack.framework.weightsUnknown {
            out.append(
                word(
                    "Bobot resmi kerangka ini tidak diketahui, sehingga indeks resmi tidak dapat dihitung.",
                    "The official weights of this framework are unknown, so no official index can be computed."
                ))
            out.append("")
        }
        out.append(
            "| " + word("Domain", "Domain") + " | " + word("Aspek", "Aspect") + " | " + word("Bobot", "Weight") + " | "
                + word("Indikator", "Indicators") + " |")
        out.append("| --- | --- | --- | --- |")
        for domain in pack.framework.domains {
            for aspect in domain.aspects {
                let numbers = pack.indicators.filter { $0.aspectID == aspect.id }.map {
                    $0.number.map(String.init) ?? $0.id
                }
                out.append(
                    "| \(domain.id) \(cell(domain.name)) | \(aspect.id) \(cell(aspect.name)) | \(Value.format(aspect.weight)) | \(numbers.joined(separator: ", ")) |"
                )
            }
        }
        if !pack.framework.predicates.isEmpty {
            out += [
                "", "| " + word("Predikat", "Predicate") + " | " + word("Indeks paling rendah", "Lowest index") + " |",
                "| --- | --- |",
            ]
            out += pack.framework.predicates.map {
                "| \(cell($0.name)) | \($0.inclusive ? "" : "> ")\(Value.format($0.minimum)) |"
            }
        }
        return out
    }

    private func domain(_ domain: Domain) -> [String] {
        var out = [
            "", "## \(domain.id) \(domain.name) (" + word("bobot", "weight") + " \(Value.format(domain.weight)))",
        ]
        for aspect in domain.aspects {
            out += [
                "", "### \(aspect.id) \(aspect.name) (" + word("bobot", "weight") + " \(Value.format(aspect.weight)))",
            ]
            for indicator in pack.indicators where indicator.aspectID == aspect.id { out += self.indicator(indicator) }
        }
        return out
    }

    private func indicator(_ indicator: IndicatorSpec) -> [String] {
        let number = indicator.number.map { " (\(word("indikator", "indicator")) \($0))" } ?? ""
        var out = ["", "#### \(indicator.id) \(indicator.name)\(number)", ""]
        var facts = [word("bobot", "weight") + " \(Value.format(indicator.weight))"]
        if let target = indicator.target { facts.append("target \(word("tingkat", "level")) \(target)") }
        if let effort = indicator.effort { facts.append(word("upaya", "effort") + " \(Value.format(effort))/5") }
        out.append(facts.joined(separator: " · "))
        if !indicator.references.isEmpty {
            out += ["", word("Rujukan", "References") + ": " + indicator.references.joined(separator: "; ")]
        }
        if let note = indicator.note { out += ["", "*" + word("Catatan", "Note") + ":* \(prose(note))"] }
        let scale = pack.framework.scales.first { $0.id == indicator.scaleID }
        out += [
            "",
            "| " + word("Tingkat", "Level") + " | " + word("Yang dibutuhkan", "What it needs") + " | "
                + word("Syarat", "Condition") + " | " + word("Bukti dukung", "Evidence") + " |",
            "| --- | --- | --- | --- |",
        ]
        for level in indicator.levels {
            let name = scale?.name(of: level.level).map { " \($0)" } ?? ""
            out.append(
                "| \(level.level)\(cell(name)) | \(cell(needs(level))) | \(cell(condition(level))) | \(cell(level.evidence.joined(separator: "; "))) |"
            )
        }
        let rules = pack.rules.filter { $0.indicatorID == indicator.id }
        if !rules.isEmpty {
            out += [
                "",
                word("Aturan terkait", "Related rules") + ": "
                    + rules.map { "[\($0.id)](#\(anchor($0.id)))" }.joined(separator: ", "),
            ]
        }
        return out
    }

    /// A level's criterion for people: the pack's description, where the official text is, and the pack's reading.
    private func needs(_ level: LevelSpec) -> String {
        var parts = [level.description.map { prose($0.text(in: language)) } ?? "-"]
        if let criterion = level.criterion {
            parts.append("*" + word("Kriteria resmi", "Official criterion") + ":* \(criterion)")
        }
        if let note = level.note { parts.append("*" + word("Catatan", "Note") + ":* \(prose(note))") }
        return parts.joined(separator: " · ")
    }

    /// The level's `require` expression as the engine evaluates it, or a dash when the level has none.
    private func condition(_ level: LevelSpec) -> String {
        level.require.map { "`\(oneLine($0.text))`" } ?? "-"
    }

    private func rules() -> [String] {
        var out = ["", "## " + word("Aturan", "Rules")]
        for rule in pack.rules {
            out += ["", "### \(rule.id)", "", "**\(rule.title.text(in: language))**", ""]
            var scope = rule.each.map { word("setiap", "each") + " `\($0)`" } ?? "OPD"
            if let filter = rule.filter { scope += " " + word("dengan", "where") + " `\(oneLine(filter.text))`" }
            out.append("- " + word("Tingkat keparahan", "Severity") + ": \(rule.severity.rawValue)")
            if let indicator = rule.indicatorID { out.append("- " + word("Indikator", "Indicator") + ": \(indicator)") }
            if !rule.tags.isEmpty { out.append("- " + word("Tag", "Tags") + ": \(rule.tags.joined(separator: ", "))") }
            out.append("- " + word("Subjek", "Subject") + ": \(scope)")
            out.append("- " + word("Syarat", "Condition") + ": `\(oneLine(rule.require.text))`")
            if let message = rule.message {
                let text = message.translations[language]?.text ?? message.translations["id"]?.text ?? ""
                out.append("- " + word("Pesan bila gagal", "Message when failing") + ": \(text)")
            }
            if let recommendation = rule.recommendation {
                out.append("- " + word("Rekomendasi", "Recommendation") + ": \(recommendation.text(in: language))")
            }
            if !rule.references.isEmpty {
                out.append("- " + word("Rujukan", "References") + ": \(rule.references.joined(separator: "; "))")
            }
            if let note = rule.note { out.append("- " + word("Catatan", "Note") + ": \(prose(note))") }
        }
        return out
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ").replacingOccurrences(of: "`", with: "'")
    }

    /// Free text with Markdown's emphasis characters escaped, so `scope_complete` stays as written.
    private func prose(_ text: String) -> String {
        text.replacingOccurrences(of: "_", with: "\\_").replacingOccurrences(of: "*", with: "\\*")
    }

    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "/").replacingOccurrences(of: "\n", with: " ")
    }

    private func anchor(_ id: String) -> String { id.lowercased() }
}
