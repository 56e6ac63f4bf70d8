import Foundation
import PortalStore

/// The talking points of an interview, drawn from what the portal knows of its indicator in its OPD: the claim
/// beside spbe's estimate and their disagreement, each cited evidence item with its review status (a returned item
/// with its reason and note), a returned claim, the failing findings of the OPD's current inventory for the
/// indicator, and evidence still promised from earlier interviews.
enum InterviewTalkingPoints {
    /// At most this many findings are listed.
    static let findingLimit = 5

    /// The points for `interview`, in the order above.
    static func points(_ call: Call, _ interview: Interview, period: Period) throws -> [String] {
        let words = call.words
        let store = call.store
        var points: [String] = []
        let claim = try store.claims(periodID: period.id).first {
            $0.indicator == interview.indicator && $0.opdID == interview.opdID
        }
        let estimate = try Routes.estimates(call, period: period)[interview.opdID]?[interview.indicator]
        let evidence = try store.evidence(periodID: period.id, opdID: interview.opdID)
        let book = ReviewBook(verdicts: try store.verdicts(periodID: period.id))
        if let claim {
            points.append(words.pointClaim(claim.level, estimate?.level))
            if let note = Routes.disagreement(words, claim: claim, estimate: estimate, evidence: evidence) {
                points.append(note)
            }
            if book.status(of: claim) == .toRevise,
                let verdict = book.latest(.claim, opdID: interview.opdID, item: claim.indicator)
            {
                points.append(words.pointReturned(words.claimOf, verdict))
            }
        } else {
            points.append(words.pointNoClaim(estimate?.level))
        }
        let items = Dictionary(grouping: evidence.filter { $0.indicator == interview.indicator }, by: \.code)
        for (code, versions) in items.sorted(by: { $0.key < $1.key }) {
            guard let latest = versions.max(by: { $0.version < $1.version }) else { continue }
            let status = book.status(of: versions)
            if status == .toRevise, let verdict = book.latest(.evidence, opdID: interview.opdID, item: code) {
                points.append(words.pointReturned("\(code) (\(latest.title))", verdict))
            } else {
                points.append("\(code) (\(latest.title)): \(words.reviewStatusWord(status))")
            }
        }
        if let submission = try store.submissions(periodID: period.id, opdID: interview.opdID).first,
            let table = call.services.findingsTable(submission)
        {
            let failing = table.rows.filter { $0.indicator == interview.indicator && $0.outcome == "fail" }
            for row in failing.prefix(findingLimit) {
                points.append(words.pointFinding(row.title, subject: row.subject))
            }
            if failing.count > findingLimit { points.append(words.pointMoreFindings(failing.count - findingLimit)) }
        }
        for commitment in try store.commitments(periodID: period.id)
        where commitment.opdID == interview.opdID && commitment.indicator == interview.indicator
            && commitment.interviewID != interview.id
        {
            points.append(words.pointPromised(commitment.text, due: commitment.dueOn))
        }
        return points
    }
}
