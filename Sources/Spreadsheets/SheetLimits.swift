/// Bounds on what one spreadsheet inventory may make the readers do, so a huge CSV file or a zip bomb gets a
/// clear error in bounded time and memory instead of exhausting the machine.
public struct SheetLimits: Sendable, Hashable {
    /// Largest CSV file, or XLSX file as stored (compressed), in bytes.
    public var maxFileBytes: Int
    /// Largest part of a workbook once inflated, in bytes; checked against the declared size and while inflating.
    public var maxPartBytes: Int
    /// Most bytes inflated from one workbook in all.
    public var maxTotalBytes: Int
    /// Most entries a workbook's zip directory may list.
    public var maxEntries: Int
    /// Most non-empty cells in one inventory.
    public var maxCells: Int
    /// Longest cell, in UTF-8 bytes.
    public var maxCellBytes: Int

    /// Creates limits.
    public init(
        maxFileBytes: Int, maxPartBytes: Int, maxTotalBytes: Int, maxEntries: Int, maxCells: Int, maxCellBytes: Int
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxPartBytes = maxPartBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxEntries = maxEntries
        self.maxCells = maxCells
        self.maxCellBytes = maxCellBytes
    }

    /// 16 MiB files, 64 MiB per inflated part and 128 MiB in all, 10,000 zip entries, 2,000,000 cells of at most 1 MiB.
    public static let `default` = SheetLimits(
        maxFileBytes: 16 * 1024 * 1024, maxPartBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024,
        maxEntries: 10_000, maxCells: 2_000_000, maxCellBytes: 1024 * 1024
    )
}
