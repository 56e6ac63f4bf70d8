import Foundation
import PortalStore

/// A pemda for the load test (`spbe-serve seed-load`): `opds` OPDs (the first the pemda's own inventory), each with
/// a submission in each of `periods` periods, an operator with an API token per OPD, and `readers` viewers with a
/// token each, so that every simulated user is its own account (the request rate limit is per account).
public struct LoadSeed: Sendable {
    /// The newest period, where the load test uploads.
    public let periodID: Int64
    /// Each OPD's id and its operator's API token.
    public let operators: [(opdID: Int64, token: String)]
    /// The viewers' API tokens.
    public let readers: [String]
}

extension PortalServices {
    /// Seeds the load test's pemda from the example inventories in `folder` (examples/kabupaten-bantul): the OPD
    /// inventories are reused in turn, each copy named after its OPD. Every submission goes through the upload
    /// path (loaded, evaluated, stored), as an operator's would. Refused when the portal already has a period.
    public func seedLoad(folder: String, opds: Int, periods: Int, readers: Int) async throws -> LoadSeed {
        guard try store.periods().isEmpty else { throw CheckAdapter.Failure(message: "the portal is not empty") }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.hasSuffix(".yaml") && $0 != "pemda.yaml"
        }.sorted()
        guard !files.isEmpty else { throw CheckAdapter.Failure(message: "no OPD inventory in \(folder)") }
        var members: [(opd: OPD, account: Account, token: String, text: String)] = []
        for number in 0..<max(1, opds) {
            let file = number == 0 ? "pemda.yaml" : files[(number - 1) % files.count]
            var text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
            let code = number == 0 ? "pemda" : "opd-\(number)"
            if number > 0, let name = text.range(of: "\n  name: ") {
                let end = text[name.upperBound...].firstIndex(of: "\n") ?? text.endIndex
                text.replaceSubrange(name.upperBound..<end, with: "\(text[name.upperBound..<end]) \(number)")
            }
            let opd = try store.createOPD(code: code, name: number == 0 ? "Pemerintah Kabupaten" : "OPD \(number)")
            let account = try store.createAccount(
                username: "load-\(code)", displayName: "Operator \(code)", passwordHash: "!", role: .operator,
                opdID: opd.id)
            members.append((opd, account, try token(for: account), text))
        }
        var newest: Period?
        for year in 0..<max(1, periods) {
            let period = try store.createPeriod(
                name: "Evaluasi SPBE \(2022 + year)", evaluationDate: "\(2022 + year)-06-30", pack: "")
            for member in members {
                let outcome = try await intake(
                    Data(member.text.utf8), fileName: "\(member.opd.code).yaml", period: period, opd: member.opd,
                    account: member.account)
                guard case .accepted = outcome else {
                    throw CheckAdapter.Failure(message: "the seed inventory of \(member.opd.code) was not accepted")
                }
            }
            newest = period
        }
        let viewers = try (0..<readers).map { number in
            try token(
                for: try store.createAccount(
                    username: "load-viewer-\(number)", displayName: "Viewer \(number)", passwordHash: "!",
                    role: .viewer, opdID: nil))
        }
        return LoadSeed(
            periodID: newest!.id, operators: members.map { ($0.opd.id, $0.token) }, readers: viewers)
    }

    private func token(for account: Account) throws -> String {
        let secret = "spbe_" + Secrets.random()
        _ = try store.createToken(accountID: account.id, name: "load test", tokenHash: Secrets.hash(secret))
        return secret
    }
}
