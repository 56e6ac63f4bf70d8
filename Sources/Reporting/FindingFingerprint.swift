import DataModel
import Engine

/// A stable fingerprint of a finding: the pemda, the OPD, the rule and the subject's key, hashed with FNV-1a 64.
///
/// It survives reordering and unrelated edits of the inventory (positions are not part of it), so a finding keeps
/// its identity between runs (SARIF `partialFingerprints`, baselines).
enum FindingFingerprint {
    /// The version reports write (`fingerprint_version` in the JSON report, `spbeFinding/v2` in SARIF).
    static let version = 2

    /// Version 2: the pemda's identity key is part of the hash, so equal OPD ids of two pemdas never collide.
    static func of(pemda: PemdaIdentity, rule: String, opd: String, subject: String) -> String {
        hex(value(pemda: pemda, rule: rule, opd: opd, subject: subject))
    }

    /// The hash `of` writes in hexadecimal. Perf: the parts are hashed one after the other, as their joined text
    /// would be, with no string built; building one per finding was a tenth of writing the JSON report.
    static func value(pemda: PemdaIdentity, rule: String, opd: String, subject: String) -> UInt64 {
        var hash = FNV1a()
        hash.add("v2")
        hash.add(0x1F)
        hash.add(pemda.key)
        hash.add(0x1F)
        hash.add(rule)
        hash.add(0x1F)
        hash.add(opd)
        hash.add(0x1F)
        hash.add(subject)
        return hash.value
    }

    /// Version 1 (reports before pemda identities): rule, OPD id and subject only; read in old baselines.
    static func version1(rule: String, opd: String, subject: String) -> String {
        var hash = FNV1a()
        hash.add(rule)
        hash.add(0x1F)
        hash.add(opd)
        hash.add(0x1F)
        hash.add(subject)
        return hex(hash.value)
    }

    /// 16 lowercase hexadecimal digits.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            write(value, into: buffer)
            return 16
        }
    }

    /// `value` as 16 lowercase hexadecimal digits into the first 16 bytes of `buffer`.
    static func write(_ value: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        for position in 0..<16 {
            let digit = UInt8((value >> UInt64(60 - 4 * position)) & 0xF)
            buffer[position] = digit < 10 ? 0x30 + digit : 0x57 + digit
        }
    }

    /// FNV-1a 64 over bytes given part by part.
    private struct FNV1a {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ byte: UInt8) {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }

        /// Perf: over the text's contiguous UTF-8, not its `utf8` view, whose iterator cost 4% of writing the JSON
        /// report (callgrind, 100 OPDs of spbe-bench).
        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { for byte in $0 { add(byte) } }
        }
    }
}
