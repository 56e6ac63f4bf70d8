import Testing

/// What `spbe score`, `spbe evidence`, `spbe explain`, and `spbe check` of loose files of several pemdas print,
/// pinned in golden files that `CheckRunTests` also compares the library's runs with.
@Suite("query and pemda goldens", .serialized)
struct QueryGoldenTests {
    /// Two OPDs of Sleman and one of Gunungkidul, given as loose files.
    static let threePemdaFiles = [
        "examples/dinkes-sleman.yaml", "examples/diskominfo-sleman.yaml", "examples/disdukcapil-gunungkidul.yaml",
    ]

    @Test(
        "each command's output matches its golden file",
        arguments: [
            (["score", "--as-of", "2025-06-30"] + threePemdaFiles, "score-three-pemdas.txt"),
            (["score", "--as-of", "2025-06-30", "--format", "json", "examples/kabupaten-bantul"], "score-bantul.json"),
            (
                ["evidence", "--as-of", "2025-06-30", "--format", "markdown", "examples/dinkes-sleman.yaml"],
                "evidence-dinkes-sleman.markdown"
            ),
            (
                [
                    "explain", "--as-of", "2025-06-30", "--rule", "APP-AUDIT-KEAMANAN", "examples/dinkes-sleman.yaml",
                ],
                "explain-dinkes-sleman.txt"
            ),
            (["check", "--as-of", "2025-06-30", "--fail-on", "none"] + threePemdaFiles, "check-three-pemdas.txt"),
            (
                ["check", "--as-of", "2025-06-30", "--fail-on", "none", "--format", "json"] + threePemdaFiles,
                "check-three-pemdas.json"
            ),
        ])
    func golden(_ arguments: [String], _ name: String) throws {
        let result = try SPBEProcess.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, against: name)
    }
}
