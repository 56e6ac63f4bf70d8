/// Writes synthetic but realistic OPD inventories in the shared inventory format: 10–80 applications, 5–20
/// documents and 10–60 services per OPD, with the mix of complete, partial and missing data real inventories have;
/// each names a pemda of its own.
struct SyntheticInventory {
    var random: SeededGenerator

    private static let units = [
        "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Bappeda", "BPKAD", "BKPSDM",
        "Dinas Kominfo", "DPMPTSP", "Disdukcapil", "Inspektorat", "Dinas Perhubungan", "Satpol PP",
    ]
    private static let appNames = [
        "SIMPEG", "SIMPUS", "e-Kinerja", "SIPKD", "e-Office", "Presensi", "SIMBADA", "e-Perizinan",
        "Portal Data", "JDIH", "SP4N-LAPOR", "SIKDA", "e-Budgeting", "Helpdesk", "Dashboard",
    ]
    private static let hostings = [
        "pdn", "pusat_data_pemda", "pusat_data_kementerian", "server_opd", "cloud_pihak_ketiga",
    ]
    private static let areas = [
        "perencanaan", "penganggaran", "keuangan", "pengadaan", "kepegawaian", "kearsipan",
        "barang_milik_daerah", "pengawasan_internal", "akuntabilitas_kinerja", "kinerja_pegawai",
        "pengaduan", "data_terbuka", "jdih", "sektor",
    ]
    private static let levels = ["informasi", "interaksi", "transaksi", "kolaborasi", "optimalisasi"]
    private static let topics = [
        "arsitektur", "peta_rencana", "manajemen_data", "pembangunan_aplikasi", "pusat_data",
        "keamanan_informasi", "audit_tik", "tim_koordinasi", "manajemen_risiko", "manajemen_aset_tik",
    ]

    private mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    private mutating func bool() -> String { chance(60) ? "true" : "false" }
    private mutating func date() -> String {
        let month = Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...28, using: &random)
        return
            "\(Int.random(in: 2019...2025, using: &random))-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// The YAML text of OPD number `number`.
    mutating func yaml(number: Int) -> String {
        let unit = pick(Self.units)
        var lines = [
            "spbe_inventory: 1", "opd:", "  id: \"1.02.\(number)\"", "  name: \(unit) \(number)",
            // A pemda of its own: OPDs of one named pemda given as loose files are also evaluated as a whole
            // (`spbe check`'s pemda groups), and the benchmark measures the check of each OPD.
            "  pemda: Kabupaten Sintetis \(number)", "  kind: opd", "  ict_unit: \(chance(10))",
        ]
        lines.append("applications:")
        for index in 1...Int.random(in: 10...80, using: &random) { lines += application(index) }
        lines.append("documents:")
        for index in 1...Int.random(in: 5...20, using: &random) { lines += document(index) }
        lines.append("services:")
        for index in 1...Int.random(in: 10...60, using: &random) { lines += service(index) }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func application(_ index: Int) -> [String] {
        var lines = [
            "  - id: APP-\(index)", "    name: \(pick(Self.appNames)) \(index)",
            "    type: \(chance(30) ? "umum" : "khusus")",
            "    status: \(chance(85) ? "aktif" : pick(["pengembangan", "dihentikan"]))",
        ]
        if chance(90) { lines.append("    hosting: \(pick(Self.hostings))") }
        if chance(80) { lines.append("    via_splp: \(bool())") }
        if chance(70) { lines.append("    sso: \(bool())") }
        if chance(60) { lines.append("    security_audit_date: \(date())") }
        if chance(70) { lines.append("    source_code_owner: \(pick(["pemda", "vendor", "pusat"]))") }
        if chance(60) { lines.append("    architecture_ref: Domain aplikasi \(index)") }
        if chance(50) { lines.append("    repository_registration: REG-\(index)") }
        if chance(70) { lines.append("    business_owner: Bidang \(index % 5)") }
        if chance(60) { lines.append("    dev_cycle_docs: [analisis_kebutuhan, perencanaan, rancang_bangun]") }
        return lines
    }

    private mutating func document(_ index: Int) -> [String] {
        let kind = pick([
            "renstra", "renja", "rka", "dpa", "kebijakan", "pedoman", "laporan", "audit", "arsitektur_spbe",
        ])
        var lines = [
            "  - id: DOC-\(index)", "    kind: \(kind)", "    title: Dokumen \(kind) \(index)",
            "    status: \(chance(75) ? "ditetapkan" : "draf")",
            "    year: \(Int.random(in: 2021...2025, using: &random))",
        ]
        if kind == "renstra" { lines += ["    period_start: 2021", "    period_end: 2026"] }
        if ["kebijakan", "pedoman", "laporan", "audit"].contains(kind) {
            lines.append("    topic: \(pick(Self.topics))")
        }
        if chance(50) { lines.append("    scope_complete: \(bool())") }
        if chance(40) { lines.append("    reviewed_date: \(date())") }
        if ["renja", "rka", "dpa"].contains(kind) {
            lines.append("    programs: [\"2.16.01\", \"2.16.03\"]")
            lines.append("    activities: [\"2.16.03.2.02\"]")
            lines.append("    sub_activities: [\"2.16.03.2.02.0014\", \"2.16.03.2.02.0017\"]")
        }
        return lines
    }

    private mutating func service(_ index: Int) -> [String] {
        var lines = [
            "  - id: SVC-\(index)", "    name: Layanan \(index)",
            "    category: \(chance(50) ? "publik" : "administrasi_pemerintahan")", "    area: \(pick(Self.areas))",
        ]
        if chance(85) { lines.append("    electronic: \(bool())") }
        if chance(75) { lines.append("    functional_level: \(pick(Self.levels))") }
        if chance(60) { lines.append("    complaint_channel: \(bool())") }
        if chance(50) { lines.append("    sop_ref: SOP-\(index)") }
        if chance(40) { lines.append("    applications: [APP-\(Int.random(in: 1...10, using: &random))]") }
        return lines
    }
}
