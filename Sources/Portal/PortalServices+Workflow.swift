import Foundation
import PortalStore

extension PortalServices {
    /// Creates an account whose password someone else (an admin) chose: it must choose its own at its first
    /// sign-in before anything else, so no password an admin knows stays in use.
    func createAccountForSomeoneElse(
        username: String, displayName: String, password: String, role: Role, opdID: Int64?
    ) throws -> Account {
        let account = try createAccount(
            username: username, displayName: displayName, password: password, role: role, opdID: opdID)
        try store.setPasswordChangeRequired(accountID: account.id, true)
        return account
    }
}
