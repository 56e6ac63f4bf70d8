import Foundation
import PortalStore

/// A review status as the API names it.
extension ReviewStatus {
    /// `pending`, `accepted`, `to-revise` or `revised`.
    var name: String {
        switch self {
        case .pending: "pending"
        case .accepted: "accepted"
        case .toRevise: "to-revise"
        case .revised: "revised"
        }
    }
}

/// A period's stages as the API gives them: today's date on the server, the current stage, every scheduled stage's
/// dates, and the reopenings of the OPDs the caller may read.
struct StagesJSON: Sendable, Encodable {
    struct Dates: Sendable, Encodable {
        let stage: String
        let startsOn: String
        let endsOn: String
    }

    struct ReopeningJSON: Sendable, Encodable {
        let id: Int64
        let opdId: Int64
        let untilOn: String
        let reason: String
        let createdAt: Int64

        init(_ reopening: Reopening) {
            id = reopening.id
            opdId = reopening.opdID
            untilOn = reopening.untilOn
            reason = reopening.reason
            createdAt = reopening.createdAt
        }
    }

    let today: String
    let currentStage: String?
    let stages: [Dates]
    let reopenings: [ReopeningJSON]

    init(stages: [StageDates], reopenings: [Reopening], today: String) {
        self.today = today
        currentStage = StageSchedule(stages: stages, reopenings: []).current(on: today)?.stage.rawValue
        self.stages = stages.map { Dates(stage: $0.stage.rawValue, startsOn: $0.startsOn, endsOn: $0.endsOn) }
        self.reopenings = reopenings.map(ReopeningJSON.init)
    }
}

/// One row of the responsibility matrix as the API gives it.
struct ResponsibilityJSON: Sendable, Encodable {
    let indicator: String
    let name: String
    let pemdaLevel: Bool
    let leadOpdId: Int64?
    let contributorOpdIds: [Int64]
    let pj: String

    init(_ row: ResponsibilityMatrix.Row) {
        indicator = row.indicator.id
        name = row.indicator.name
        pemdaLevel = row.indicator.pemdaLevel
        leadOpdId = row.leadOPDID
        contributorOpdIds = row.contributorIDs
        pj = row.pj
    }
}

/// An evidence version as the API gives it, with its item's review status and where to download it.
struct EvidenceJSON: Sendable, Encodable {
    let id: Int64
    let periodId: Int64
    let opdId: Int64
    let indicator: String
    let level: Int
    let code: String
    let version: Int
    let title: String
    let record: String
    let fileName: String
    let contentHash: String
    let size: Int64
    let kind: String
    let createdAt: Int64
    /// Whether it is its item's latest version.
    let latest: Bool
    /// Its item's review status.
    let status: String
    let download: String

    init(_ evidence: Evidence, versions: [Evidence], book: ReviewBook) {
        id = evidence.id
        periodId = evidence.periodID
        opdId = evidence.opdID
        indicator = evidence.indicator
        level = evidence.level
        code = evidence.code
        version = evidence.version
        title = evidence.title
        record = evidence.record
        fileName = evidence.fileName
        contentHash = evidence.contentHash
        size = evidence.size
        kind = evidence.kind
        createdAt = evidence.createdAt
        latest = versions.allSatisfy { $0.version <= evidence.version }
        status = book.status(of: versions).name
        download = "/api/v1/evidence/\(evidence.id)/file"
    }

    /// `evidence` with its item's versions and verdicts read from the store.
    init(_ evidence: Evidence, call: Call) throws {
        let versions = try call.store.evidence(periodID: evidence.periodID, opdID: evidence.opdID).filter {
            $0.code == evidence.code
        }
        self.init(
            evidence, versions: versions,
            book: ReviewBook(verdicts: try call.store.verdicts(periodID: evidence.periodID)))
    }
}

/// A claim (penilaian mandiri) as the API gives it, with its review status, spbe's estimate for the indicator and
/// the disagreement between them in words.
struct ClaimJSON: Sendable, Encodable {
    let id: Int64
    let periodId: Int64
    let indicator: String
    let opdId: Int64
    let level: Int
    let fact: String
    let analysis: String
    let evidenceCodes: [String]
    let createdAt: Int64
    let status: String
    let estimatedLevel: Int?
    let disagreement: String?

    init(_ claim: Claim, status: ReviewStatus, estimate: CheckAdapter.Estimate?, disagreement: String?) {
        id = claim.id
        periodId = claim.periodID
        indicator = claim.indicator
        opdId = claim.opdID
        level = claim.level
        fact = claim.fact
        analysis = claim.analysis
        evidenceCodes = claim.evidenceCodes
        createdAt = claim.createdAt
        self.status = status.name
        estimatedLevel = estimate?.level
        self.disagreement = disagreement
    }

    /// `claim` with its status, estimate and disagreement read from the store and the current reports.
    init(_ claim: Claim, call: Call) throws {
        guard let period = try call.store.period(id: claim.periodID) else {
            self.init(claim, status: .pending, estimate: nil, disagreement: nil)
            return
        }
        let opds = try call.store.opds()
        let row = try Routes.matrix(call, period: period, opds: opds).rows.first { $0.indicator.id == claim.indicator }
        let estimates = try Routes.estimates(call, period: period)
        let pemdaID = opds.first { $0.code == "pemda" }?.id
        let estimate = row.flatMap { Routes.estimate($0, estimates: estimates, pemdaID: pemdaID) }
        let evidence = try call.store.evidence(periodID: period.id, opdID: claim.opdID)
        let book = ReviewBook(verdicts: try call.store.verdicts(periodID: period.id))
        self.init(
            claim, status: book.status(of: claim), estimate: estimate,
            disagreement: Routes.disagreement(call.words, claim: claim, estimate: estimate, evidence: evidence))
    }
}

/// A review verdict as the API gives it.
struct VerdictJSON: Sendable, Encodable {
    let id: Int64
    let opdId: Int64
    let subject: String
    let item: String
    let version: Int64
    let verdict: String
    let reason: String?
    let note: String
    let createdAt: Int64

    init(_ verdict: Verdict) {
        id = verdict.id
        opdId = verdict.opdID
        subject = verdict.subject.rawValue
        item = verdict.item
        version = verdict.version
        self.verdict = verdict.verdict.rawValue
        reason = verdict.reason?.rawValue
        note = verdict.note
        createdAt = verdict.createdAt
    }
}
