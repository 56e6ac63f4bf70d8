import DataModel
import Diagnostics

/// `active == "ya"`: a bool compared with a word for yes or no, as a spreadsheet column would hold it. The
/// comparison is a type error like any other, but the suggestion says how to write it.
extension Diagnostic {
    /// Words authors write for true and false, lowercased: Indonesian, English, and the literals quoted.
    static let truthWords: [String: Bool] = [
        "ya": true, "iya": true, "yes": true, "y": true, "true": true, "benar": true, "ada": true,
        "tidak": false, "tdk": false, "no": false, "n": false, "false": false, "salah": false, "bukan": false,
        "belum": false,
    ]

    /// The mismatch of `op` between a bool (`subject`, when it is a field path such as `a.active`) and the string
    /// `word`, which means `truth`.
    static func boolComparedWithWord(
        _ op: BinaryOperator, word: String, truth: Bool, subject: String?, at location: SourceLocation
    ) -> Diagnostic {
        let holds = truth == (op == .equal)
        let suggestion =
            subject.map { "write '\(holds ? $0 : "not \($0)")' (or '\($0) == \(holds)')" }
            ?? "compare with \(holds) instead of \"\(word)\""
        return Diagnostic(
            .error, code: "type.mismatch",
            "cannot compare bool with string using '\(op.rawValue)': a bool is true or false, never \"\(word)\"",
            at: location, suggestion: suggestion
        )
    }
}

extension TypeChecker {
    /// The diagnostic for `left op right` when one side is a bool and the other a string literal meaning yes or
    /// no; nil otherwise.
    static func boolWordMismatch(
        _ op: BinaryOperator, _ left: SyntaxNode, _ leftType: ValueType, _ right: SyntaxNode, _ rightType: ValueType,
        at location: SourceLocation
    ) -> Diagnostic? {
        let (subject, literal): (SyntaxNode, SyntaxNode)
        switch (leftType, rightType) {
        case (.bool, _): (subject, literal) = (left, right)
        case (_, .bool): (subject, literal) = (right, left)
        default: return nil
        }
        guard case .string(let word) = literal.kind, let truth = Diagnostic.truthWords[word.lowercased()] else {
            return nil
        }
        return .boolComparedWithWord(op, word: word, truth: truth, subject: path(subject), at: location)
    }

    /// `a.b.c` for a chain of names, nil for anything else.
    private static func path(_ node: SyntaxNode) -> String? {
        switch node.kind {
        case .identifier(let name): name
        case .member(let base, let field): path(base).map { "\($0).\(field.text)" }
        default: nil
        }
    }
}
