import Diagnostics
import Foundation

/// Expands the paths given on the command line into inventory files, in a stable order.
///
/// A file is taken as given. A folder is searched recursively for `*.yaml`, `*.yml`, `*.json` and `*.xlsx` files,
/// sorted by path; hidden entries and spreadsheet lock files (`~$…`) are skipped, symbolic links to folders are
/// followed once (a loop is reported, not followed), and the search stops with an error past `maxFiles`. A folder
/// holding `opd.yaml` and CSV files is one inventory (a CSV inventory) and is not searched further.
public enum InventoryDiscovery {
    /// File name endings read as inventories.
    public static let extensions = ["yaml", "yml", "json", "xlsx"]

    /// The names of a CSV inventory's header file, one of which a CSV inventory folder holds.
    public static let csvHeaderNames = ["opd.yaml", "opd.yml"]

    /// Whether a folder with these entry names is a CSV inventory: an `opd.yaml` header and at least one `*.csv`.
    public static func isCSVInventory(entries names: [String]) -> Bool {
        names.contains { csvHeaderNames.contains($0.lowercased()) }
            && names.contains { $0.lowercased().hasSuffix(".csv") }
    }

    /// How many inventory files a search takes by default before it stops with an error.
    public static let defaultMaxFiles = 100_000

    /// The inventory files under `paths`, and a diagnostic for each path that could not be used.
    public static func files(in paths: [String], maxFiles: Int = defaultMaxFiles) -> (
        files: [String], diagnostics: [Diagnostic]
    ) {
        var walk = Walk(maxFiles: maxFiles)
        for path in paths { walk.visit(path, explicit: true, depth: 0) }
        return (walk.files, walk.diagnostics)
    }

    private struct Walk {
        let maxFiles: Int
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var visitedFolders: Set<String> = []
        var stopped = false

        init(maxFiles: Int) { self.maxFiles = maxFiles }

        mutating func visit(_ path: String, explicit: Bool, depth: Int) {
            guard !stopped else { return }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                let reason = explicit ? "no such file or folder" : "broken or looping symbolic link"
                report(path, "cannot read '\(path)': \(reason)", code: "input.not_found")
                return
            }
            guard isDirectory.boolValue else {
                let fileExtension = (path as NSString).pathExtension.lowercased()
                if explicit && fileExtension == "csv" {
                    report(
                        path, "'\(path)' is one collection of a CSV inventory; give its folder (the one with opd.yaml)",
                        code: "input.csv_file"
                    )
                    return
                }
                guard explicit || InventoryDiscovery.extensions.contains(fileExtension) else {
                    return
                }
                // A pipe, socket or device met in a folder is not read: opening a pipe could block for ever.
                var status = stat()
                if !explicit, stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
                    report(
                        path, "skipping '\(path)': not a regular file (a pipe, socket or device)",
                        code: "input.not_regular")
                    return
                }
                add(path)
                return
            }
            let real = (path as NSString).resolvingSymlinksInPath
            guard visitedFolders.insert(real).inserted else {
                if !explicit {
                    report(
                        path, "skipping '\(path)': the folder was already visited (symbolic link loop?)",
                        code: "input.link_loop")
                }
                return
            }
            guard depth < 32 else {
                report(path, "skipping '\(path)': folders nested more than 32 deep", code: "input.too_deep")
                return
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                report(path, "cannot list folder '\(path)': permission denied or unreadable", code: "input.unreadable")
                return
            }
            if InventoryDiscovery.isCSVInventory(entries: names) {
                add(path)
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("~$") {
                visit((path as NSString).appendingPathComponent(name), explicit: false, depth: depth + 1)
            }
        }

        mutating func add(_ path: String) {
            guard files.count < maxFiles else {
                report(path, "more than \(maxFiles) inventory files; stopping here", code: "input.too_many_files")
                stopped = true
                return
            }
            files.append(path)
        }

        mutating func report(_ path: String, _ message: String, code: String) {
            diagnostics.append(Diagnostic(.error, code: code, message, at: nil))
        }
    }
}
