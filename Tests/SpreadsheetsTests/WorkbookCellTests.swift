import DataModel
import Diagnostics
import Foundation
import Inventories
import Spreadsheets
import Testing

@Suite("workbook cells")
struct WorkbookCellTests {
    /// Made by scripts/make-formula-workbook.py with openpyxl, which stores no value for a formula.
    @Test("a formula without a stored value is an error at each cell whose value is needed")
    func formulasWithoutValues() throws {
        let path = Fixtures.root.appendingPathComponent("Tests/Fixtures/inventories/workbooks/formulas-without-values.xlsx").path
        let loaded = InventoryReader(schema: Fixtures.bundledSchema).load(path: path)
        #expect(loaded.inventory == nil)
        let formulas = loaded.diagnostics.filter { $0.code == "sheet.formula_without_value" }
        #expect(formulas.map { "\($0.location?.sheet ?? "") \($0.location?.cell ?? "")" } == ["opd B3", "applications D2", "applications B3"])
        #expect(formulas.first?.message == "the formula =CONCATENATE(\"Dinas \", \"Uji\") has no stored value, so its value is unknown")
        #expect(formulas.first?.suggestion == "open and save the workbook in Excel or LibreOffice so the value is stored, or type the value")
    }

    @Test("a formula with a stored value reads as its value")
    func cachedFormula() throws {
        let rows = "<row r=\"1\">" + Fixtures.text("A1", "id") + Fixtures.text("B1", "type") + Fixtures.text("C1", "users") + "</row>"
            + "<row r=\"2\">" + Fixtures.text("A2", "A-1") + Fixtures.text("B2", "umum") + "<c r=\"C2\"><f>20+1</f><v>21</v></c></row>"
        let loaded = InventoryReader(schema: Fixtures.schema).load(path: try Fixtures.workbook(sheets: [("opd", Fixtures.headerRows), ("applications", rows)]))
        #expect(loaded.inventory?.collections[0].first?.values[2] == .int(21), "\(loaded.diagnostics)")
    }
}
