import DataModel
import Diagnostics
import Expressions
import Testing

/// A small SPBE-like schema and helpers shared by the expression tests.
enum Fixtures {
    static let header = RecordSchema(
        name: "opd",
        fields: [
            FieldSchema(name: "id", type: .string, required: true),
            FieldSchema(name: "name", type: .string, required: true),
            FieldSchema(name: "kind", type: .enumeration(values: ["dinas", "badan"])),
        ])

    static let applications = RecordSchema(
        name: "applications",
        fields: [
            FieldSchema(name: "id", type: .string, required: true),
            FieldSchema(name: "name", type: .string),
            FieldSchema(name: "type", type: .enumeration(values: ["umum", "khusus"])),
            FieldSchema(name: "hosting", type: .string),
            FieldSchema(name: "audit_date", type: .date),
            FieldSchema(name: "modules", type: .list(.string)),
            FieldSchema(name: "users", type: .int),
            FieldSchema(name: "budget", type: .number),
            FieldSchema(name: "count", type: .int),
            FieldSchema(name: "active", type: .bool),
            FieldSchema(name: "backup", type: .bool),
            FieldSchema(name: "levels", type: .list(.int)),
        ])

    static let documents = RecordSchema(
        name: "documents",
        fields: [
            FieldSchema(name: "kind", type: .string),
            FieldSchema(name: "year", type: .int),
            FieldSchema(name: "programs", type: .list(.string)),
            FieldSchema(name: "status", type: .enumeration(values: ["draf", "ditetapkan"])),
        ])

    static let programs = RecordSchema(
        name: "programs",
        fields: [
            FieldSchema(name: "code", type: .string),
            FieldSchema(name: "name", type: .string),
        ])

    static let schema = InventorySchema(header: header, collections: [applications, documents, programs])

    static let rules = ["SPBE-01": 0, "SPBE-02": 1]

    /// Text starting at line 1, column 1 of file `t`: columns in messages are positions in the expression.
    static let map = SourceMap(file: "t", segments: [SourceMap.Segment(line: 1, column: 1)])

    static func environment(subject: String? = "applications") -> ExpressionEnvironment {
        ExpressionEnvironment(schema: schema, subject: subject.flatMap { schema.collection(named: $0) }, ruleIDs: rules)
    }

    /// Compiles `source`; the compiled expression and the diagnostics as one-line strings.
    static func compile(
        _ source: String, subject: String? = "applications", expecting expected: ValueType? = .bool
    ) -> (CompiledExpression?, [String]) {
        var bag = DiagnosticBag()
        let compiled = ExpressionCompiler.compile(
            source, map: map, environment: environment(subject: subject), expecting: expected, diagnostics: &bag
        )
        return (compiled, bag.diagnostics.map(\.description))
    }

    /// A record of `schema` with the given field values (others null).
    static func record(_ schema: RecordSchema, _ values: [String: Value], key: String = "r") -> Record {
        var slots = [Value](repeating: .null, count: schema.fields.count)
        for (name, value) in values { slots[schema.slot(of: name)!] = value }
        return Record(values: slots, location: SourceLocation(file: "inventory.yaml", line: 1, column: 1), key: key)
    }

    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// The sample inventory: two applications, three documents, two programs.
    static func inventory(
        applications apps: [[String: Value]]? = nil, documents docs: [[String: Value]]? = nil,
        programs progs: [[String: Value]]? = nil
    ) -> InventoryData {
        let apps =
            apps ?? [
                [
                    "id": .string("A1"), "name": .string("SIMPEG"), "type": .string("khusus"),
                    "hosting": .string("pdn"),
                    "audit_date": .date(day("2023-01-10")), "modules": .strings("kepegawaian", "absensi"),
                    "users": .int(120),
                ],
                [
                    "id": .string("A2"), "name": .string("Website"), "type": .string("umum"),
                    "hosting": .string("cloud"),
                    "modules": .strings("berita"), "users": .int(5),
                ],
            ]
        let docs =
            docs ?? [
                [
                    "kind": .string("renstra"), "year": .int(2022), "programs": .strings("P1", "P2"),
                    "status": .string("ditetapkan"),
                ],
                ["kind": .string("renja"), "year": .int(2024), "programs": .strings("P2"), "status": .string("draf")],
                ["kind": .string("sop"), "year": .int(2021)],
            ]
        let progs =
            progs ?? [
                ["code": .string("P1"), "name": .string("Tata kelola")],
                ["code": .string("P2"), "name": .string("Layanan")],
            ]
        return InventoryData(
            source: "inventory.yaml",
            header: record(
                header, ["id": .string("opd-1"), "name": .string("Dinas Kominfo"), "kind": .string("dinas")],
                key: "opd-1"
            ),
            collections: [
                apps.map { record(applications, $0) }, docs.map { record(documents, $0) },
                progs.map { record(programs, $0) },
            ]
        )
    }

    /// Compiles and evaluates `source` with `subject` as the subject record (an application by default).
    static func evaluate(
        _ source: String, subject values: [String: Value] = [:], subjectSchema: String? = "applications",
        inventory: InventoryData? = nil, asOf: String = "2024-06-15", verdicts: [Value] = [],
        expecting expected: ValueType? = nil
    ) -> Value? {
        let (compiled, diagnostics) = compile(source, subject: subjectSchema, expecting: expected)
        guard let compiled else {
            Issue.record("\(source) did not compile: \(diagnostics)")
            return nil
        }
        let context = EvaluationContext(asOf: day(asOf), ruleCount: verdicts.count)
        context.ruleVerdicts = verdicts
        context.inventory = inventory ?? Fixtures.inventory()
        if let subjectSchema, let schema = schema.collection(named: subjectSchema) {
            context.subject = record(schema, values)
        }
        let value = compiled.evaluate(context)
        // Conditions are evaluated unboxed by the engine: both readings must agree.
        if compiled.type == .bool {
            let truth = compiled.truth(context)
            #expect(
                truth.map(Value.bool) ?? .null == value,
                "truth(\(source)) is \(String(describing: truth)), value \(value)")
        }
        return value
    }
}

extension Value {
    /// A list of strings, for short fixtures.
    static func strings(_ items: String...) -> Value { .list(items.map { .string($0) }) }
}
