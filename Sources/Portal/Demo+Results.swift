import Foundation
import PortalStore

extension PortalServices {
    /// The demo's previous period, completed: every stage over, the same responsibility matrix, a few evidence
    /// items and claims, the official results of every indicator (with notes and recommendations on some), one
    /// evidence item returned, and the follow-ups they gave rise to: one done, one in progress, the rest open and
    /// overdue, so the current period's dashboard shows what was promised and what was done.
    func loadDemoPreviousPeriod(_ period: Period, today: String) throws {
        try store.setStages(periodID: period.id, Self.completedStages(today: today))
        try setDemoMatrix(period: period)
        guard let admin = try store.accounts().first(where: { $0.role == .admin }) else { return }
        let opds = try store.opds()
        let byCode = Dictionary(uniqueKeysWithValues: opds.map { ($0.code, $0) })
        let items: [(String, String, Int, String)] = [
            ("diskominfo", "I10", 3, "SK Bupati tentang Tim Koordinasi SPBE 2025"),
            ("dinkes", "I45", 3, "Tangkapan layar layanan rujukan daring"),
            ("bpkad", "I34", 3, "Laporan penggunaan aplikasi keuangan daerah 2025"),
        ]
        var evidence: [Evidence] = []
        for (code, indicator, level, title) in items {
            guard let opd = byCode[code], let account = try store.account(username: "demo-\(code)") else { continue }
            let pdf = Data("%PDF-1.4\n% \(title)\ntrailer << >>\n%%EOF\n".utf8)
            evidence.append(
                try store.addEvidence(
                    NewEvidence(
                        periodID: period.id, opdID: opd.id, indicator: indicator, level: level, title: title,
                        record: "", fileName: "\(indicator.lowercased())-\(code)-2025.pdf",
                        contentHash: try blobs.put(pdf),
                        size: Int64(pdf.count), kind: "pdf", accountID: account.id),
                    revises: nil))
            _ = try store.addClaim(
                NewClaim(
                    periodID: period.id, indicator: indicator, opdID: opd.id, level: level,
                    fact: "\(title) tersedia.", analysis: "Dokumen memenuhi kriteria tingkat \(level).",
                    evidenceCodes: [evidence.last!.code], accountID: account.id))
        }
        let indicators = try engine.indicators(packPath: period.pack)
        let results = indicators.map { indicator in
            let level = Self.demoOfficialLevel(indicator.number ?? 0)
            let (notes, recommendation) = Self.demoRecommendations[indicator.id] ?? ("", "")
            return OfficialResult(
                indicator: indicator.id, opdID: nil, level: level, notes: notes, recommendation: recommendation)
        }
        let outcomes = evidence.map { item in
            item.indicator == "I45"
                ? OfficialEvidenceResult(
                    opdID: item.opdID, code: item.code, outcome: .revise,
                    note: "Tangkapan layar berhenti di halaman masuk; transaksi sampai selesai tidak terlihat.")
                : OfficialEvidenceResult(opdID: item.opdID, code: item.code, outcome: .accepted, note: "")
        }
        let resultsDay = CivilDay.adding(-200, to: today) ?? today
        let matrix = ResponsibilityMatrix(
            indicators: indicators, stored: try store.responsibilities(periodID: period.id), opds: opds)
        try store.saveResults(
            ResultBatch(
                periodID: period.id, results: results, evidence: outcomes, replacesResults: true,
                replacesEvidence: true,
                followUps: FollowUpPlanner.followUps(
                    periodID: period.id, results: results, outcomes: outcomes, matrix: matrix, evidence: evidence,
                    claims: try store.claims(periodID: period.id), today: resultsDay),
                accountID: admin.id))
        for followUp in try store.followUps(periodID: period.id) {
            if followUp.indicator == "I10" {
                _ = try store.updateFollowUp(
                    id: followUp.id,
                    FollowUpChange(status: .done, note: "SK direviu dan evaluasi tahunan tim ditetapkan Maret 2026."))
            } else if followUp.source == .evidence {
                _ = try store.updateFollowUp(
                    id: followUp.id,
                    FollowUpChange(status: .inProgress, note: "Rangkaian tangkapan layar baru sedang disusun."))
            }
        }
        try store.audit(accountID: nil, action: "demo.results", submissionID: nil, detail: period.name)
    }

    /// A completed period's stages: the last (hasil) ended 200 days before `today`.
    private static func completedStages(today: String) -> [StageDates] {
        let offsets: [(Stage, Int64, Int64)] = [
            (.persiapan, -420, -391), (.penilaianMandiri, -390, -331), (.verifikasiInternal, -330, -301),
            (.pengiriman, -300, -291), (.penilaianDokumen, -290, -261), (.interviu, -260, -241),
            (.visitasi, -240, -231), (.hasil, -230, -200),
        ]
        return offsets.compactMap { stage, start, end in
            guard let startsOn = CivilDay.adding(start, to: today), let endsOn = CivilDay.adding(end, to: today)
            else { return nil }
            return StageDates(stage: stage, startsOn: startsOn, endsOn: endsOn)
        }
    }

    /// The demo's official level of indicator `number`: policies 3, governance 2 or 3, management 2, services 3.
    private static func demoOfficialLevel(_ number: Int) -> Int {
        switch number {
        case 1...10: 3
        case 11...20: number.isMultiple(of: 2) ? 3 : 2
        case 21...31: 2
        default: 3
        }
    }

    /// The demo's assessor notes and recommendations (fictional), by indicator.
    private static let demoRecommendations: [String: (String, String)] = [
        "I10": (
            "SK Tim Koordinasi ada, tetapi belum ada bukti evaluasi berkala.",
            "Tetapkan evaluasi tahunan Tim Koordinasi SPBE dan simpan laporannya."
        ),
        "I12": (
            "Peta rencana belum tercermin dalam renja tiga tahun terakhir.",
            "Kaitkan kegiatan renja dan DPA dengan peta rencana SPBE."
        ),
        "I21": ("Manajemen risiko SPBE belum diterapkan.", "Susun register risiko SPBE dan tetapkan pemiliknya."),
        "I29": ("Audit infrastruktur belum pernah dilakukan.", "Rencanakan audit infrastruktur SPBE oleh auditor TIK."),
        "I45": (
            "Bukti layanan tidak menunjukkan transaksi selesai.",
            "Lengkapi bukti layanan rujukan sampai transaksi selesai."
        ),
    ]
}
