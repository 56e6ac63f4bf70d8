/// Several byte strings kept as one inventory part, each after its length (4 bytes, little-endian): how a format
/// that holds its inventories keeps the pieces it writes in different places (an overview row and a section).
enum FramedPart {
    /// `fields` framed in order.
    static func frame<Field: Collection<UInt8>>(_ fields: [Field]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + $1.count + 4 })
        for field in fields {
            let count = UInt32(field.count)
            bytes += [UInt8(count & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count >> 16 & 0xFF), UInt8(count >> 24)]
            bytes += field
        }
        return bytes
    }

    /// The first field of the `position`-th of `parts`, each made by `frame`, read without the rest of the part.
    static func firstField(of position: Int, in parts: any HeldParts) -> ArraySlice<UInt8> {
        let head = parts.part(position, prefix: 4)
        guard head.count == 4 else { return [] }
        let count = Int(head[0]) | Int(head[1]) << 8 | Int(head[2]) << 16 | Int(head[3]) << 24
        return fields(of: parts.part(position, prefix: 4 + count)).first ?? []
    }

    /// The first `count` fields of the `position`-th of `parts`, each made by `frame`, read without the rest of the
    /// part when they are short (fewer when the part has fewer).
    static func leadingFields(_ count: Int, of position: Int, in parts: any HeldParts) -> [ArraySlice<UInt8>] {
        var length = 1 << 10
        while true {
            let prefix = parts.part(position, prefix: length)
            var (fields, offset) = ([ArraySlice<UInt8>](), 0)
            while fields.count < count, offset + 4 <= prefix.count {
                let end =
                    offset + 4
                    + (Int(prefix[offset]) | Int(prefix[offset + 1]) << 8
                        | Int(prefix[offset + 2]) << 16 | Int(prefix[offset + 3]) << 24)
                guard end <= prefix.count else { break }
                fields.append(prefix[(offset + 4)..<end])
                offset = end
            }
            // A prefix shorter than asked for is the whole part.
            if fields.count == count || prefix.count < length { return fields }
            length *= 4
        }
    }

    /// The fields of a part `frame` made, in order.
    static func fields(of part: [UInt8]) -> [ArraySlice<UInt8>] {
        var fields: [ArraySlice<UInt8>] = []
        var offset = 0
        while offset + 4 <= part.count {
            let count =
                Int(part[offset]) | Int(part[offset + 1]) << 8 | Int(part[offset + 2]) << 16 | Int(part[offset + 3])
                << 24
            fields.append(part[(offset + 4)..<(offset + 4 + count)])
            offset += 4 + count
        }
        return fields
    }
}
