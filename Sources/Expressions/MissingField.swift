import DataModel
import Diagnostics

/// A field an evaluation read and found empty, in which record: what an inventory must fill in for an unknown
/// value to be decided.
public struct MissingField: Hashable, Sendable, CustomStringConvertible {
    /// The record's type: a collection (`documents`) or the header (`opd`).
    public let record: String
    /// The record's key (its id, else its name).
    public let key: String
    /// The empty field.
    public let field: String
    /// Where the record is in its inventory.
    public let location: SourceLocation

    /// Creates a missing field.
    public init(record: String, key: String, field: String, location: SourceLocation) {
        self.record = record
        self.key = key
        self.field = field
        self.location = location
    }

    /// `documents DOC-07.status`: the record and field, short enough for a list of them.
    public var qualifiedName: String { "\(record) \(key).\(field)" }

    /// `applications APP-02 (file:12:5) has no 'via_splp'`, as an explanation notes it.
    public var description: String { "\(record) \(key) (\(location)) has no '\(field)'" }
}

extension Explanation {
    /// Every field read that made this value unknown, each once, in the order met: the data a not-evidenced
    /// finding lacks.
    public var missingFields: [MissingField] {
        var found: [MissingField] = []
        func walk(_ node: Explanation) {
            guard case .null = node.value else { return }
            if let missing = node.missing, !found.contains(missing) { found.append(missing) }
            node.children.forEach(walk)
        }
        walk(self)
        return found
    }
}
