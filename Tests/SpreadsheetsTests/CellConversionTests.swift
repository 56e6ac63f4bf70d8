import DataModel
import Inventories
import Testing
import YAMLSource

@Suite("cell values")
struct CellConversionTests {
    private func convert(_ text: String, _ type: ValueType, _ dialect: ValueConversion.Dialect = .cell) -> Value? {
        try? ValueConversion.value(
            text, resolved: PlainScalarKind(resolving: text), as: type, field: "f", dialect: dialect
        ).get()
    }

    @Test(
        "booleans: ya/tidak, yes/no, true/false and 1/0 in any case",
        arguments: [
            ("ya", true), ("Tidak", false), ("YES", true), ("no", false), ("TRUE", true), ("false", false), ("1", true),
            ("0", false),
        ])
    func booleans(text: String, value: Bool) {
        #expect(convert(text, .bool) == .bool(value))
    }

    @Test("dates: YYYY-MM-DD and DD/MM/YYYY; impossible dates are refused")
    func dates() {
        #expect(convert("2024-03-15", .date) == .date(Day(iso: "2024-03-15")!))
        #expect(convert("5/3/2024", .date) == .date(Day(iso: "2024-03-05")!))
        #expect(convert("29/02/2023", .date) == nil)
        #expect(convert("03/15/2024", .date) == nil)
    }

    @Test(
        "YAML keeps its own spellings: no 1/0 booleans, no DD/MM/YYYY dates; 12.0 is a whole number, as in JSON Schema")
    func yamlUnchanged() {
        #expect(convert("1", .bool, .yaml) == nil)
        #expect(convert("15/03/2024", .date, .yaml) == nil)
        #expect(convert("12.0", .int, .yaml) == .int(12))
        #expect(convert("12.0", .int) == .int(12))
        #expect(convert("12.5", .int) == nil)
    }
}
