import Foundation
import PortalStore

/// Pages that many readers read alike (the pemda dashboard), each rendered once per generation of the store and
/// shared until a write moves it (`PortalStore.generation`), whichever route made the write. What is kept is the
/// part inside the site's frame, rendered for the caller's role and language alone (`Call.sharedByRole`): the
/// frame, with the reader's name and CSRF token, is rendered for each request. Concurrent readers of a page not
/// yet rendered wait for one rendering. Bounded: at most `limit` pages, all forgotten when full.
final class PageCache: @unchecked Sendable {
    /// What a kept page is for: the page and what selects it (a period), the language and the role of its readers.
    struct Key: Hashable, Sendable {
        let page: String
        let selector: Int64?
        let language: Language
        let role: Role
    }

    /// A rendered page without the site's frame.
    struct Page: Sendable {
        let title: String
        let body: HTML
    }

    private let lock = NSLock()
    private var pages: [Key: (generation: UInt64, page: Task<Page, any Error>)] = [:]
    private let limit: Int

    init(limit: Int = 256) { self.limit = limit }

    /// The page `key` of store generation `generation` (read before anything the page shows): the kept one, or
    /// one rendered by `render`. A rendering that fails is not kept.
    func page(_ key: Key, generation: UInt64, render: @escaping @Sendable () throws -> Page) async throws -> Page {
        let task: Task<Page, any Error> = lock.withLock {
            if let kept = pages[key], kept.generation >= generation { return kept.page }
            let rendering = Task { try render() }
            if pages[key] == nil, pages.count >= limit { pages.removeAll() }
            pages[key] = (generation, rendering)
            return rendering
        }
        do {
            return try await task.value
        } catch {
            lock.withLock {
                if pages[key]?.page == task { pages[key] = nil }
            }
            throw error
        }
    }
}

extension Call {
    /// The call as made by no one in particular of the caller's role, in its language: what a shared page is
    /// rendered from, so that no reader's name, account or CSRF token can be in it (its forms, if any, get no
    /// token: the frame's are rendered per request).
    var sharedByRole: Call {
        let role = principal?.account.role ?? .viewer
        let nobody = Account(
            id: 0, username: "", displayName: "", passwordHash: "", role: role, opdID: nil, createdAt: 0)
        return Call(
            request: request, context: context, services: services,
            principal: Principal(account: nobody, proof: .token),
            language: language, form: nil)
    }
}
