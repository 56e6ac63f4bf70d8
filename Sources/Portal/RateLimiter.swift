import Foundation

/// A token bucket per key (an account, or an address for anonymous callers): each holds up to `burst` requests
/// and refills at `perMinute` a minute. Memory is bounded: past `maxKeys` keys, the buckets that are full again
/// (idle callers) are forgotten, and if none is, all are.
final class RateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var buckets: [String: (tokens: Double, at: Double)] = [:]
    private let perSecond: Double
    private let burst: Double
    private let maxKeys: Int

    /// A limiter of `perMinute` requests a minute with bursts of `burst`; `perMinute` 0 lets everything through.
    init(perMinute: Int, burst: Int, maxKeys: Int = 100_000) {
        perSecond = Double(max(0, perMinute)) / 60
        self.burst = Double(max(1, burst))
        self.maxKeys = maxKeys
    }

    /// Takes one request from `key`'s bucket: nil when allowed, else the seconds until one is (for `Retry-After`).
    func take(_ key: String, now: Double = Date().timeIntervalSince1970) -> Int? {
        guard perSecond > 0 else { return nil }
        return lock.withLock {
            var bucket = buckets[key] ?? (burst, now)
            bucket.tokens = min(burst, bucket.tokens + max(0, now - bucket.at) * perSecond)
            bucket.at = now
            defer {
                if buckets[key] == nil, buckets.count >= maxKeys { forgetIdle(now) }
                buckets[key] = bucket
            }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }

    private func forgetIdle(_ now: Double) {
        buckets = buckets.filter { min(burst, $0.value.tokens + (now - $0.value.at) * perSecond) < burst }
        if buckets.count >= maxKeys { buckets.removeAll() }
    }
}
