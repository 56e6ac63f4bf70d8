import Foundation
import Hummingbird
import PortalStore
import Reporting

extension Routes {
    /// The OPD's evidence checklist (`spbe evidence` on its current inventory) with the files uploaded in the portal
    /// for each indicator and level, and the uploaded list as JSON for `spbe evidence --uploaded`.
    func addChecklistRoutes() {
        get("/periods/:period/opds/:opd/checklist", .signedIn) { call in
            guard let (period, opd) = try scope(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: opd.id) else { return call.forbidden() }
            let words = call.words
            let uploads = try uploadedEvidence(call, period: period, opd: opd)
            let base = "/periods/\(period.id)/opds/\(opd.id)"
            var body: [HTML] = [
                "<p><a href=\"\(base)#evidence\">\(opd.name) · \(period.name)</a></p>",
                "<p>\(words.checklistHelp)</p>",
                "<p><a href=\"\(base)/uploaded-evidence.json\">\(words.uploadedList)</a></p>",
            ]
            guard let current = try call.store.currentSubmission(periodID: period.id, opdID: opd.id) else {
                body.append("<p class=\"notice\">\(words.checklistNeedsInventory)</p>")
                return call.html("\(words.checklist) · \(opd.name)", HTML.join(body))
            }
            let page: String
            do {
                guard
                    let made = try await call.services.checklistPage(
                        current, period: period, language: call.language, uploads: uploads)
                else { return call.problem(.serviceUnavailable, words.busy) }
                page = made
            } catch let failure as CheckAdapter.Failure {
                return call.problem(.internalServerError, failure.message)
            }
            body.append(
                "<p>\(words.checklistOfSubmission) <a href=\"/submissions/\(current.id)\">#\(current.id)</a></p>")
            body.append("<div class=\"report-frame checklist\">\(HTML(trusted: CheckAdapter.body(of: page)))</div>")
            return call.html("\(words.checklist) · \(opd.name)", HTML.join(body))
        }
        get("/periods/:period/opds/:opd/uploaded-evidence.json", .signedIn) { call in
            guard let (period, opd) = try scope(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: opd.id) else { return call.forbidden() }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let data = try encoder.encode(try uploadedEvidence(call, period: period, opd: opd))
            return call.download(data, name: "\(opd.code)-uploaded-evidence.json", type: "application/json")
        }
    }

    /// The OPD's evidence items in the period, each at its latest version, with its review status in the caller's
    /// words and its page's path, ordered by code.
    func uploadedEvidence(_ call: Call, period: Period, opd: OPD) throws -> [UploadedEvidence] {
        let book = ReviewBook(verdicts: try call.store.verdicts(periodID: period.id))
        let items = Dictionary(grouping: try call.store.evidence(periodID: period.id, opdID: opd.id), by: \.code)
        return items.keys.sorted().compactMap { code in
            guard let versions = items[code], let latest = versions.max(by: { $0.version < $1.version }) else {
                return nil
            }
            return UploadedEvidence(
                indicator: latest.indicator, level: latest.level, code: code, file: latest.fileName,
                status: call.words.status(book.status(of: versions)), link: "/evidence/\(latest.id)")
        }
    }
}
