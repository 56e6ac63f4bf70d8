import Diagnostics

/// What of a pack failed to load, so that later checks skip what would only repeat an earlier error: a broken
/// indicators file must not also produce an "unknown indicator" error for every rule that names one of its
/// indicators, nor weight warnings for the aspects its indicators weigh in.
public struct PackGaps: Sendable, Equatable {
    /// Some indicator (or a whole file that may hold indicators) could not be read: its id or weight is unknown.
    public var indicators = false
    /// Some rule could not be read without its id being known.
    public var rules = false
    /// Some domain, aspect or scale could not be read.
    public var framework = false
    /// Some schema field or collection could not be read.
    public var schema = false
    /// Rules and indicators whose id was read although the rest of them was not: references to them are fine.
    public var brokenIDs: Set<String> = []
    /// Schema fields and collections whose name was read although their type was not.
    public var brokenFields: Set<String> = []

    /// Nothing is missing.
    public static let none = PackGaps()

    /// Whether anything at all failed to load.
    public var isEmpty: Bool { self == .none }

    /// Marks every section a broken file seems to declare (a top-level key at the start of a line) as incomplete;
    /// every section when none can be seen.
    mutating func brokenFile(text: String?) {
        let keys = Set(
            (text ?? "").split(separator: "\n").compactMap { line -> String? in
                guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else { return nil }
                return String(line[..<colon])
            })
        let known = keys.intersection(["framework", "schema", "indicators", "rules", "override", "disable", "extends"])
        let all = known.isEmpty || keys.contains("extends")
        if all || known.contains("indicators") || known.contains("override") { indicators = true }
        if all || known.contains("rules") || known.contains("disable") || known.contains("override") { rules = true }
        if all || known.contains("framework") { framework = true }
        if all || known.contains("schema") { schema = true }
    }

    /// Whether a diagnostic of the expression compiler may only repeat what failed to load: an unknown field or
    /// collection when the schema is incomplete, an unknown rule in `passes()` that did not load.
    public func explains(_ diagnostic: Diagnostic) -> Bool {
        switch diagnostic.code {
        case "type.unknown_field", "type.unknown_name", "pack.unknown_collection":
            schema || brokenFields.contains { diagnostic.message.contains("'\($0)'") }
        case "type.unknown_rule": rules || brokenIDs.contains { diagnostic.message.contains("'\($0)'") }
        default: false
        }
    }
}
