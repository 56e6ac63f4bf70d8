import Foundation
import PortalStore

/// What became of an upload.
enum IntakeOutcome: Sendable {
    /// It loaded, was evaluated and is now the OPD's current submission.
    case accepted(Submission)
    /// It did not load: the CLI's diagnostics, nothing stored.
    case refused([CheckAdapter.UploadDiagnostic])
    /// The evaluation queue is full.
    case busy
}

extension PortalServices {
    /// Takes an upload for `opd` in `period` from `account`: stages it, loads it with the CLI's reader, and only if
    /// it loads evaluates it (changes marked against the current submission) and stores it. The blobs are written
    /// before the one transaction that makes the submission current, so an interruption at any point leaves the
    /// previous submission current.
    func intake(
        _ data: Data, fileName: String, period: Period, opd: OPD, account: Account, ticket: String? = nil
    ) async throws -> IntakeOutcome {
        guard let kind = UploadStaging.kind(of: fileName) else {
            return .refused([
                Self.refusal(
                    "upload.kind", "only .xlsx, .zip (a CSV folder), .yaml, .yml and .json files are accepted", fileName
                )
            ])
        }
        let staged: UploadStaging
        do {
            staged = try UploadStaging.stage(data, fileName: fileName, kind: kind, tmpRoot: tmpFolder)
        } catch let refusal as UploadStaging.Refusal {
            return .refused([Self.refusal("upload.zip", refusal.message, fileName)])
        }
        defer { staged.remove() }
        let previous = try store.currentSubmission(periodID: period.id, opdID: opd.id)
        let outcome = try await queue.run(ticket: ticket) { [self] () throws -> IntakeOutcome in
            let (validation, loaded) = try engine.validate(
                path: staged.path, root: staged.folder, held: staged.held, packPath: period.pack)
            guard validation.loaded else { return .refused(validation.diagnostics) }
            let evaluated = try engine.evaluate(
                path: staged.path, loaded: loaded, packPath: period.pack, asOf: period.evaluationDate,
                baseline: previous.map { blobs.path(of: $0.reportJSONHash) }
            )
            let reportJSONHash = try blobs.put(evaluated.json)
            let submission = try store.addSubmission(
                NewSubmission(
                    periodID: period.id, opdID: opd.id, accountID: account.id, fileName: fileName,
                    contentHash: try blobs.put(data),
                    size: Int64(data.count), reportJSONHash: reportJSONHash,
                    reportHTMLHash: try blobs.put(evaluated.html),
                    reportSARIFHash: try blobs.put(evaluated.sarif),
                    evidenceHTMLHash: try blobs.put(evaluated.evidenceHTML),
                    index: evaluated.index, predicate: evaluated.predicate, failingFindings: evaluated.failing
                ))
            engine.keepAsBaseline(evaluated, storedAt: blobs.path(of: reportJSONHash))
            return .accepted(submission)
        }
        guard let outcome else { return .busy }
        switch outcome {
        case .accepted(let submission):
            try store.audit(
                accountID: account.id, action: "upload.accepted", submissionID: submission.id,
                detail: "\(opd.code): \(fileName)")
        case .refused(let diagnostics):
            let errors = diagnostics.filter { $0.severity == "error" }.count
            try store.audit(
                accountID: account.id, action: "upload.refused", submissionID: nil,
                detail: "\(opd.code): \(fileName), \(errors) error(s)")
        case .busy:
            break
        }
        return outcome
    }

    private static func refusal(_ code: String, _ message: String, _ fileName: String) -> CheckAdapter.UploadDiagnostic
    {
        CheckAdapter.UploadDiagnostic(
            severity: "error", code: code, message: message, file: fileName, sheet: nil, place: nil, fix: nil)
    }
}
