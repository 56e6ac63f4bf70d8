import Crypto
import Foundation

/// SHA-256 as lowercase hex, for naming blobs by content and storing session ids and API tokens only hashed:
/// swift-crypto's (BoringSSL's, with the CPU's SHA instructions where it has them), since every upload hashes
/// itself and its reports.
public enum ContentHash {
    /// The digest of `data` as 64 lowercase hex digits.
    public static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
