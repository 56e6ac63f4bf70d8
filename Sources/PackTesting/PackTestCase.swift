import DataModel
import Diagnostics
import Engine
import YAMLSource

/// One fixture of a pack: an inventory and what the pack must conclude about it.
public struct PackTestCase: Sendable {
    /// The case's name, as written.
    public let name: String
    /// The evaluation date.
    public let asOf: Day
    /// The inventory's root node (inline) and the file whose positions it carries.
    public let inventory: YAMLNode
    /// What must come out.
    public let expectation: PackTestExpectation
    /// Where the case is written.
    public let location: SourceLocation
}

/// What a fixture expects: for each rule listed, exactly which subjects have an outcome; levels; the index.
public struct PackTestExpectation: Sendable {
    /// Expected subjects by outcome, then by rule id; each list is compared as a set.
    public let subjects: [Outcome: [String: ExpectedSubjects]]
    /// Expected level by indicator id.
    public let levels: [String: Expected<Int>]
    /// Expected index, compared to two decimals.
    public let index: Expected<Double>?
}

/// The subjects a rule must have with one outcome, and where the expectation is written.
public struct ExpectedSubjects: Sendable {
    /// Subject keys (record ids, `opd` for rules about the OPD).
    public let subjects: [String]
    /// Where the rule id is written.
    public let location: SourceLocation
}

/// An expected value and where it is written.
public struct Expected<Value: Sendable>: Sendable {
    /// The value.
    public let value: Value
    /// Where it is written.
    public let location: SourceLocation
}

/// The fixtures of one file.
public struct PackTestFile: Sendable {
    /// The file's path.
    public let path: String
    /// Its cases, in file order.
    public let cases: [PackTestCase]

    /// The fixtures `cases` of the file `path`.
    public init(path: String, cases: [PackTestCase]) {
        self.path = path
        self.cases = cases
    }
}
