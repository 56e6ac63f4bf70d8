import DataModel
import Diagnostics
import Expressions
import FuzzCommon

// Fuzzes the expression language end to end: lexer, parser, checker and compiler against the mini pack's
// schema, then evaluation of whatever compiles over a small inventory, and message templates.
//
// Each expression is also compiled with record lookups and read as a condition: both must agree with the plain
// evaluation.
//
// The first byte picks the subject (the OPD or one of the collections) and whether a result type is expected;
// the rest is the expression text.

private let schema = FuzzFixtures.miniPack.schema
private let subjects: [String?] = [nil] + schema.collections.map(\.name)
private let map = SourceMap(file: "fuzz.yaml", segments: [SourceMap.Segment(line: 1, column: 1)])
private let ruleIDs = Dictionary(uniqueKeysWithValues: FuzzFixtures.miniPack.rules.map { ($0.spec.id, $0.index) })

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let selector = Int(bytes[0])
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let subjectName = subjects[selector % subjects.count]
    let subject = subjectName.flatMap { schema.collection(named: $0) }
    let environment = ExpressionEnvironment(schema: schema, subject: subject, ruleIDs: ruleIDs)
    let expected: ValueType? = selector & 0x80 == 0 ? .bool : nil

    var diagnostics = DiagnosticBag()
    var lookups = LookupPlan()
    if let compiled = ExpressionCompiler.compile(text, map: map, environment: environment, expecting: expected, diagnostics: &diagnostics),
       let lookedUp = ExpressionCompiler.compile(
           text, map: map, environment: environment, expecting: expected, lookups: &lookups, diagnostics: &diagnostics
       ) {
        // The same expression compiled with record lookups must give the same values, and its truth the same.
        let context = EvaluationContext(asOf: FuzzFixtures.asOf, ruleCount: ruleIDs.count)
        let withLookups = EvaluationContext(asOf: FuzzFixtures.asOf, ruleCount: ruleIDs.count, lookups: lookups)
        let inventory = FuzzFixtures.miniInventory
        context.inventory = inventory
        withLookups.inventory = inventory
        let subjects = subjectName.flatMap(schema.collectionSlot).map { inventory.collections[$0] } ?? [inventory.header]
        for record in subjects {
            context.subject = record
            withLookups.subject = record
            let value = compiled.evaluate(context)
            precondition(context.costExceeded || lookedUp.evaluate(withLookups) == value, "a lookup changed the value of \(text)")
            precondition(context.costExceeded || compiled.truth(context) == value.truthValue, "truth differs from the value of \(text)")
        }
    }
    var templateDiagnostics = DiagnosticBag()
    if let template = MessageTemplate.compile(text, map: map, environment: environment, diagnostics: &templateDiagnostics) {
        var output: [UInt8] = []
        let subject = FuzzFixtures.miniInventory.collections.first?.first ?? FuzzFixtures.miniInventory.header
        template.write(subject: subject, header: FuzzFixtures.miniInventory.header, into: &output)
    }
    return 0
}

extension Value {
    /// The value as a condition reads it: its boolean, nil for anything else.
    fileprivate var truthValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }
}
