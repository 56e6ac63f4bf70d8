import Foundation

/// The relationships of a workbook part (`_rels/….rels`): targets by id, and by type.
final class XLSXRelationships: XMLPartParser {
    /// Target paths by relationship id, resolved against the folder of the part they belong to.
    private(set) var targets: [String: String] = [:]
    /// Target paths by relationship type suffix (`officeDocument`, `styles`, `sharedStrings`).
    private(set) var byType: [String: String] = [:]
    private let base: String

    /// Relationships of a part in folder `base` (`xl` for `xl/workbook.xml`, empty for the package root).
    init(base: String) { self.base = base }

    override func start(_ name: String, attributes: XMLAttributes) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        guard attributes["TargetMode"] != "External" else { return }
        let path = resolve(target)
        targets[id] = path
        if let type = attributes["Type"], let suffix = type.split(separator: "/").last { byType[String(suffix)] = path }
    }

    private func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = base.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}
