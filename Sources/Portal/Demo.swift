import Foundation
import PortalStore

extension PortalServices {
    /// Loads the demo pemda (`--demo`) when the portal has no period yet: a completed previous period with official
    /// results and follow-ups (`loadDemoPreviousPeriod`), the current period, one OPD per inventory of
    /// `folder` (examples/kabupaten-bantul), and each inventory submitted by a demo operator of its OPD. Returns
    /// the demo admin's new random password when it created the admin, nil otherwise.
    public func loadDemo(folder: String, evaluationDate: String) async throws -> (username: String, password: String)? {
        guard try store.periods().isEmpty else { return nil }
        var credentials: (String, String)?
        if try !hasAdmin() {
            let password = String(Secrets.random().prefix(20))
            _ = try createAccount(
                username: "admin", displayName: "Admin Diskominfo (demo)", password: password, role: .admin, opdID: nil)
            credentials = ("admin", password)
        }
        // The completed period before it, first so that it is the older one.
        let previous = try store.createPeriod(
            name: "Evaluasi SPBE 2025 (demo, selesai)", evaluationDate: Self.yearBefore(evaluationDate), pack: "")
        let period = try store.createPeriod(name: "Evaluasi SPBE (demo)", evaluationDate: evaluationDate, pack: "")
        try store.setStages(periodID: period.id, Self.demoStages(today: CivilDay.day()))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
            .sorted()
        for file in files {
            let code = String(file.dropLast(".yaml".count))
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(file)"))
            let opd = try store.createOPD(code: code, name: Self.demoName(data) ?? code)
            // Operators without a usable password: the demo's uploads are theirs; nobody signs in as them.
            let demoOperator = try store.createAccount(
                username: "demo-\(code)", displayName: "Operator \(opd.name)", passwordHash: "!", role: .operator,
                opdID: opd.id
            )
            if case .refused(let diagnostics) = try await intake(
                data, fileName: file, period: period, opd: opd, account: demoOperator)
            {
                throw CheckAdapter.Failure(
                    message:
                        "the demo inventory \(file) did not load: \(diagnostics.map(\.message).joined(separator: "; "))"
                )
            }
        }
        try setDemoMatrix(period: period)
        try loadDemoEvidence(period: period)
        try loadDemoPreviousPeriod(previous, today: CivilDay.day())
        try loadDemoInterviews(period: period)
        try store.audit(accountID: nil, action: "demo.load", submissionID: nil, detail: folder)
        return credentials
    }

    /// The same day a year earlier (`YYYY-MM-DD`; the 29th of February becomes the 28th).
    static func yearBefore(_ day: String) -> String {
        guard let year = Int(day.prefix(4)) else { return day }
        let rest = day.dropFirst(4) == "-02-29" ? "-02-28" : String(day.dropFirst(4))
        return String(year - 1) + rest
    }

    /// The `name:` under `opd:` of a demo inventory (a plain line scan: the files are ours).
    private static func demoName(_ data: Data) -> String? {
        var inHeader = false
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("opd:") {
                inHeader = true
                continue
            }
            if inHeader, line.hasPrefix("  name:") {
                return line.dropFirst("  name:".count).trimmingCharacters(in: .whitespaces)
            }
            if inHeader, !line.hasPrefix(" ") { break }
        }
        return nil
    }
}
