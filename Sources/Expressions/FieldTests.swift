import DataModel

/// A conjunction of comparisons of fields with constants, `type == "khusus" and coalesce(status, "aktif") in
/// ["aktif", "pengembangan"]`, the usual shape of a filter: run as one loop in one closure, where a chain of
/// `and` closures made an indirect call per comparison and per `and`, from code shared by every rule.
///
/// Kleene `and` from left to right, as the chain: false as soon as a comparison is false, the later ones not
/// run; else unknown if one was unknown; else true.
struct FieldTests: Sendable {
    /// One comparison of a field with a constant or a list of constants.
    struct Test: Sendable {
        enum Comparison: Sendable {
            /// `==` (wanted true) or `!=`.
            case equals(Comparand)
            /// `in` (wanted true) or `not in` a list of constants; charges one unit per constant, as `in` does.
            case among([Comparand])
        }

        let access: FieldAccess
        let comparison: Comparison
        let wanted: Bool
        /// The comparison's answer for the field's fallback, worked out beforehand.
        let absent: Bool?

        init(_ access: FieldAccess, _ comparison: Comparison, wanted: Bool) {
            self.access = access
            self.comparison = comparison
            self.wanted = wanted
            absent =
                switch comparison {
                case .equals(let comparand): comparand.equals(access.fallback)
                case .among(let comparands): Runtime.membership(access.fallback, in: comparands)
                }
        }

        @inline(__always)
        func run(_ context: EvaluationContext) -> Bool? {
            switch comparison {
            case .equals(let comparand):
                return access.withValue(context, else: absent) { comparand.equals($0) }.map { $0 == wanted }
            case .among(let comparands):
                guard context.spend(comparands.count) else { return nil }
                return access.withValue(context, else: absent) { Runtime.membership($0, in: comparands) }.map {
                    $0 == wanted
                }
            }
        }
    }

    let tests: [Test]

    /// The conjunction of these tests and then `other`'s.
    func and(_ other: FieldTests) -> FieldTests {
        FieldTests(tests: tests + other.tests)
    }

    /// The conjunction's truth.
    @inline(__always)
    func run(_ context: EvaluationContext) -> Bool? {
        var result: Bool? = true
        for index in tests.indices {
            switch tests[index].run(context) {
            case false?: return false
            case nil: result = nil
            case true?: break
            }
        }
        return result
    }
}
