import Foundation
import HTTPTypes
import Hummingbird
import PortalStore

extension Routes {
    /// The workflow under `/api/v1` (issue 23): stages and reopenings, the responsibility matrix, evidence, claims
    /// and review verdicts. The same checks as the pages (the role and OPD from the token or session, uploads and
    /// verdicts locked with 423 when their stage is over); the state changes share the pages' handlers.
    func addWorkflowAPIRoutes() {
        addStageAPIRoutes()
        addResponsibilityAPIRoutes()
        addEvidenceAPIRoutes()
        addClaimAPIRoutes()
    }

    private func addStageAPIRoutes() {
        get("/api/v1/periods/:period/stages", .signedIn) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            let reopenings = try call.store.reopenings(periodID: period.id).filter {
                call.principal!.mayRead(opdID: $0.opdID)
            }
            return call.json(
                StagesJSON(
                    stages: try call.store.stages(periodID: period.id), reopenings: reopenings, today: CivilDay.day()))
        }
        post("/api/v1/periods/:period/stages/:stage", .admin) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }),
                let stage = call.context.parameters.get("stage").flatMap(Stage.init(rawValue:))
            else { return call.notFound() }
            let form = call.form ?? FormData()
            let dates = StageDates(stage: stage, startsOn: form["starts_on"] ?? "", endsOn: form["ends_on"] ?? "")
            guard CivilDay.number(dates.startsOn) != nil, CivilDay.number(dates.endsOn) != nil else {
                return call.problem(.badRequest, call.words.stageOrder)
            }
            let stored = try call.store.stages(periodID: period.id)
            let stages = Stage.allCases.compactMap { each in each == stage ? dates : stored.first { $0.stage == each } }
            // Well-formed dates that contradict each other or the other stages conflict with the schedule.
            guard Self.inOrder(stages) else { return call.problem(.conflict, call.words.stageOrder) }
            try call.store.setStages(periodID: period.id, stages)
            try call.audit("period.stages", "\(period.name): \(Self.stageSummary(stages))")
            return call.json(
                StagesJSON(
                    stages: stages, reopenings: try call.store.reopenings(periodID: period.id), today: CivilDay.day()))
        }
        post("/api/v1/periods/:period/opds/:opd/reopenings", .admin) { call in
            guard let (period, opd) = try scope(call) else { return call.notFound() }
            let form = call.form ?? FormData()
            let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let days = form["days"].flatMap({ Int64($0) }), (0...30).contains(days),
                let until = CivilDay.adding(days, to: CivilDay.day()), !reason.isEmpty, reason.count <= 500
            else { return call.problem(.badRequest, call.words.reopenInvalid) }
            let reopening = try call.store.addReopening(
                periodID: period.id, opdID: opd.id, untilOn: until, reason: reason, accountID: call.account.id)
            try call.audit("stage.reopen", "\(period.name) · \(opd.code) until \(until): \(reason)")
            return call.json(StagesJSON.ReopeningJSON(reopening), status: .created)
        }
    }

    private func addResponsibilityAPIRoutes() {
        get("/api/v1/periods/:period/responsibilities", .signedIn) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            let matrix = try Self.matrix(call, period: period, opds: try call.store.opds())
            // An operator sees what its OPD owes, as its page lists it; the other roles the whole matrix.
            let rows =
                call.account.role == .operator
                ? matrix.rows.filter { row in
                    call.account.opdID.map { row.leadOPDID == $0 || row.contributorIDs.contains($0) } ?? false
                } : matrix.rows
            return call.json(rows.map(ResponsibilityJSON.init))
        }
        post("/api/v1/periods/:period/responsibilities/:indicator", .admin) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            let opds = try call.store.opds()
            let matrix = try Self.matrix(call, period: period, opds: opds)
            let indicator = call.context.parameters.get("indicator") ?? ""
            guard matrix.rows.contains(where: { $0.indicator.id == indicator }) else { return call.notFound() }
            let form = call.form ?? FormData()
            guard let pj = form["pj"], pj.count <= 200, form["contributors"] != nil,
                form["lead_opd_id"].map({ Int64($0) != nil }) ?? true
            else { return call.problem(.badRequest, call.words.matrixInvalid) }
            // Well-formed, but naming an OPD that does not exist.
            guard let assigned = Self.assignment(form, indicator: indicator, opds: opds) else {
                return call.problem(.notFound, call.words.matrixInvalid)
            }
            let rows = matrix.rows.map {
                $0.indicator.id == indicator
                    ? assigned
                    : Responsibility(
                        indicator: $0.indicator.id, leadOPDID: $0.leadOPDID, contributorIDs: $0.contributorIDs,
                        pj: $0.pj)
            }
            try call.store.setResponsibilities(periodID: period.id, rows)
            let lead = assigned.leadOPDID.flatMap { id in opds.first { $0.id == id }?.code } ?? "-"
            try call.audit("responsibility.set", "\(period.name): \(indicator) → \(lead)")
            let saved = try Self.matrix(call, period: period, opds: opds).rows.first { $0.indicator.id == indicator }
            return saved.map { call.json(ResponsibilityJSON($0)) } ?? call.notFound()
        }
    }

    private func addEvidenceAPIRoutes() {
        get("/api/v1/periods/:period/opds/:opd/evidence", .signedIn) { call in
            guard let (period, opd) = try scope(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: opd.id) else { return call.forbidden() }
            let all = try call.store.evidence(periodID: period.id, opdID: opd.id)
            let items = Dictionary(grouping: all, by: \.code)
            let book = ReviewBook(verdicts: try call.store.verdicts(periodID: period.id))
            return call.json(all.map { EvidenceJSON($0, versions: items[$0.code] ?? [$0], book: book) })
        }
        post(
            "/api/v1/periods/:period/opds/:opd/evidence", .signedIn,
            maxBody: max(services.settings.maxUploadBytes, EvidenceInspector.maxBytes) + 64 * 1024
        ) { try uploadEvidence($0) }
        get("/api/v1/evidence/:evidence", .signedIn) { call in
            guard let evidence = try call.id("evidence").flatMap({ try call.store.evidence(id: $0) }) else {
                return call.notFound()
            }
            guard call.principal!.mayRead(opdID: evidence.opdID) else { return call.forbidden() }
            return call.json(try EvidenceJSON(evidence, call: call))
        }
        get("/api/v1/evidence/:evidence/file", .signedIn) { try downloadEvidence($0) }
        post("/api/v1/evidence/:evidence/verdict", .signedIn) { try recordEvidenceVerdict($0) }
        get("/api/v1/periods/:period/opds/:opd/verdicts", .signedIn) { call in
            guard let (period, opd) = try scope(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: opd.id) else { return call.forbidden() }
            return call.json(
                try call.store.verdicts(periodID: period.id).filter { $0.opdID == opd.id }.map(VerdictJSON.init))
        }
    }

    private func addClaimAPIRoutes() {
        get("/api/v1/periods/:period/opds/:opd/claims", .signedIn) { call in
            guard let (period, opd) = try scope(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: opd.id) else { return call.forbidden() }
            let claims = try call.store.claims(periodID: period.id).filter { $0.opdID == opd.id }
            return call.json(try claims.map { try ClaimJSON($0, call: call) })
        }
        post("/api/v1/periods/:period/opds/:opd/claims", .signedIn) { try saveClaim($0) }
        post("/api/v1/claims/:claim/verdict", .signedIn) { try recordClaimVerdict($0) }
    }

    /// Whether `dates` (in the stages' order) each end no earlier than they start and start no earlier than the
    /// stage before, the rule the stages page applies.
    static func inOrder(_ dates: [StageDates]) -> Bool {
        zip(dates, dates.dropFirst()).allSatisfy { $0.startsOn <= $1.startsOn }
            && dates.allSatisfy { $0.startsOn <= $0.endsOn }
    }

    /// The stage dates as the audit log records them.
    static func stageSummary(_ dates: [StageDates]) -> String {
        let summary = dates.map { "\($0.stage.rawValue) \($0.startsOn)..\($0.endsOn)" }.joined(separator: ", ")
        return summary.isEmpty ? "-" : summary
    }

    /// One indicator's responsibility from an API body (`lead_opd_id`: an OPD id, or absent for none;
    /// `contributors`: OPD codes separated by commas or spaces; `pj`: the person in charge), nil when it names an OPD
    /// that does not exist.
    static func assignment(_ form: FormData, indicator: String, opds: [OPD]) -> Responsibility? {
        let byCode = Dictionary(uniqueKeysWithValues: opds.map { ($0.code, $0.id) })
        let lead = form["lead_opd_id"].flatMap { Int64($0) }
        guard lead.map({ id in opds.contains { $0.id == id } }) ?? true else { return nil }
        var contributors: [Int64] = []
        for code in (form["contributors"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let id = byCode[String(code)] else { return nil }
            if id != lead, !contributors.contains(id) { contributors.append(id) }
        }
        let pj = (form["pj"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return Responsibility(indicator: indicator, leadOPDID: lead, contributorIDs: contributors.sorted(), pj: pj)
    }

    /// The workflow API's paths and the methods each answers, for the 405 answers to the others.
    static let workflowAPIMethods: [(path: String, methods: [HTTPRequest.Method])] = [
        ("/api/v1/periods/:period/stages", [.get]), ("/api/v1/periods/:period/stages/:stage", [.post]),
        ("/api/v1/periods/:period/opds/:opd/reopenings", [.post]), ("/api/v1/periods/:period/responsibilities", [.get]),
        ("/api/v1/periods/:period/responsibilities/:indicator", [.post]),
        ("/api/v1/periods/:period/opds/:opd/evidence", [.get, .post]), ("/api/v1/evidence/:evidence", [.get]),
        ("/api/v1/evidence/:evidence/file", [.get]), ("/api/v1/evidence/:evidence/verdict", [.post]),
        ("/api/v1/periods/:period/opds/:opd/verdicts", [.get]),
        ("/api/v1/periods/:period/opds/:opd/claims", [.get, .post]),
        ("/api/v1/claims/:claim/verdict", [.post]),
    ]
}
