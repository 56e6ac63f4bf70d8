import Packs
import Testing

@Suite("rule tags")
struct RuleTagTests {
    @Test("tags are read in the order written")
    func read() throws {
        let path = try TemporaryFile.pack(
            rules:
                "  - {id: R2, title: X, indicator: I01, severity: low, tags: [keamanan, data-terbuka], require: 'true'}"
        )
        let loaded = PackLoader.load(path: path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        #expect(pack.rules.first { $0.id == "R2" }?.tags == ["keamanan", "data-terbuka"])
        #expect(pack.rules.first { $0.id == "R1" }?.tags == [])
    }

    @Test("a tag that is not lowercase words is an error with the spelling to use; a repeated tag is an error")
    func invalid() throws {
        let path = try TemporaryFile.pack(
            rules:
                "  - {id: R2, title: X, indicator: I01, severity: low, tags: [Data Terbuka, ok, ok], require: 'true'}")
        let diagnostics = PackLoader.load(path: path).diagnostics
        let invalid = try #require(diagnostics.first { $0.code == "pack.invalid_tag" })
        #expect(invalid.suggestion == "write 'data-terbuka'")
        #expect(invalid.location?.line == 24)
        #expect(diagnostics.contains { $0.code == "pack.duplicate_tag" && $0.message == "tag 'ok' is given twice" })
    }

    @Test(
        "valid tags are lowercase words joined by one '-' or '_'",
        arguments: [
            ("dokumen", true), ("data-terbuka", true), ("spbe_2020", true), ("a1", true),
            ("Dokumen", false), ("-x", false), ("x-", false), ("x--y", false), ("1x", false), ("", false),
            ("kebijakan internal", false),
        ])
    func syntax(tag: String, valid: Bool) {
        #expect(RuleTag.isValid(tag) == valid)
    }
}
