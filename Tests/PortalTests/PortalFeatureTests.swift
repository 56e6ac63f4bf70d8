import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PortalStore
import Testing
import ZIPFoundation

@testable import Portal

private func text(_ response: TestResponse) -> String { String(buffer: response.body) }

@Suite("Portal: rate limit, findings, heatmap, queue", .serialized)
struct PortalFeatureTests {
    @Test("a token bucket allows its burst, then refuses with the seconds to wait, and refills with time")
    func tokenBucket() {
        let limiter = RateLimiter(perMinute: 60, burst: 3)
        #expect((0..<3).map { _ in limiter.take("a", now: 100) } == [nil, nil, nil])
        #expect(limiter.take("a", now: 100) == 1)
        #expect(limiter.take("b", now: 100) == nil)
        #expect(limiter.take("a", now: 101.5) == nil)
        #expect(RateLimiter(perMinute: 0, burst: 1).take("a") == nil)
    }

    @Test("a token bucket table stays bounded, forgetting idle callers first")
    func boundedBuckets() {
        let limiter = RateLimiter(perMinute: 60, burst: 2, maxKeys: 4)
        for key in 0..<100 { _ = limiter.take("k\(key)", now: 0) }
        // A caller forgotten when the table was cleared starts with a full bucket again: never refused early.
        #expect(limiter.take("k0", now: 1_000) == nil)
    }

    @Test("an account over its request rate is answered 429 with Retry-After, on pages and the API alike")
    func rateLimited() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        var settings = world.services.settings
        settings.requestsPerMinute = 1
        settings.requestBurst = 3
        let services = try PortalServices(settings: settings, store: world.services.store)
        let (statuses, retry, other) = try await Application(router: PortalApp.router(services)).test(.router) {
            client in
            var statuses: [UInt] = []
            var retry: String?
            for _ in 0..<4 {
                let response = try await client.execute(
                    uri: "/api/v1/me", method: .get, headers: world.headers(.viewer, bearer: true))
                statuses.append(UInt(response.status.code))
                retry = response.headers[.retryAfter] ?? retry
            }
            let page = try await client.execute(uri: "/dashboard", method: .get, headers: world.headers(.viewer))
            let other = try await client.execute(uri: "/api/v1/me", method: .get, headers: world.headers(.admin))
            return (statuses + [UInt(page.status.code)], retry, other.status.code)
        }
        #expect(statuses == [200, 200, 200, 429, 429])
        #expect(retry.flatMap(Int.init).map { (1...60).contains($0) } == true)
        #expect(other == 200)
    }

    @Test("the findings page lists a submission's findings filtered by aspect, and the XLSX holds the same rows")
    func findingsByAspect() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let table = try #require(world.services.findingsTable(world.submissionA))
        let aspect = try #require(table.rows.first { !$0.aspect.isEmpty }?.aspect)
        let kept = table.rows(FindingsTable.Filter(aspect: aspect))
        #expect(!kept.isEmpty && kept.count < table.rows.count)
        let (page, workbook) = try await world.test { client in
            let page = try await client.execute(
                uri: "/submissions/\(world.submissionA.id)/findings?aspect=\(aspect)", method: .get,
                headers: world.headers(.operatorA))
            let workbook = try await client.execute(
                uri: "/submissions/\(world.submissionA.id)/findings.xlsx?aspect=\(aspect)", method: .get,
                headers: world.headers(.operatorA))
            return (page, workbook)
        }
        #expect(page.status == .ok)
        #expect(text(page).contains("\(kept.count) / \(table.rows.count)"))
        #expect(text(page).contains("<option value=\"\(aspect)\" selected>"))
        #expect(workbook.headers[.contentDisposition]?.contains("findings.xlsx") == true)
        let archive = try Archive(data: Data(buffer: workbook.body), accessMode: .read)
        let entry = try #require(archive["xl/worksheets/sheet1.xml"])
        var sheet = Data()
        _ = try archive.extract(entry) { sheet.append($0) }
        let xml = String(decoding: sheet, as: UTF8.self)
        #expect(xml.components(separatedBy: "<row ").count - 1 == kept.count + 1)
        #expect(xml.contains(kept[0].rule))
    }

    @Test("every number of the dashboard links to the findings behind it, each heatmap cell to its OPD's aspect")
    func dashboardLinks() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let page = try await world.test { client in
            text(try await client.execute(uri: "/dashboard", method: .get, headers: world.headers(.viewer)))
        }
        let table = try #require(world.services.findingsTable(world.submissionA))
        for aspect in table.aspects {
            #expect(page.contains("href=\"/submissions/\(world.submissionA.id)/findings?aspect=\(aspect.id)\""))
        }
        #expect(page.contains("href=\"/submissions/\(world.submissionB.id)/findings?outcome=fail\""))
        #expect(page.contains("href=\"/submissions/\(world.submissionB.id)/findings\""))
    }

    @Test("an upload waiting for a slot shows its place and reloads without script, then leads to its submission")
    func queuePage() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let operatorA = try #require(world.accounts[.operatorA])
        let ticket = world.services.tickets.open(
            accountID: operatorA.id, periodID: world.period.id, opdID: world.opdA.id)
        let (waiting, stranger) = try await world.test { client in
            (
                try await client.execute(uri: "/queue/\(ticket)", method: .get, headers: world.headers(.operatorA)),
                try await client.execute(uri: "/queue/\(ticket)", method: .get, headers: world.headers(.admin))
            )
        }
        #expect(waiting.status == .ok)
        #expect(text(waiting).contains("data-reload-after=\"2\""))
        #expect(stranger.status == .notFound)
        world.services.tickets.finish(ticket, .finished(.accepted(world.submissionA)))
        let done = try await world.test { client in
            try await client.execute(uri: "/queue/\(ticket)", method: .get, headers: world.headers(.operatorA))
        }
        #expect(done.status == .seeOther)
        #expect(done.headers[.location] == "/submissions/\(world.submissionA.id)")
    }

    @Test("the queue tells each waiting upload its place, and lets the next in when a slot frees")
    func queuePlaces() async throws {
        let queue = EvaluationQueue(slots: 1, waiting: 2)
        let release = DispatchSemaphore(value: 0)
        let first = Task { try await queue.run { release.wait() } }
        while await queue.hasFreeSlot { await Task.yield() }
        let second = Task { try await queue.run(ticket: "t2") { 2 } }
        let third = Task { try await queue.run(ticket: "t3") { 3 } }
        while true {
            let waiting = [await queue.place(of: "t2"), await queue.place(of: "t3")]
            if !waiting.contains(nil) { break }
            await Task.yield()
        }
        let places = [await queue.place(of: "t2"), await queue.place(of: "t3")]
        #expect(Set(places.compactMap { $0 }) == [1, 2])
        #expect(try await queue.run(ticket: "t4") { 4 } == nil)
        release.signal()
        _ = try await first.value
        #expect(try await second.value == 2)
        #expect(try await third.value == 3)
        #expect(await queue.hasFreeSlot)
    }

    @Test("evaluations run on threads of their own: sixteen waiting for each other do not hold Swift's pool")
    func evaluationsOffThePool() async throws {
        let count = 16
        let queue = EvaluationQueue(slots: count, waiting: 0)
        let arrived = Arrivals()
        // Each evaluation waits until all of them run at once: on the cooperative pool, as many threads as the
        // cores, they could not, and each would give up after its five seconds.
        let all = try await withThrowingTaskGroup(of: Bool?.self) { group in
            for _ in 0..<count {
                group.addTask {
                    try await queue.run {
                        arrived.condition.lock()
                        defer { arrived.condition.unlock() }
                        arrived.present += 1
                        arrived.condition.broadcast()
                        let deadline = Date().addingTimeInterval(5)
                        while arrived.present < count, arrived.condition.wait(until: deadline) {}
                        return arrived.present == count
                    }
                }
            }
            return try await group.reduce(into: [Bool?]()) { $0.append($1) }
        }
        #expect(all == Array(repeating: true, count: count))
    }

    @Test("a password longer than bcrypt reads is still checked in every byte")
    func longPasswords() {
        let long = String(repeating: "kata-sandi-", count: 10)
        let hash = Secrets.hashPassword(long, cost: 4)
        #expect(Secrets.verifyPassword(long, hash: hash))
        #expect(!Secrets.verifyPassword(long + "x", hash: hash))
        #expect(Secrets.passwordProblem(long) == nil)
        #expect(Secrets.passwordProblem(String(repeating: "a", count: 257)) != nil)
    }

    @Test("evaluation dates are digits that name a day of the calendar")
    func dates() {
        #expect(Routes.isDate("2024-02-29"))
        #expect(!Routes.isDate("2025-02-29"))
        #expect(!Routes.isDate("+202-06-30"))
        #expect(!Routes.isDate("2025-6-30"))
        #expect(!Routes.isDate("2025-04-31"))
    }
}

/// How many evaluations have arrived, guarded by `condition`.
private final class Arrivals: @unchecked Sendable {
    let condition = NSCondition()
    var present = 0
}
