import Foundation
import PortalStore

extension PortalServices {
    /// The demo period's stages around `today`: persiapan is over and penilaian mandiri runs for two more weeks, so
    /// a visitor sees the countdown and open uploads; the later stages follow in order.
    static func demoStages(today: String) -> [StageDates] {
        let spans: [(Stage, Int64, Int64)] = [
            (.persiapan, -30, -15), (.penilaianMandiri, -14, 14), (.verifikasiInternal, 15, 28), (.pengiriman, 29, 35),
            (.penilaianDokumen, 36, 60), (.interviu, 61, 75), (.visitasi, 76, 85), (.hasil, 86, 100),
        ]
        return spans.compactMap { stage, start, end in
            guard let startsOn = CivilDay.adding(start, to: today), let endsOn = CivilDay.adding(end, to: today)
            else { return nil }
            return StageDates(stage: stage, startsOn: startsOn, endsOn: endsOn)
        }
    }
}

extension PortalServices {
    /// The demo's responsibility matrix: the defaults (Diskominfo, Bappeda for planning) for the pemda-level
    /// indicators, the management ones to Diskominfo, each administration and public service to the OPD that runs
    /// it in the demo pemda, and a PJ for each (fictional names).
    func setDemoMatrix(period: Period) throws {
        let opds = try store.opds()
        let byCode = Dictionary(uniqueKeysWithValues: opds.map { ($0.code, $0.id) })
        let services: [Int: (String, [String])] = [
            32: ("bappeda", []), 33: ("bpkad", ["bappeda"]), 34: ("bpkad", []), 36: ("bkpsdm", []),
            38: ("bpkad", []), 39: ("inspektorat", []), 40: ("bappeda", ["inspektorat"]), 41: ("bkpsdm", []),
            42: ("diskominfo", ["dpmptsp"]), 43: ("diskominfo", ["disdukcapil"]), 45: ("dinkes", []),
            46: ("disdukcapil", []), 47: ("dpmptsp", ["diskominfo"]),
        ]
        let pj = [
            "diskominfo": "Sri Wahyuni", "bappeda": "Agus Prasetyo", "bpkad": "Dewi Lestari",
            "bkpsdm": "Hendra Gunawan",
            "inspektorat": "Rina Marlina", "dinkes": "dr. Yusuf Hidayat", "disdukcapil": "Eko Saputro",
            "dpmptsp": "Lina Kartika",
        ]
        let indicators = try engine.indicators(packPath: period.pack)
        let rows = indicators.map { indicator -> Responsibility in
            var lead = ResponsibilityMatrix.defaultLead(indicator, opds: opds)
            var contributors: [Int64] = []
            if let number = indicator.number, let (code, helpers) = services[number] {
                lead = byCode[code]
                contributors = helpers.compactMap { byCode[$0] }
            } else if lead == nil, let number = indicator.number, number <= 31 {
                lead = byCode["diskominfo"]
            }
            let leadCode = lead.flatMap { id in opds.first { $0.id == id }?.code }
            return Responsibility(
                indicator: indicator.id, leadOPDID: lead, contributorIDs: contributors.sorted(),
                pj: leadCode.flatMap { pj[$0] } ?? "")
        }
        try store.setResponsibilities(periodID: period.id, rows)
    }
}

extension PortalServices {
    /// The demo's evidence and self-assessment: a few documents of Diskominfo and Dinkes (small generated PDFs),
    /// and Diskominfo's claim of level 4 on the Tim Koordinasi indicator backed only by level-3 evidence, so the
    /// visitor sees an item, its code, and a flagged claim at once.
    func loadDemoEvidence(period: Period) throws {
        let items: [(String, String, Int, String)] = [
            ("diskominfo", "I01", 3, "Perbup Arsitektur SPBE Kabupaten"),
            ("diskominfo", "I10", 3, "SK Bupati tentang Tim Koordinasi SPBE"),
            ("diskominfo", "I16", 4, "Laporan layanan pusat data 2026"),
            ("dinkes", "I45", 3, "Tangkapan layar layanan rujukan daring, dari masuk sampai selesai"),
        ]
        for (code, indicator, level, title) in items {
            guard let account = try store.account(username: "demo-\(code)"), let opd = account.opdID else { continue }
            let pdf = Data(
                "%PDF-1.4\n% \(title)\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
            _ = try store.addEvidence(
                NewEvidence(
                    periodID: period.id, opdID: opd, indicator: indicator, level: level, title: title, record: "",
                    fileName: "\(indicator.lowercased())-\(code).pdf", contentHash: try blobs.put(pdf),
                    size: Int64(pdf.count), kind: "pdf", accountID: account.id),
                revises: nil)
        }
        guard let diskominfo = try store.account(username: "demo-diskominfo"), let opd = diskominfo.opdID else {
            return
        }
        _ = try store.addClaim(
            NewClaim(
                periodID: period.id, indicator: "I10", opdID: opd, level: 4,
                fact: "SK Bupati tentang Tim Koordinasi SPBE ditetapkan dan berlaku bagi semua perangkat daerah.",
                analysis: "SK memuat seluruh tugas tim dan telah dievaluasi setiap tahun, sehingga memenuhi tingkat 4.",
                evidenceCodes: ["I10-L3-01"], accountID: diskominfo.id))
        try loadDemoReview(period: period)
    }

    /// The demo's internal review: a Tim Asesor Internal account nobody signs in as accepts Diskominfo's Tim
    /// Koordinasi SK and returns Dinkes's screenshot set, so the visitor sees a revision request at once.
    func loadDemoReview(period: Period) throws {
        let assessor = try store.createAccount(
            username: "demo-asesor", displayName: "Tim Asesor Internal (demo)", passwordHash: "!", role: .assessor,
            opdID: nil)
        let verdicts: [(String, String, VerdictKind, RevisionReason?, String)] = [
            ("diskominfo", "I10-L3-01", .accepted, nil, ""),
            (
                "dinkes", "I45-L3-01", .revise, .wrongEvidence,
                "Tangkapan layar berhenti di halaman masuk; unggah rangkaian sampai transaksi selesai."
            ),
        ]
        for (code, item, verdict, reason, note) in verdicts {
            guard let opd = try store.opds().first(where: { $0.code == code }),
                let evidence = try store.evidence(periodID: period.id, opdID: opd.id).first(where: { $0.code == item })
            else { continue }
            _ = try store.addVerdict(
                periodID: period.id, opdID: opd.id, subject: .evidence, item: item, version: Int64(evidence.version),
                verdict: verdict, reason: reason, note: note, accountID: assessor.id)
        }
    }
}
