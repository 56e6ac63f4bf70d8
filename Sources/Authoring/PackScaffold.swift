/// The files of a new rule pack: a small but complete pack, with comments, that passes `spbe pack lint` and
/// whose fixtures pass `spbe pack test --coverage`.
public enum PackScaffold {
    /// File names (relative to the pack folder) and their contents.
    public static func files(id: String) -> [(path: String, contents: String)] {
        [
            ("pack.yaml", pack(id: id)), ("schema.yaml", schema), ("indicators.yaml", indicators),
            ("rules.yaml", rules),
            ("tests/rules.yaml", tests),
        ]
    }

    private static func pack(id: String) -> String {
        """
        # yaml-language-server: $schema=pack.schema.json
        # A rule pack: metadata and framework here; schema, indicators and rules in the other files of this folder.
        # Every *.yaml directly in the folder is read, in name order. Check it with: spbe pack lint .
        spbe_pack: 1
        pack:
          id: \(id)                       # stable identifier, used in reports
          title: {id: Paket aturan contoh, en: Example rule pack}
          version: 0.1.0
          framework: Kerangka contoh        # the evaluation framework the pack encodes
          legal_basis: ["Perpres 95/2018"]
          language: id

        framework:
          scales:                           # level names per scale; indicators name their scale
            proses:
              - {level: 1, name: Rintisan}
              - {level: 2, name: Terkelola}
              - {level: 3, name: Terdefinisi}
              - {level: 4, name: Terpadu dan Terukur}
              - {level: 5, name: Optimum}
          domains:                          # weights in percent of the index; aspects add up to their domain
            - id: D1
              name: Tata Kelola
              weight: 100
              aspects:
                - {id: A1, name: Aplikasi, weight: 100}
          total_weight: 100
          predicates:                       # lower bounds, inclusive, on the unrounded index
            - {name: Baik, min: 2.6}
            - {name: Cukup, min: 1.8}
            - {name: Kurang, min: 0}

        """
    }

    private static let schema = """
        # The inventory this pack checks: the OPD header and the collections, with each field's type.
        # Types: string, int, number, bool, date, enum (with values), list (with of).
        schema:
          opd:
            fields:
              id: {type: string, required: true, label: Kode OPD}
              name: {type: string, required: true, label: Nama OPD}
          collections:
            applications:
              description: Aplikasi yang dikelola OPD.
              fields:
                id: {type: string, required: true, label: ID aplikasi}
                name: {type: string, required: true, label: Nama aplikasi}
                hosting: {type: enum, values: [pdn, pusat_data_pemda, server_opd], label: Penempatan server}

        """

    private static let indicators = """
        # Indicators: each level's `require` is what is new at that level; a level counts when it and every lower
        # level hold. Expressions: see docs/expression-language.md.
        indicators:
          - id: I01
            number: 1
            name: Layanan Pusat Data
            aspect: A1
            weight: 100
            scale: proses
            target: 2
            effort: 2
            references: ["PermenPANRB 59/2020 indikator 16"]
            levels:
              1:
                require: count(applications) > 0
                description: Aplikasi OPD sudah terdata.
                evidence: [Daftar aplikasi]
              2:
                require: all(applications, hosting in ["pdn", "pusat_data_pemda"])
                description: Semua aplikasi ditempatkan di pusat data pemerintah.
                evidence: [Berita acara penempatan server]

        """

    private static let rules = """
        # Rules: for each subject in scope (`each` + `where`), `require` must hold. Unknown data gives
        # "not evidenced", never a failure.
        rules:
          - id: APP-HOSTING
            title: {id: Aplikasi di pusat data pemerintah, en: Applications in a government data centre}
            indicator: I01
            severity: high
            each: applications
            require: hosting in ["pdn", "pusat_data_pemda"]
            message: {id: "Aplikasi {name} ditempatkan di {hosting}", en: "Application {name} is hosted on {hosting}"}
            recommendation: Pindahkan aplikasi ke Pusat Data Nasional atau pusat data pemda.
            references: ["PermenPANRB 59/2020 indikator 16"]

        """

    private static let tests = """
        # Fixtures: run them with `spbe pack test . --coverage`. For each rule listed under an outcome, exactly
        # those subjects must have it.
        spbe_pack_test: 1
        as_of: 2025-06-30
        cases:
          - name: satu aplikasi di PDN, satu di server OPD
            inventory:
              spbe_inventory: 1
              opd: {id: T-01, name: Dinas Uji}
              applications:
                - {id: APP-01, name: SIMPUS, hosting: pdn}
                - {id: APP-02, name: Antrian, hosting: server_opd}
            expect:
              pass: {APP-HOSTING: [APP-01]}
              fail: {APP-HOSTING: [APP-02]}
              levels: {I01: 1}
          - name: semua aplikasi di pusat data
            inventory:
              spbe_inventory: 1
              opd: {id: T-02, name: Dinas Baik}
              applications:
                - {id: APP-01, name: SIMPUS, hosting: pdn}
            expect:
              pass: {APP-HOSTING: [APP-01]}
              levels: {I01: 2}

        """
}
