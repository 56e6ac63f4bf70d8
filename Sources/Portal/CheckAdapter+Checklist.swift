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
    /// The evidence checklist of `submission` with `uploads` beside it, as an HTML page: re-read from the stored
    /// upload, evaluated at the period's date in a slot of the evaluation queue, records' places named relative to
    /// the upload (never the server's staging folder); nil when the queue is full.
    func checklistPage(
        _ submission: Submission, period: Period, language: Language, uploads: [UploadedEvidence]
    ) async throws -> String? {
        guard let data = blobs.data(submission.contentHash),
            let kind = UploadStaging.kind(of: submission.fileName)
        else { throw CheckAdapter.Failure(message: "the submission's upload is missing") }
        // On disk: the checklist's reader searches its paths as `spbe evidence` does.
        let staged = try UploadStaging.stage(
            data, fileName: submission.fileName, kind: kind, tmpRoot: tmpFolder, onDisk: true)
        defer { staged.remove() }
        let report = try await queue.run { [self] in
            try engine.checklist(
                path: staged.path, packPath: period.pack, asOf: period.evaluationDate, language: language.rawValue)
        }
        return report.map {
            $0.with(uploads: uploads).render(.html).replacingOccurrences(of: staged.folder + "/", with: "")
        }
    }
}
