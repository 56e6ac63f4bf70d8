import DataModel
import Diagnostics
import YAMLSource

/// Reads a waiver file, linted like a pack: unknown keys, missing fields, bad dates and unknown rule ids are
/// errors with their position.
///
/// ```yaml
/// spbe_waivers: 1
/// waivers:
///   - rule: APP-SSO
///     subject: APP-03
///     opd: "1.02.01"              # optional: only this OPD's inventory
///     pemda: "34.04"              # optional: only that pemda's (region code or name, as in the header)
///     reason: Aplikasi warisan; migrasi ke SSO pemda dijadwalkan Maret 2026
///     approved_by: Kepala Dinas Kominfo
///     until: 2026-03-31
/// ```
public enum WaiverLoader {
    static let keys = ["rule", "subject", "opd", "pemda", "reason", "approved_by", "until"]

    /// The waivers of the file at `path`, checked against `ruleIDs`; nil with diagnostics on any error.
    public static func load(path: String, ruleIDs: [String], limits: YAMLLimits = .default) -> (
        waivers: [Waiver]?, diagnostics: [Diagnostic], text: String?
    ) {
        switch YAMLReader.read(path: path, limits: limits) {
        case .failure(let diagnostic):
            return (nil, [diagnostic], nil)
        case .success(let document):
            let reader = PackReader()
            let waivers = read(document.root, path: path, ruleIDs: ruleIDs, reader: reader)
            let diagnostics = reader.diagnostics
            return (diagnostics.hasErrors ? nil : waivers, diagnostics.diagnostics, document.text)
        }
    }

    private static func read(_ root: YAMLNode?, path: String, ruleIDs: [String], reader: PackReader) -> [Waiver] {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let root,
            let entries = reader.fields(
                root, of: "a waiver file", allowed: ["spbe_waivers", "waivers"], required: ["spbe_waivers"])
        else {
            if root == nil { reader.report(.waiverFileEmpty(at: start)) }
            return []
        }
        if let format = entries["spbe_waivers"], reader.int(format, "spbe_waivers") != 1 {
            reader.report(.unsupportedWaiverFormat(at: format.location))
        }
        var seen: [String: SourceLocation] = [:]
        return reader.list(entries["waivers"], "waivers").compactMap { node in
            guard
                let fields = reader.fields(
                    node, of: "a waiver", allowed: keys,
                    required: ["rule", "subject", "reason", "approved_by", "until"]
                ), let rule = reader.string(fields["rule"], "rule"),
                let subject = reader.string(fields["subject"], "subject"),
                let reason = reader.string(fields["reason"], "reason"),
                let approvedBy = reader.string(fields["approved_by"], "approved_by"),
                let untilNode = fields["until"]
            else { return nil }
            guard let until = untilNode.scalar.flatMap({ Day(iso: $0) }) else {
                reader.report(.invalidWaiverDate(at: untilNode.location))
                return nil
            }
            if !ruleIDs.contains(rule), let ruleNode = fields["rule"] {
                reader.report(.waiverUnknownRule(rule, among: ruleIDs, at: ruleNode.location))
                return nil
            }
            let opd = fields["opd"].flatMap { reader.string($0, "opd") }
            let pemda = fields["pemda"].flatMap { reader.string($0, "pemda") }
            let key = "\(rule) \(subject) \(opd ?? "*") \(pemda ?? "*")"
            if let first = seen[key] {
                reader.report(.duplicateWaiver(rule: rule, subject: subject, firstLine: first.line, at: node.location))
                return nil
            }
            seen[key] = node.location
            return Waiver(
                ruleID: rule, subject: subject, opdID: opd, pemda: pemda, reason: reason, approvedBy: approvedBy,
                until: until,
                location: node.location
            )
        }
    }
}
