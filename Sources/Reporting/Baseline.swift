import Diagnostics
import Foundation

/// The findings and indexes of an earlier JSON report (`spbe check --format json`), to compare a run against.
public struct Baseline: Sendable {
    /// A finding of the earlier run.
    public struct Finding: Sendable, Decodable {
        /// The rule id.
        public let rule: String
        /// The subject's key.
        public let subject: String
        /// `fail` or `not_evidenced`.
        public let outcome: String
        /// The finding's message, when it had one.
        public let message: String?
        /// The severity of its rule (in reports of schema version 1; version 2 keeps it in its rules table).
        public let severity: String?
        /// Where it was.
        public let location: Location
        /// Its stable identity; computed from rule, OPD and subject when the report predates fingerprints.
        public internal(set) var fingerprint: String?
    }

    /// A position in the earlier report.
    public struct Location: Sendable, Decodable {
        public let file: String
        public let line: Int
        public let column: Int
        /// The workbook sheet, for a finding in an XLSX inventory.
        public let sheet: String?
    }

    /// One inventory of the earlier run.
    public struct Inventory: Sendable, Decodable {
        public struct OPD: Sendable, Decodable {
            public let id: String
            public let name: String
        }

        public struct Score: Sendable, Decodable {
            public let index: Double?
        }

        public let source: String
        public let opd: OPD
        public let score: Score
        public internal(set) var findings: [Finding]
    }

    private struct Document: Decodable {
        let schemaVersion: Int
        let inventories: [Inventory]
    }

    /// The inventories of the earlier run, in its order.
    public let inventories: [Inventory]
    /// Perf: indexes built once, so matching a run's findings is linear, not findings times baseline findings
    /// (3,000 applications against their own baseline took 15 s). The first inventory of an OPD id or a source
    /// wins, as a search in order would find it.
    private let byOPD: [String: Int]
    private let bySource: [String: Int]
    private let fingerprints: [Set<String>]

    init(inventories: [Inventory]) {
        self.inventories = inventories
        var byOPD: [String: Int] = [:]
        var bySource: [String: Int] = [:]
        for (position, inventory) in inventories.enumerated() {
            if !inventory.opd.id.isEmpty, byOPD[inventory.opd.id] == nil { byOPD[inventory.opd.id] = position }
            if bySource[inventory.source] == nil { bySource[inventory.source] = position }
        }
        self.byOPD = byOPD
        self.bySource = bySource
        fingerprints = inventories.map { Set($0.findings.compactMap(\.fingerprint)) }
    }

    /// Reads an earlier JSON report of at most `maxBytes` bytes (a regular file: never a pipe or a device); a
    /// diagnostic says why when it cannot be used.
    public static func load(path: String, maxBytes: Int = 256 * 1024 * 1024) -> (baseline: Baseline?, diagnostic: Diagnostic?) {
        let location = SourceLocation(file: path, line: 1, column: 1)
        let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath)
        if let attributes, attributes[.type] as? FileAttributeType != .typeRegular {
            return (nil, Diagnostic(.error, code: "baseline.unreadable", "cannot read the baseline '\(path)': not a regular file", at: nil))
        }
        if let size = attributes?[.size] as? Int, size > maxBytes {
            return (nil, Diagnostic(
                .error, code: "baseline.too_large", "the baseline '\(path)' is \(size) bytes, over the limit of \(maxBytes)", at: nil,
                suggestion: "a baseline may be 16 times --max-file-size; raise that flag"
            ))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, Diagnostic(.error, code: "baseline.unreadable", "cannot read the baseline '\(path)'", at: nil))
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            let document = try decoder.decode(Document.self, from: data)
            guard (1...JSONReporter.schemaVersion).contains(document.schemaVersion) else {
                return (nil, Diagnostic(
                    .error, code: "baseline.version",
                    "the baseline is a JSON report of schema version \(document.schemaVersion); this spbe reads 1 to \(JSONReporter.schemaVersion)",
                    at: location
                ))
            }
            let inventories = document.inventories.map { inventory in
                var copy = inventory
                copy.findings = inventory.findings.map { finding in
                    var filled = finding
                    if filled.fingerprint == nil {
                        filled.fingerprint = FindingFingerprint.of(rule: finding.rule, opd: inventory.opd.id, subject: finding.subject)
                    }
                    return filled
                }
                return copy
            }
            return (Baseline(inventories: inventories), nil)
        } catch {
            return (nil, Diagnostic(
                .error, code: "baseline.invalid", "the baseline is not a JSON report of `spbe check --format json`",
                at: location, suggestion: "write one with: spbe check PATH --format json > baseline.json"
            ))
        }
    }

    /// The earlier inventory of the same OPD (by id, else by file).
    func inventory(opdID: String, source: String) -> Inventory? {
        position(opdID: opdID, source: source).map { inventories[$0] }
    }

    /// Whether the earlier inventory of the same OPD had a finding of this fingerprint.
    func contains(_ fingerprint: String, opdID: String, source: String) -> Bool {
        position(opdID: opdID, source: source).map { fingerprints[$0].contains(fingerprint) } ?? false
    }

    private func position(opdID: String, source: String) -> Int? {
        (opdID.isEmpty ? nil : byOPD[opdID]) ?? bySource[source]
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
