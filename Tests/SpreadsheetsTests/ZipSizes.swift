import Foundation

/// Rewrites what a zip file declares for one entry: its size, to make a zip bomb that lies about it, or its
/// checksum, to stand for a part damaged in transit.
enum ZipSizes {
    /// Sets the uncompressed size of `entry` in its local header and central directory record to `size`.
    static func understate(entry: String, in path: String, as size: UInt32) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let name = Array(entry.utf8)
        let little = withUnsafeBytes(of: size.littleEndian, Array.init)
        // Local header: signature PK\3\4, size at 22, name length at 26, name at 30.
        // Central directory record: signature PK\1\2, size at 24, name length at 28, name at 46.
        for (signature, sizeOffset, nameOffset) in [
            ([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22, 30), ([0x50, 0x4B, 0x01, 0x02], 24, 46),
        ] {
            for start in 0..<(bytes.count - nameOffset - name.count)
            where Array(bytes[start..<(start + 4)]) == signature
                && Array(bytes[(start + nameOffset)..<(start + nameOffset + name.count)]) == name
            {
                bytes.replaceSubrange((start + sizeOffset)..<(start + sizeOffset + 4), with: little)
            }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Flips a bit of the CRC-32 that `entry`'s local header and central directory record declare.
    static func damageChecksum(entry: String, in path: String) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let name = Array(entry.utf8)
        // Local header: CRC-32 at 14, name at 30. Central directory record: CRC-32 at 16, name at 46.
        for (signature, crcOffset, nameOffset) in [
            ([0x50, 0x4B, 0x03, 0x04] as [UInt8], 14, 30), ([0x50, 0x4B, 0x01, 0x02], 16, 46),
        ] {
            for start in 0..<(bytes.count - nameOffset - name.count)
            where Array(bytes[start..<(start + 4)]) == signature
                && Array(bytes[(start + nameOffset)..<(start + nameOffset + name.count)]) == name
            {
                bytes[start + crcOffset] ^= 0x01
            }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
