import Foundation
import HummingbirdBcrypt
import PortalStore

/// Random secrets and their hashes: session ids, CSRF tokens, API tokens, passwords.
enum Secrets {
    /// 32 random bytes from the system's generator, as 64 hex digits.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The SHA-256 of `secret`, hex: what the database keeps of session ids and API tokens.
    static func hash(_ secret: String) -> String {
        ContentHash.hex(Data(secret.utf8))
    }

    /// Compares two secrets in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The bcrypt cost of new password hashes (2^12 rounds).
    static let bcryptCost: UInt8 = 12

    /// A password's bcrypt hash. bcrypt reads 72 bytes at most, so a longer password is hashed by its SHA-256 (64
    /// hex digits): every byte of it counts.
    static func hashPassword(_ password: String, cost: UInt8 = bcryptCost) -> String {
        Bcrypt.hash(bcryptInput(password), cost: cost)
    }

    /// A hash no password is known for, checked when a user name is unknown.
    static let decoyHash = hashPassword(random())

    /// Whether `password` matches the bcrypt `hash`.
    static func verifyPassword(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(bcryptInput(password), hash: hash)
    }

    private static func bcryptInput(_ password: String) -> String {
        password.utf8.count > 72 ? "sha256:" + Secrets.hash(password) : password
    }

    /// The longest password, in characters (Unicode scalars), so that hashing stays bounded.
    static let maxPasswordLength = 256

    /// Why a new password is refused, or nil when it is acceptable: 10 to 256 characters (Unicode scalars, as
    /// JSON Schema's `minLength` counts them).
    static func passwordProblem(_ password: String) -> String? {
        let length = password.unicodeScalars.count
        if length < 10 { return "the password needs at least 10 characters" }
        if length > maxPasswordLength { return "the password may have at most \(maxPasswordLength) characters" }
        return nil
    }
}

/// Counts failed sign-ins per user name in a sliding window and refuses more than `limit` in `window` seconds.
final class LoginLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String: [Double]] = [:]
    let limit: Int
    let window: Double

    init(limit: Int = 5, window: Double = 300) {
        self.limit = limit
        self.window = window
    }

    /// Whether another attempt for `key` is allowed now.
    func allows(_ key: String, now: Double = Date().timeIntervalSince1970) -> Bool {
        lock.withLock {
            let recent = (failures[key] ?? []).filter { now - $0 < window }
            failures[key] = recent.isEmpty ? nil : recent
            return recent.count < limit
        }
    }

    /// Records a failed attempt for `key`.
    func fail(_ key: String, now: Double = Date().timeIntervalSince1970) {
        lock.withLock {
            if failures.count > 100_000 { failures.removeAll() }  // bounded memory under a flood of names
            failures[key, default: []].append(now)
        }
    }

    /// Forgets `key`'s failures after a successful sign-in.
    func succeed(_ key: String) {
        lock.withLock { failures[key] = nil }
    }
}
