import CheckRun
import DataModel
import Diagnostics
import Foundation
import PortalStore
import Reporting
import Spreadsheets

extension CheckAdapter {
    /// The evidence checklist of the inventory at `path`, exactly as `spbe evidence` makes it (`QueryRun.evidence`),
    /// evaluated at `asOf`, worded in `language` (`id` or `en`).
    func checklist(path: String, packPath: String, asOf: String, language: String) throws(Failure) -> EvidenceReport {
        let pack = try pack(packPath)
        guard let day = Day(iso: asOf) else { throw Failure(message: "evaluation date '\(asOf)' is not YYYY-MM-DD") }
        let answer = QueryRun(pack: pack, reader: InventoryReader(schema: pack.schema), asOf: day, language: language)
            .evidence(
                [path])
        guard let report = answer.value else {
            throw Failure(message: answer.diagnostics.diagnostics.map(\.message).joined(separator: "; "))
        }
        return report
    }
}

extension PortalServices {
    /// The evidence checklist of `submission` (re-read from its stored upload, evaluated at the period's date) in
    /// a slot of the evaluation queue; nil when the queue is full.
    func checklist(_ submission: Submission, period: Period, language: Language) async throws -> EvidenceReport? {
        guard let data = blobs.data(submission.contentHash),
            let kind = UploadStaging.kind(of: submission.fileName)
        else { throw CheckAdapter.Failure(message: "the submission's upload is missing") }
        let staged = try UploadStaging.stage(data, fileName: submission.fileName, kind: kind, tmpRoot: tmpFolder)
        defer { staged.remove() }
        return try await queue.run {
            try engine.checklist(
                path: staged.path, packPath: period.pack, asOf: period.evaluationDate, language: language.rawValue)
        }
    }
}
