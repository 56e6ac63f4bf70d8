import PortalStore

/// Who makes a request, always worked out on the server from the session cookie or the API token, never from
/// anything else the request says.
struct Principal: Sendable {
    /// How the request proved who it is.
    enum Proof: Sendable {
        /// A browser session: state changes need its CSRF token.
        case session(Session)
        /// An API token (`Authorization: Bearer`): no cookie, so no CSRF to fear.
        case token
    }

    let account: Account
    let proof: Proof

    /// Whether the principal may read the OPD `opdID`'s data: admins, viewers and assessors read everything, an
    /// operator only its own OPD.
    func mayRead(opdID: Int64) -> Bool {
        switch account.role {
        case .admin, .viewer, .assessor: true
        case .operator: account.opdID == opdID
        }
    }

    /// Whether the principal may submit for the OPD `opdID`: its own operators only.
    func maySubmit(opdID: Int64) -> Bool {
        account.role == .operator && account.opdID == opdID
    }

    /// Whether the principal may record review verdicts: the Tim Asesor Internal only (admins neither judge nor
    /// edit what the OPDs send).
    var mayReview: Bool { account.role == .assessor }

    /// The session's CSRF token (nil for an API token).
    var csrfToken: String? {
        if case .session(let session) = proof { return session.csrfToken }
        return nil
    }
}

/// Who may call a route, checked before its handler runs.
enum Access: Sendable, Equatable {
    /// Anyone, signed in or not.
    case anyone
    /// Any signed-in account that has chosen its own password.
    case signedIn
    /// Any signed-in account, even one that must choose its own password first (the password page, sign-out).
    case anyAccount
    /// Admins only.
    case admin
}
