import DataModel

/// Spreadsheet serial dates: days counted from an epoch, as workbooks store dates in numeric cells.
enum SerialDate {
    private static let epoch1900 = Day(year: 1899, month: 12, day: 30)!
    private static let epoch1904 = Day(year: 1904, month: 1, day: 1)!
    /// The first day with an unambiguous 1900-system serial (61): Excel counts a 29 February 1900 that never was.
    private static let firstExact = Day(year: 1900, month: 3, day: 1)!

    /// The day of `serial` (its time of day dropped); nil for serial 60 (Excel's 1900-02-29), below 1, or past 9999.
    static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return Day(ordinal: epoch1904.ordinal + whole) }
        if whole == 60 { return nil }
        return Day(ordinal: epoch1900.ordinal + whole + (whole < 60 ? 1 : 0))
    }

    /// The 1900-system serial of `day`, or nil before 1900-03-01 (such dates are written as text instead).
    static func serial(of day: Day) -> Int? {
        day >= firstExact ? day.ordinal - epoch1900.ordinal : nil
    }
}
