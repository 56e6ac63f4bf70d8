import DataModel
import Diagnostics
import Foundation

/// The findings and indexes of an earlier JSON report (`spbe check --format json`), to compare a run against.
public struct Baseline: Sendable {
    /// A finding of the earlier run.
    public struct Finding: Sendable, Decodable {
        private enum CodingKeys: String, CodingKey {
            case rule, subject, outcome, message, severity, location, fingerprint
        }

        init(
            rule: String, subject: String, outcome: String, message: String?, location: Location, fingerprint: String
        ) {
            self.rule = rule
            self.subject = subject
            self.outcome = outcome
            self.message = message
            severity = nil
            self.location = location
            self.fingerprint = fingerprint
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            // Absent under a rule result (schema version 4): the inventory fills it in.
            rule = try container.decodeIfPresent(String.self, forKey: .rule) ?? ""
            subject = try container.decode(String.self, forKey: .subject)
            outcome = try container.decode(String.self, forKey: .outcome)
            message = try container.decodeIfPresent(String.self, forKey: .message)
            severity = try container.decodeIfPresent(String.self, forKey: .severity)
            location = try container.decode(Location.self, forKey: .location)
            fingerprint = try container.decodeIfPresent(String.self, forKey: .fingerprint)
        }

        /// The rule id (in reports of schema version 4, its rule result's, which the finding stands under).
        public internal(set) var rule: String
        /// The subject's key.
        public let subject: String
        /// `fail` or `not_evidenced`.
        public let outcome: String
        /// The finding's message, when it had one.
        public let message: String?
        /// The severity of its rule (in reports of schema version 1; version 2 keeps it in its rules table).
        public let severity: String?
        /// Where it was.
        public internal(set) var location: Location
        /// Its stable identity; computed from rule, OPD and subject when the report predates fingerprints.
        public internal(set) var fingerprint: String?
    }

    /// A position in the earlier report.
    public struct Location: Sendable, Decodable {
        /// The file; a finding's is its inventory's `source` when the report (schema version 3) leaves it null.
        public internal(set) var file: String
        public let line: Int
        public let column: Int
        /// The workbook sheet, for a finding in an XLSX inventory.
        public let sheet: String?

        private enum CodingKeys: String, CodingKey {
            case file, line, column, sheet
        }

        init(file: String, line: Int, column: Int, sheet: String?) {
            self.file = file
            self.line = line
            self.column = column
            self.sheet = sheet
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            // Empty until `Baseline.load` fills in the inventory's source.
            file = try container.decodeIfPresent(String.self, forKey: .file) ?? ""
            line = try container.decode(Int.self, forKey: .line)
            column = try container.decode(Int.self, forKey: .column)
            sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
        }
    }

    /// One inventory of the earlier run.
    public struct Inventory: Sendable, Decodable {
        public struct OPD: Sendable, Decodable {
            public let id: String
            public let name: String
            /// The header's `pemda` (reports before pemda identities have none).
            public let pemda: String?
            /// The header's `pemda_code`.
            public let pemdaCode: String?

            private enum CodingKeys: String, CodingKey {
                case id, name, pemda
                case pemdaCode = "pemda_code"
            }

            /// The pemda the OPD belongs to.
            public var identity: PemdaIdentity { PemdaIdentity(code: pemdaCode, name: pemda) }
        }

        public struct Score: Sendable, Decodable {
            public let index: Double?
        }

        public let source: String
        public let opd: OPD
        public let score: Score
        /// Its findings, in rule order.
        public internal(set) var findings: [Finding]

        private enum CodingKeys: String, CodingKey {
            case source, opd, score, findings, rules
        }

        init(source: String, opd: OPD, score: Score, findings: [Finding]) {
            self.source = source
            self.opd = opd
            self.score = score
            self.findings = findings
        }

        /// A rule's result, which holds its findings from schema version 4 on.
        private struct RuleResult: Decodable {
            let id: String
            let findings: [Finding]?
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            source = try container.decode(String.self, forKey: .source)
            opd = try container.decode(OPD.self, forKey: .opd)
            score = try container.decode(Score.self, forKey: .score)
            if let findings = try container.decodeIfPresent([Finding].self, forKey: .findings) {
                self.findings = findings
            } else {
                let rules = try container.decodeIfPresent([RuleResult].self, forKey: .rules) ?? []
                findings = rules.flatMap { rule in
                    (rule.findings ?? []).map { finding in
                        var named = finding
                        named.rule = rule.id
                        return named
                    }
                }
            }
        }
    }

    /// The pack of the earlier run.
    public struct Pack: Sendable, Decodable {
        public let id: String
        public let version: String
    }

    /// The report's members a baseline needs, by their snake_case names (spelled out: a key decoding strategy
    /// converts every key of every object of the report, which made decoding a baseline cost more than checking
    /// the inventory against it).
    private struct Document: Decodable {
        let schemaVersion: Int
        let fingerprintVersion: Int?
        let pack: Pack?
        let inventories: [Inventory]

        private enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version"
            case fingerprintVersion = "fingerprint_version"
            case pack, inventories
        }
    }

    /// The baseline file.
    public let path: String
    /// The inventories of the earlier run, in its order.
    public let inventories: [Inventory]
    /// How its fingerprints were made: 1 (rule, OPD id, subject; reports before pemda identities) or 2 (with the
    /// pemda).
    public let fingerprintVersion: Int
    /// The pack it was checked with; nil in reports that predate the field.
    public let pack: Pack?
    /// Whether an OPD may be matched to the baseline's OPD of the same id in another pemda (`--force`).
    public var matchesAcrossPemdas = false
    /// Perf: indexes built once, so matching a run's findings is linear, not findings times baseline findings
    /// (3,000 applications against their own baseline took 15 s). The first inventory of a key wins, as a search
    /// in order would find it.
    private let byPemdaAndID: [PemdaKey: Int]
    private let byID: [String: Int]
    private let byPemdaAndSource: [PemdaKey: Int]
    private let bySource: [String: Int]
    private let fingerprints: [Set<String>]

    /// A text (an OPD id or a file) within a pemda.
    private struct PemdaKey: Hashable {
        let pemda: PemdaIdentity
        let text: String
    }

    init(path: String, inventories: [Inventory], fingerprintVersion: Int, pack: Pack?) {
        self.path = path
        self.inventories = inventories
        self.fingerprintVersion = fingerprintVersion
        self.pack = pack
        var byPemdaAndID: [PemdaKey: Int] = [:]
        var byID: [String: Int] = [:]
        var byPemdaAndSource: [PemdaKey: Int] = [:]
        var bySource: [String: Int] = [:]
        for (position, inventory) in inventories.enumerated() {
            let pemda = inventory.opd.identity
            if !inventory.opd.id.isEmpty {
                byPemdaAndID[PemdaKey(pemda: pemda, text: inventory.opd.id)] =
                    byPemdaAndID[PemdaKey(pemda: pemda, text: inventory.opd.id)] ?? position
                byID[inventory.opd.id] = byID[inventory.opd.id] ?? position
            }
            byPemdaAndSource[PemdaKey(pemda: pemda, text: inventory.source)] =
                byPemdaAndSource[PemdaKey(pemda: pemda, text: inventory.source)] ?? position
            bySource[inventory.source] = bySource[inventory.source] ?? position
        }
        self.byPemdaAndID = byPemdaAndID
        self.byID = byID
        self.byPemdaAndSource = byPemdaAndSource
        self.bySource = bySource
        fingerprints = inventories.map { Set($0.findings.compactMap(\.fingerprint)) }
    }

    /// Reads an earlier JSON report of at most `maxBytes` bytes (a regular file: never a pipe or a device); a
    /// diagnostic says why when it cannot be used.
    public static func load(path: String, maxBytes: Int = 256 * 1024 * 1024) -> (
        baseline: Baseline?, diagnostic: Diagnostic?
    ) {
        let location = SourceLocation(file: path, line: 1, column: 1)
        let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath)
        if let attributes, attributes[.type] as? FileAttributeType != .typeRegular {
            return (
                nil,
                Diagnostic(
                    .error, code: "baseline.unreadable", "cannot read the baseline '\(path)': not a regular file",
                    at: nil)
            )
        }
        if let size = attributes?[.size] as? Int, size > maxBytes {
            return (
                nil,
                Diagnostic(
                    .error, code: "baseline.too_large",
                    "the baseline '\(path)' is \(size) bytes, over the limit of \(maxBytes)", at: nil,
                    suggestion: "a baseline may be 16 times --max-file-size; raise that flag"
                )
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, Diagnostic(.error, code: "baseline.unreadable", "cannot read the baseline '\(path)'", at: nil))
        }
        do {
            let document = try JSONDecoder().decode(Document.self, from: data)
            guard (1...JSONReporter.schemaVersion).contains(document.schemaVersion) else {
                return (
                    nil,
                    Diagnostic(
                        .error, code: "baseline.version",
                        "the baseline is a JSON report of schema version \(document.schemaVersion); this spbe reads 1 to \(JSONReporter.schemaVersion)",
                        at: location
                    )
                )
            }
            let version = document.fingerprintVersion ?? 1
            guard (1...FindingFingerprint.version).contains(version) else {
                return (
                    nil,
                    Diagnostic(
                        .error, code: "baseline.version",
                        "the baseline's fingerprints are of version \(version); this spbe reads 1 and 2",
                        at: location
                    )
                )
            }
            let inventories = document.inventories.map { inventory in
                var copy = inventory
                copy.findings = inventory.findings.map { finding in
                    var filled = finding
                    if filled.location.file.isEmpty { filled.location.file = inventory.source }
                    if filled.fingerprint == nil {
                        filled.fingerprint = fingerprint(
                            version: version, pemda: inventory.opd.identity, rule: finding.rule, opd: inventory.opd.id,
                            subject: finding.subject
                        )
                    }
                    return filled
                }
                return copy
            }
            return (
                Baseline(path: path, inventories: inventories, fingerprintVersion: version, pack: document.pack), nil
            )
        } catch {
            return (
                nil,
                Diagnostic(
                    .error, code: "baseline.invalid", "the baseline is not a JSON report of `spbe check --format json`",
                    at: location, suggestion: "write one with: spbe check PATH --format json > baseline.json"
                )
            )
        }
    }

    /// The position of the earlier inventory of the same OPD: by pemda and id, else by file in the same pemda.
    /// Version 1 baselines know no pemda, and `matchesAcrossPemdas` ignores it: then by id, else by file.
    func position(opdID: String, pemda: PemdaIdentity, source: String) -> Int? {
        let samePemdaID = opdID.isEmpty ? nil : byPemdaAndID[PemdaKey(pemda: pemda, text: opdID)]
        if fingerprintVersion == 1 || matchesAcrossPemdas {
            return samePemdaID ?? (opdID.isEmpty ? nil : byID[opdID]) ?? bySource[source]
        }
        return samePemdaID ?? byPemdaAndSource[PemdaKey(pemda: pemda, text: source)]
    }

    /// Whether the earlier inventory at `position` had a finding of this fingerprint.
    func contains(_ fingerprint: String, at position: Int) -> Bool {
        fingerprints[position].contains(fingerprint)
    }

    /// The fingerprint a finding now would have in `before` (an inventory of this baseline): of its version, and
    /// with `before`'s pemda, so a forced comparison across pemdas still matches findings.
    func fingerprint(rule: String, opd: String, subject: String, against before: Inventory) -> String {
        Self.fingerprint(
            version: fingerprintVersion, pemda: before.opd.identity, rule: rule, opd: opd, subject: subject)
    }

    private static func fingerprint(version: Int, pemda: PemdaIdentity, rule: String, opd: String, subject: String)
        -> String
    {
        version == 1
            ? FindingFingerprint.version1(rule: rule, opd: opd, subject: subject)
            : FindingFingerprint.of(pemda: pemda, rule: rule, opd: opd, subject: subject)
    }
}

/// Where a finding stands against the baseline.
public enum BaselineState: String, Sendable {
    /// Not in the baseline.
    case new
    /// In the baseline too.
    case unchanged
    /// In the baseline, gone now.
    case fixed
}
