import DataModel
import Diagnostics
import Expressions
import Testing

/// The examples of docs/expression-language.md, compiled against a schema shaped like the bundled pack's and run
/// over a small inventory, so the reference never shows an expression that does not work.
@Suite("Documentation examples")
struct DocumentationExampleTests {
    static let applications = RecordSchema(
        name: "applications",
        fields: [
            FieldSchema(name: "id", type: .string, required: true),
            FieldSchema(name: "name", type: .string, required: true),
            FieldSchema(name: "type", type: .enumeration(values: ["umum", "khusus"])),
            FieldSchema(name: "hosting", type: .enumeration(values: ["pdn", "pusat_data_pemda", "server_opd"])),
            FieldSchema(name: "via_splp", type: .bool),
            FieldSchema(name: "security_audit_date", type: .date),
            FieldSchema(name: "url", type: .string),
        ])
    static let documents = RecordSchema(
        name: "documents",
        fields: [
            FieldSchema(name: "kind", type: .enumeration(values: ["renstra", "renja", "arsitektur_spbe"])),
            FieldSchema(name: "status", type: .enumeration(values: ["draft", "ditetapkan"])),
            FieldSchema(name: "period_start", type: .int),
            FieldSchema(name: "period_end", type: .int),
            FieldSchema(name: "programs", type: .list(.string)),
            FieldSchema(name: "reviewed_at", type: .date),
        ])
    static let services = RecordSchema(
        name: "services",
        fields: [
            FieldSchema(name: "category", type: .enumeration(values: ["publik", "administrasi"])),
            FieldSchema(name: "electronic", type: .bool),
            FieldSchema(name: "complaint_channel", type: .bool),
        ])
    static let programs = RecordSchema(name: "programs", fields: [FieldSchema(name: "code", type: .string)])
    static let schema = InventorySchema(
        header: RecordSchema(name: "opd", fields: [FieldSchema(name: "name", type: .string)]),
        collections: [applications, documents, services, programs]
    )

    static func inventory() -> InventoryData {
        func day(_ text: String) -> Value { .date(Fixtures.day(text)) }
        let apps: [[String: Value]] = [
            [
                "id": .string("APP-01"), "name": .string("SIMPUS"), "type": .string("khusus"),
                "hosting": .string("pdn"),
                "via_splp": .bool(true), "security_audit_date": day("2024-11-02"),
                "url": .string("https://simpus.slemankab.go.id/"),
            ],
            [
                "id": .string("APP-02"), "name": .string("Website"), "type": .string("umum"),
                "hosting": .string("server_opd"),
            ],
        ]
        let docs: [[String: Value]] = [
            [
                "kind": .string("renstra"), "status": .string("ditetapkan"), "period_start": .int(2021),
                "period_end": .int(2026),
                "programs": .strings("P1", "P2"),
            ],
            ["kind": .string("arsitektur_spbe"), "reviewed_at": day("2025-01-20")],
        ]
        let svcs: [[String: Value]] = (0..<3).map { _ in
            ["category": .string("publik"), "electronic": .bool(true), "complaint_channel": .bool(true)]
        }
        return InventoryData(
            source: "examples/diskominfo.yaml",
            header: Fixtures.record(schema.header, ["name": .string("Dinas Komunikasi dan Informatika")]),
            collections: [
                apps.map { Fixtures.record(applications, $0) }, docs.map { Fixtures.record(documents, $0) },
                svcs.map { Fixtures.record(services, $0) },
                [
                    Fixtures.record(programs, ["code": .string("P1")]),
                    Fixtures.record(programs, ["code": .string("P2")]),
                ],
            ]
        )
    }

    @Test(
        "every example compiles and gives the expected verdict",
        arguments: [
            (
                nil, "all(applications where type == \"khusus\", years_since(security_audit_date) <= 2)",
                Value.bool(true)
            ),
            (
                nil,
                "any(documents where kind == \"renstra\" and status == \"ditetapkan\"\n    and period_start <= year(as_of) and period_end >= year(as_of))",
                .bool(true)
            ),
            (
                nil, "all(programs as p, any(documents as d where d.kind == \"renstra\", p.code in d.programs))",
                .bool(true)
            ),
            ("APP-01", "hosting in [\"pdn\", \"pusat_data_pemda\"] and via_splp", .bool(true)),
            ("APP-02", "hosting in [\"pdn\", \"pusat_data_pemda\"] and via_splp", .bool(false)),
            (
                nil,
                "count(services where category == \"publik\" and electronic) >= 3\n  and all(services where category == \"publik\", complaint_channel)",
                .bool(true)
            ),
            (nil, "all(applications as a, count(applications as b, lower(b.name) == lower(a.name)) == 1)", .bool(true)),
            (
                nil,
                "passes(\"DOC-RENSTRA\") and any(documents where kind == \"arsitektur_spbe\", months_since(reviewed_at) < 12)",
                .bool(true)
            ),
            ("APP-01", "matches(url, \"^https://[a-z0-9.-]+\\\\.go\\\\.id(/|$)\")", .bool(true)),
        ])
    func example(_ subjectID: String?, _ source: String, _ expected: Value) throws {
        let environment = ExpressionEnvironment(
            schema: Self.schema, subject: subjectID == nil ? nil : Self.applications, ruleIDs: ["DOC-RENSTRA": 0]
        )
        var bag = DiagnosticBag()
        let map = SourceMap(file: "rules.yaml", segments: [.init(line: 1, column: 1)])
        let compiled = ExpressionCompiler.compile(source, map: map, environment: environment, diagnostics: &bag)
        #expect(bag.diagnostics.isEmpty, "\(bag.diagnostics)")
        let expression = try #require(compiled)
        let context = EvaluationContext(asOf: Fixtures.day("2025-06-30"), ruleCount: 1)
        context.ruleVerdicts = [.bool(true)]
        let inventory = Self.inventory()
        context.inventory = inventory
        context.subject = inventory.collections[0].first { $0.values[0] == subjectID.map(Value.string) }
        #expect(expression.evaluate(context) == expected)
    }
}
