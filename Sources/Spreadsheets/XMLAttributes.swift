import CLibXML2

/// The attributes of the element being started, as libxml2's SAX2 parser hands them over: looked up by local name
/// (the `r:` of `r:id` dropped) and made into a `String` only when asked for. Valid only inside the `start` call
/// that received them.
struct XMLAttributes {
    /// Five pointers an attribute: local name, prefix, namespace URI, value start, value end.
    private let fields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    private let count: Int

    init(fields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        self.fields = fields
        self.count = count
    }

    /// The value of the attribute whose local name is `name`, nil when the element has none.
    subscript(name: String) -> String? {
        guard let fields else { return nil }
        var name = name
        return name.withUTF8 { wanted in
            for index in 0..<count {
                let base = index * 5
                guard let localName = fields[base], let start = fields[base + 3], let end = fields[base + 4],
                    Self.equal(localName, wanted)
                else { continue }
                return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            }
            return nil
        }
    }

    /// Whether the NUL-terminated `text` holds exactly the bytes of `wanted`.
    private static func equal(_ text: UnsafePointer<xmlChar>, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        for (offset, byte) in wanted.enumerated() where text[offset] != byte { return false }
        return text[wanted.count] == 0
    }
}
