import DataModel
import Engine
import Foundation
import Inventories
import Packs
import Reporting
import Testing

/// A subject left undecided by an empty field of another record (a null met in a `where:`) is reported with
/// that record and field in every format, not with an empty list of missing fields.
@Suite("not-evidenced findings name the record and field that left them undecided")
struct MissingDataReportTests {
    /// The where-null pack on an inventory whose Renstra has no status: DOC-RENSTRA cannot be decided for the OPD.
    private func report() throws -> Report {
        let loaded = PackLoader.load(path: "Tests/Fixtures/packs/where-null")
        let source = try #require(loaded.pack, "\(loaded.diagnostics)")
        let pack = try #require(PackCompiler.compile(source).pack)
        let asOf = try #require(Day(iso: "2025-06-30"))
        let inventory = try #require(
            InventoryLoader(schema: pack.schema).load(path: "Tests/Fixtures/inventories/where-null.yaml")
                .inventory)
        let evaluation = try Evaluator(pack: pack, asOf: asOf).evaluate(inventory)
        return Report(pack: pack, asOf: asOf, evaluations: [evaluation], failOn: .high, toolVersion: "0.1.0")
    }

    @Test("the finding's missing fields are the other record's, named with its collection and key")
    func missingFields() throws {
        let report = try report()
        let evaluation = try #require(report.evaluations.first)
        let finding = try #require(
            evaluation.subjects.first { report.pack.rules[$0.ruleIndex].spec.id == "DOC-RENSTRA" })
        #expect(finding.outcome == .notEvidenced)
        #expect(finding.missingFields == ["documents DOC-02.status"])
        #expect(finding.message == "data belum cukup untuk menilai: documents DOC-02.status")
    }

    @Test("every format shows the missing record and field", arguments: ReportFormat.allCases)
    func everyFormat(_ format: ReportFormat) throws {
        let rendered = format.render(try report())
        #expect(rendered.contains("documents DOC-02.status"), "\(format.rawValue) does not name the missing data")
    }

    @Test("the JSON report lists it under missing_fields")
    func jsonMissingFields() throws {
        let rendered = ReportFormat.json.render(try report())
        #expect(rendered.contains(#""missing_fields":["documents DOC-02.status"]"#))
    }
}
