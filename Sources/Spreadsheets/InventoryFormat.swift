import Foundation

/// The ways an inventory can be stored.
public enum InventoryFormat: String, Sendable, CaseIterable {
    /// One YAML file (`.yaml`, `.yml`).
    case yaml
    /// One JSON file (`.json`).
    case json
    /// A folder with `opd.yaml` and one CSV file per collection.
    case csv
    /// One workbook (`.xlsx`) with a sheet `opd` and one sheet per collection.
    case xlsx

    /// The format of `path`, by its name ending; a path without one of the file endings is a CSV folder.
    public init(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "xlsx": self = .xlsx
        default: self = .csv
        }
    }
}
