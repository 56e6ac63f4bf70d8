import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PortalStore
import Testing

@testable import Portal

private func text(_ response: TestResponse) -> String { String(buffer: response.body) }

/// Counts renderings across tasks.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}

@Suite("Portal: pages kept for many readers", .serialized)
struct PageCacheTests {
    private static let key = PageCache.Key(page: "p", selector: nil, language: .id, role: .viewer)

    @Test("a kept page is rendered once for concurrent readers of one generation, and again for the next")
    func renderedOncePerGeneration() async throws {
        let cache = PageCache()
        let renderings = Counter()
        let render: @Sendable () throws -> PageCache.Page = {
            PageCache.Page(title: "t", body: HTML(trusted: "rendering \(renderings.next())"))
        }
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 {
                group.addTask { try await cache.page(Self.key, generation: 1, render: render).body.markup }
            }
            return try await group.reduce(into: Set<String>()) { _ = $0.insert($1) }
        }
        #expect(bodies == ["rendering 1"])
        #expect(try await cache.page(Self.key, generation: 2, render: render).body.markup == "rendering 2")
        let english = PageCache.Key(page: "p", selector: nil, language: .en, role: .viewer)
        #expect(try await cache.page(english, generation: 2, render: render).body.markup == "rendering 3")
        #expect(renderings.value == 3)
    }

    @Test("a rendering that fails is not kept: the next reader renders again")
    func failureNotKept() async throws {
        let cache = PageCache()
        await #expect(throws: CheckAdapter.Failure.self) {
            try await cache.page(Self.key, generation: 1) { throw CheckAdapter.Failure(message: "broken") }
        }
        let page = try await cache.page(Self.key, generation: 1) { PageCache.Page(title: "t", body: "fine") }
        #expect(page.body.markup == "fine")
    }

    @Test("the store's generation moves with every write that a page may show, not with sign-ins or the audit log")
    func generationMoves() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let store = world.services.store
        let start = store.generation
        try store.createSession(
            Session(idHash: Secrets.hash("x"), accountID: world.accounts[.viewer]!.id, csrfToken: "c", expiresAt: 9))
        try store.audit(accountID: nil, action: "test", submissionID: nil, detail: "")
        #expect(store.generation == start)
        _ = try store.createOPD(code: "dishub", name: "Dinas Perhubungan")
        #expect(store.generation == start + 1)
        _ = try store.createPeriod(name: "Evaluasi SPBE 2027", evaluationDate: "2027-06-30", pack: "")
        #expect(store.generation == start + 2)
    }

    @Test("a write by any store method, not only through a route, shows on the next dashboard")
    func writeInvalidates() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let (before, after) = try await world.test { client in
            let before = text(
                try await client.execute(uri: "/dashboard", method: .get, headers: world.headers(.viewer)))
            _ = try world.services.store.createOPD(code: "dishub", name: "Dinas Perhubungan")
            let after = text(
                try await client.execute(uri: "/dashboard", method: .get, headers: world.headers(.viewer)))
            return (before, after)
        }
        #expect(before.contains("Dinas Kesehatan"))
        #expect(!before.contains("Dinas Perhubungan"))
        #expect(after.contains("Dinas Perhubungan"))
    }

    @Test("each reader's dashboard carries its own name and CSRF token, never another reader's")
    func noReaderLeaks() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        // A second viewer shares the kept page of its role with the first.
        let store = world.services.store
        let second = try store.createAccount(
            username: "viewer2", displayName: "Pembaca Kedua", passwordHash: "!", role: .viewer, opdID: nil)
        let (secondID, secondCSRF) = (Secrets.random(), Secrets.random())
        try store.createSession(
            Session(
                idHash: Secrets.hash(secondID), accountID: second.id, csrfToken: secondCSRF,
                expiresAt: Int64(Date().timeIntervalSince1970) + 3600))
        let callers: [PortalWorld.Caller] = [.viewer, .admin, .assessor, .viewer]
        let pages = try await world.test { client in
            var pages: [String] = []
            for caller in callers {
                pages.append(
                    text(try await client.execute(uri: "/dashboard", method: .get, headers: world.headers(caller))))
            }
            var headers = HTTPFields()
            headers[.cookie] = "\(Routes.sessionCookie)=\(secondID)"
            pages.append(text(try await client.execute(uri: "/dashboard", method: .get, headers: headers)))
            return pages
        }
        let readers: [(name: String, csrf: String)] =
            callers.map { (world.accounts[$0]!.displayName, world.sessions[$0]!.csrf) } + [
                ("Pembaca Kedua", secondCSRF)
            ]
        for (page, reader) in zip(pages, readers) {
            #expect(page.contains("Dinas Kesehatan"))
            #expect(page.contains("<span class=\"who\">\(reader.name) ("))
            #expect(page.contains("value=\"\(reader.csrf)\""))
            for other in readers where other.csrf != reader.csrf {
                #expect(!page.contains(other.csrf))
                if other.name != reader.name { #expect(!page.contains("<span class=\"who\">\(other.name) (")) }
            }
        }
    }

    @Test("an operator never gets the kept dashboard with other OPDs' data, on the page or the API")
    func operatorRefused() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let answers = try await world.test { client in
            _ = try await client.execute(uri: "/dashboard", method: .get, headers: world.headers(.viewer))
            _ = try await client.execute(uri: "/dashboard", method: .get, headers: world.headers(.admin))
            let page = try await client.execute(uri: "/dashboard", method: .get, headers: world.headers(.operatorA))
            let api = try await client.execute(
                uri: "/api/v1/periods/\(world.period.id)/dashboard", method: .get,
                headers: world.headers(.operatorA, bearer: true))
            return [page, api].map { ($0.status, text($0)) }
        }
        for (status, body) in answers {
            #expect(status == .forbidden)
            #expect(!body.contains("Dinas Kependudukan"))
        }
    }
}
