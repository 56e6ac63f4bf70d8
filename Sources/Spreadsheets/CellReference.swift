/// A cell reference such as `C12`: 1-based column and row.
struct CellReference: Hashable, Sendable {
    /// 1-based column (`A` is 1).
    let column: Int
    /// 1-based row.
    let row: Int

    /// The rows a worksheet can have (Excel's 1,048,576).
    static let rows = 1...1_048_576
    /// The columns a worksheet can have (Excel's 16,384, `A` to `XFD`).
    static let columns = 1...16_384

    /// Parses `C12` (also `$C$12`); nil for anything else or past Excel's 16,384 columns and 1,048,576 rows.
    init?(_ text: String) {
        var column = 0
        var row = 0
        var digits = false
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar {
            case "A"..."Z" where !digits: column = column * 26 + Int(scalar.value - 64)
            case "a"..."z" where !digits: column = column * 26 + Int(scalar.value - 96)
            case "0"..."9":
                digits = true
                row = row * 10 + Int(scalar.value - 48)
            default: return nil
            }
            if column > Self.columns.upperBound || row > Self.rows.upperBound { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.column = column
        self.row = row
    }
}
