import Foundation

/// Values worked out once per compiled pack and a key of the caller's, kept for the last few packs: a portal
/// evaluates and reports every upload of a period with the same compiled pack, and what depends only on the pack
/// (its rules' wording, their SARIF descriptions) need not be made again for each. A pack is recognised by its
/// rules, compared by identity, so a pack compiled again is a new pack.
public final class PackCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    // @unchecked: `entries` is read and written under `lock` only.
    private struct Entry {
        let rules: [CompiledRule]
        let key: Key
        let value: Value

        func matches(_ pack: CompiledPack, _ key: Key) -> Bool {
            self.key == key && rules.count == pack.rules.count && zip(rules, pack.rules).allSatisfy { $0 === $1 }
        }
    }

    private let capacity: Int
    private let lock = NSLock()
    /// The entries, the most recently made last.
    private var entries: [Entry] = []

    /// A cache of the values of the last `capacity` pack and key pairs.
    public init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// The value for `pack` and `key`, made by `make` (outside the lock) when it is not kept.
    public func value(for pack: CompiledPack, key: Key, make: () -> Value) -> Value {
        if let kept = lock.withLock({ entries.first { $0.matches(pack, key) } }) { return kept.value }
        let value = make()
        lock.withLock {
            guard !entries.contains(where: { $0.matches(pack, key) }) else { return }
            if entries.count == capacity { entries.removeFirst() }
            entries.append(Entry(rules: pack.rules, key: key, value: value))
        }
        return value
    }
}
