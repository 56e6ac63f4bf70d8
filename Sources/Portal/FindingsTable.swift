import Foundation
import Spreadsheets

/// The findings of a stored JSON report, each with its rule's title, severity, indicator and aspect: what the
/// findings page lists and the XLSX download holds, filtered by aspect, severity or outcome.
struct FindingsTable: Sendable {
    /// One finding.
    struct Row: Sendable, Equatable {
        let rule: String
        let title: String
        let severity: String
        let indicator: String
        let aspect: String
        let outcome: String
        let subject: String
        let place: String
        let message: String
    }

    /// An aspect's index in the report.
    struct Aspect: Sendable, Equatable {
        let id: String
        let name: String
        let index: Double?
    }

    /// What to keep: each nil filter keeps everything.
    struct Filter: Sendable, Equatable {
        var aspect: String?
        var severity: String?
        var outcome: String?

        init(aspect: String? = nil, severity: String? = nil, outcome: String? = nil) {
            self.aspect = aspect
            self.severity = severity
            self.outcome = outcome
        }

        /// The filter of a query string: `aspect`, `severity`, `outcome` (empty values ignored).
        init(query: [String: String]) {
            func value(_ name: String) -> String? { query[name].flatMap { $0.isEmpty ? nil : $0 } }
            self.init(aspect: value("aspect"), severity: value("severity"), outcome: value("outcome"))
        }

        /// The query string that gives this filter (`?aspect=A3`), empty when nothing is filtered.
        var query: String {
            let parts = [("aspect", aspect), ("severity", severity), ("outcome", outcome)].compactMap { name, value in
                value.map { "\(name)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            }
            return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
        }

        func keeps(_ row: Row) -> Bool {
            (aspect == nil || row.aspect == aspect) && (severity == nil || row.severity == severity)
                && (outcome == nil || row.outcome == outcome)
        }
    }

    let rows: [Row]
    let aspects: [Aspect]

    /// The table of the first inventory of a JSON report; nil when it is not one.
    init?(jsonReport data: Data) {
        guard let report = try? JSONDecoder().decode(StoredReport.self, from: data),
            let inventory = report.inventories.first
        else { return nil }
        let rules = Dictionary(report.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let aspectOf = Dictionary(
            report.indicators.map { ($0.id, $0.aspect ?? "") }, uniquingKeysWith: { first, _ in first })
        let english = report.language == "en"
        rows = inventory.findings.map { finding in
            let rule = rules[finding.rule]
            let location = finding.location
            let place =
                location.map { location in
                    [
                        (location.file ?? inventory.source).map { ($0 as NSString).lastPathComponent },
                        location.sheet.map { "\($0)!" },
                        location.cell ?? location.line.map { "\($0)" },
                    ].compactMap { $0 }.joined(separator: " ")
                } ?? ""
            return Row(
                rule: finding.rule, title: rule?.title ?? "", severity: rule?.severity ?? "",
                indicator: rule?.indicator ?? "", aspect: rule?.indicator.flatMap { aspectOf[$0] } ?? "",
                outcome: finding.outcome, subject: finding.subject ?? "", place: place,
                message: finding.message ?? Self.notEvidencedMessage(finding.missingFields ?? [], english: english))
        }
        aspects = (inventory.score?.aspects ?? []).map { Aspect(id: $0.id, name: $0.name, index: $0.index) }
    }

    /// A not-evidenced finding's words, which the report (schema version 4) leaves to its `missing_fields`.
    static func notEvidencedMessage(_ fields: [String], english: Bool) -> String {
        (english ? "not enough data to decide" : "data belum cukup untuk menilai")
            + (fields.isEmpty ? "" : ": " + fields.joined(separator: ", "))
    }

    /// The rows `filter` keeps.
    func rows(_ filter: Filter) -> [Row] { rows.filter(filter.keeps) }

    /// The kept rows as a workbook (sheet `temuan`).
    func workbook(_ filter: Filter) throws -> Data {
        try TableWorkbook.data(
            sheet: "temuan",
            header: ["aturan", "judul", "tingkat", "indikator", "aspek", "hasil", "subjek", "tempat", "pesan"],
            rows: rows(filter).map { row in
                [
                    row.rule, row.title, row.severity, row.indicator, row.aspect, row.outcome, row.subject, row.place,
                    row.message,
                ].map(TableWorkbook.Cell.text)
            })
    }

    /// The parts of a JSON report the table reads.
    private struct StoredReport: Decodable {
        struct Rule: Decodable {
            let id: String
            let title: String?
            let severity: String?
            let indicator: String?
        }
        /// An entry of the report's indicators table (schema version 3).
        struct Indicator: Decodable {
            let id: String
            let aspect: String?
        }
        struct Inventory: Decodable {
            struct Finding: Decodable {
                struct Location: Decodable {
                    let file: String?
                    let line: Int?
                    let sheet: String?
                    let cell: String?
                }
                /// Absent under a rule result (schema version 4): the inventory fills it in.
                var rule: String
                let outcome: String
                let subject: String?
                let location: Location?
                let message: String?
                let missingFields: [String]?

                private enum CodingKeys: String, CodingKey {
                    case rule, outcome, subject, location, message
                    case missingFields = "missing_fields"
                }

                init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    rule = try container.decodeIfPresent(String.self, forKey: .rule) ?? ""
                    outcome = try container.decode(String.self, forKey: .outcome)
                    subject = try container.decodeIfPresent(String.self, forKey: .subject)
                    location = try container.decodeIfPresent(Location.self, forKey: .location)
                    message = try container.decodeIfPresent(String.self, forKey: .message)
                    missingFields = try container.decodeIfPresent([String].self, forKey: .missingFields)
                }
            }
            /// A rule's result, which holds its findings from schema version 4 on.
            struct RuleResult: Decodable {
                let id: String
                let findings: [Finding]?
            }
            struct Score: Decodable {
                struct Aspect: Decodable {
                    let id: String
                    let name: String
                    let index: Double?
                }
                let aspects: [Aspect]?
            }
            /// The inventory's file: a finding's `location.file` is null when it is this one.
            let source: String?
            /// The findings: a flat list up to schema version 3, each rule result's from version 4 on.
            let findings: [Finding]
            let score: Score?

            private enum CodingKeys: String, CodingKey {
                case source, findings, score, rules
            }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                source = try container.decodeIfPresent(String.self, forKey: .source)
                score = try container.decodeIfPresent(Score.self, forKey: .score)
                if let findings = try container.decodeIfPresent([Finding].self, forKey: .findings) {
                    self.findings = findings
                } else {
                    findings = (try container.decodeIfPresent([RuleResult].self, forKey: .rules) ?? []).flatMap {
                        rule in
                        (rule.findings ?? []).map { finding in
                            var named = finding
                            named.rule = rule.id
                            return named
                        }
                    }
                }
            }
        }
        let language: String?
        let rules: [Rule]
        let indicators: [Indicator]
        let inventories: [Inventory]
    }
}
