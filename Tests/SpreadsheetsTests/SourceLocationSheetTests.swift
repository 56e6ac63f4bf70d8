import Diagnostics
import Testing

@Suite("workbook cell locations")
struct SourceLocationSheetTests {
    @Test(
        "column numbers become spreadsheet letters",
        arguments: [(1, "A"), (3, "C"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA")])
    func letters(column: Int, letters: String) {
        #expect(SourceLocation.columnLetters(column) == letters)
    }

    @Test("a sheet location prints as file:Sheet!C12, a text location as file:line:col")
    func description() {
        #expect(
            SourceLocation(file: "opd.xlsx", line: 12, column: 3, sheet: "aplikasi").description
                == "opd.xlsx:aplikasi!C12")
        #expect(
            SourceLocation(file: "opd.xlsx", line: 2, column: 1, sheet: "Data OPD").description
                == "opd.xlsx:'Data OPD'!A2")
        #expect(SourceLocation(file: "applications.csv", line: 12, column: 3).description == "applications.csv:12:3")
    }
}
