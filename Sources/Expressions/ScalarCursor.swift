/// A reading position in a text's Unicode scalars, with the 0-based line and column of the next scalar: the lexer
/// and the template parser read their texts through it.
struct ScalarCursor {
    let scalars: [Unicode.Scalar]
    private(set) var index = 0
    private(set) var line = 0
    private(set) var column = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// The scalar `offset` places ahead, or nil past the end.
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// Moves past the next scalar (there must be one).
    mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 0
        } else {
            column += 1
        }
        index += 1
    }
}
