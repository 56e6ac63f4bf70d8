import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortalStore
import Testing

@testable import Portal

@Suite("Responsibility matrix", .serialized)
struct ResponsibilityTests {
    @Test("pemda-level indicators default to Diskominfo, the planning and budget one to Bappeda, services to nobody")
    func defaults() throws {
        let indicators = try CheckAdapter().indicators(packPath: "")
        #expect(indicators.count == 47)
        let opds = [
            OPD(id: 1, code: "diskominfo", name: "Diskominfo", createdAt: 0),
            OPD(id: 2, code: "bappeda", name: "Bappeda", createdAt: 0),
            OPD(id: 3, code: "dinkes", name: "Dinkes", createdAt: 0),
        ]
        let matrix = ResponsibilityMatrix(indicators: indicators, stored: [], opds: opds)
        let leads = Dictionary(uniqueKeysWithValues: matrix.rows.map { ($0.indicator.id, $0.leadOPDID) })
        #expect(leads["I01"] == 1 && leads["I10"] == 1 && leads["I20"] == 1)
        #expect(leads["I13"] == 2)
        #expect(leads["I32"] == .some(nil) && leads["I45"] == .some(nil))
        #expect(matrix.rows.allSatisfy { $0.isDefault })
        // A stored row wins over the default.
        let stored = ResponsibilityMatrix(
            indicators: indicators,
            stored: [Responsibility(indicator: "I01", leadOPDID: 3, contributorIDs: [1], pj: "A")],
            opds: opds)
        #expect(stored.rows[0].leadOPDID == 3 && !stored.rows[0].isDefault)
        #expect(stored.owed(by: 1).contributing.map(\.indicator.id) == ["I01"])
    }

    @Test(
        "the admin's matrix is saved; each OPD page lists what it owes with status; the dashboard shows load per OPD and PJ"
    )
    func assignAndShow() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let (saved, pageA, pageB, dashboard) = try await world.test { client in
            let saved = try await client.execute(
                uri: "/admin/periods/\(world.period.id)/responsibilities", method: .post,
                headers: world.headers(.admin, contentType: "application/x-www-form-urlencoded"),
                body: formBody([
                    "_csrf": world.sessions[.admin]!.csrf, "lead-I15": String(world.opdA.id),
                    "contrib-I15": "dukcapil, dinkes", "pj-I15": "Budi <Santoso>", "lead-I32": String(world.opdB.id),
                    "pj-I32": "Budi <Santoso>",
                ]))
            func get(_ uri: String, _ caller: PortalWorld.Caller) async throws -> String {
                String(buffer: try await client.execute(uri: uri, method: .get, headers: world.headers(caller)).body)
            }
            return (
                saved.status.code, try await get("/periods/\(world.period.id)/opds/\(world.opdA.id)", .operatorA),
                try await get("/periods/\(world.period.id)/opds/\(world.opdB.id)", .operatorB),
                try await get("/dashboard", .assessor)
            )
        }
        #expect(saved == 303)
        let rows = try world.services.store.responsibilities(periodID: world.period.id)
        let i15 = try #require(rows.first { $0.indicator == "I15" })
        #expect(i15.leadOPDID == world.opdA.id && i15.contributorIDs == [world.opdB.id] && i15.pj == "Budi <Santoso>")
        #expect(rows.count == 47)
        #expect(pageA.contains("<td>I15</td><td>Pembangunan Aplikasi SPBE</td><td>Utama</td>"))
        #expect(pageA.contains("Budi &lt;Santoso&gt;"))
        #expect(pageA.contains("tingkat "))
        #expect(
            pageB.contains("<td>I15</td><td>Pembangunan Aplikasi SPBE</td><td>Kontributor</td><td>Dinas Kesehatan</td>")
        )
        #expect(pageB.contains("<td>I32</td><td>Layanan Perencanaan</td><td>Utama</td>"))
        #expect(dashboard.contains("Beban dan kemajuan per OPD"))
        #expect(dashboard.contains("Dinas Kesehatan</a></td><td>1</td><td>0</td>"))
        #expect(dashboard.contains("Dinas Kependudukan</a></td><td>1</td><td>1</td>"))
        #expect(dashboard.contains("<td>Budi &lt;Santoso&gt;</td><td>2</td>"))
        #expect(try world.services.store.auditLog(limit: 1).first?.action == "responsibility.set")
    }

    @Test("a matrix naming an unknown OPD is refused and saves nothing")
    func unknownOPD() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let statuses = try await world.test { client in
            var statuses: [UInt] = []
            for fields in [
                ["contrib-I15": "dinkes, nosuch"], ["lead-I15": "999"], ["pj-I15": String(repeating: "x", count: 201)],
            ] {
                var form = fields
                form["_csrf"] = world.sessions[.admin]!.csrf
                statuses.append(
                    UInt(
                        try await client.execute(
                            uri: "/admin/periods/\(world.period.id)/responsibilities", method: .post,
                            headers: world.headers(.admin, contentType: "application/x-www-form-urlencoded"),
                            body: formBody(form)
                        ).status.code))
            }
            return statuses
        }
        #expect(statuses == [400, 400, 400])
        #expect(try world.services.store.responsibilities(periodID: world.period.id).isEmpty)
    }
}
