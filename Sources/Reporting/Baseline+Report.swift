import DataModel
import Diagnostics
import Engine

/// A baseline made from a report in memory: what `Baseline.load` reads back from that report's JSON, without
/// writing and decoding it (the portal compares each upload with the OPD's previous one, which it has just made).
extension Baseline {
    /// The baseline `Baseline.load(path:)` would give for `report` written as JSON at `path`: the same inventories,
    /// findings (messages, locations, fingerprints), indexes (rounded as the JSON report writes them) and pack.
    public init(report: Report, path: String) {
        let metadata = report.pack.pack.metadata
        self.init(
            path: path, inventories: report.evaluations.map { Inventory(evaluation: $0, report: report) },
            fingerprintVersion: FindingFingerprint.version, pack: Pack(id: metadata.id, version: metadata.version))
    }
}

extension Baseline.Inventory {
    fileprivate init(evaluation: InventoryEvaluation, report: Report) {
        let pemda = evaluation.pemda
        self.init(
            source: evaluation.source,
            opd: OPD(id: evaluation.opdID, name: evaluation.opdName, pemda: pemda.givenName, pemdaCode: pemda.code),
            score: Score(index: evaluation.score.index.flatMap(JSONWriter.rounded)),
            findings: evaluation.findings.map { finding in
                Baseline.Finding(
                    rule: report.pack.rules[finding.ruleIndex].spec.id, subject: finding.subject,
                    outcome: finding.outcome.rawValue, message: finding.outcome == .fail ? finding.message : nil,
                    location: Baseline.Location(finding.location),
                    fingerprint: report.fingerprint(finding, in: evaluation))
            })
    }
}

extension Baseline.Location {
    fileprivate init(_ location: SourceLocation) {
        self.init(file: location.file, line: location.line, column: location.column, sheet: location.sheet)
    }
}
