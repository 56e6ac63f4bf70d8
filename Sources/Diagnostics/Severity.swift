/// How serious a diagnostic about an input file is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    /// The input cannot be used: a pack that does not compile, an inventory that does not load.
    case error
    /// The input is used, but something in it is probably a mistake.
    case warning
    /// Extra information attached to the run.
    case note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    /// Orders by seriousness: `note < warning < error`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
