import DataModel
import Diagnostics
import Engine

/// XML written straight into UTF-8 bytes: markup as given, text and attribute values escaped as `XMLText.escape`
/// escapes them. Perf: a test case built by string interpolation, escaped string by string, was most of writing
/// the JUnit report, which has a case per rule and subject.
struct XMLBytes {
    /// What has been written.
    private(set) var bytes: [UInt8] = []
    /// Where a finding's message is worded before it is escaped, kept for the next one.
    private var scratch: [UInt8] = []

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup, written as it is.
    mutating func markup(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup built of texts already escaped (`XMLText.escape`), written as it is.
    mutating func markup(escaped text: String) {
        bytes.append(utf8: text)
    }

    /// Bytes already escaped (written by another `XMLBytes`), written as they are.
    mutating func markup(escaped bytes: [UInt8]) {
        self.bytes.append(contentsOf: bytes)
    }

    /// A number, written as it is.
    mutating func number(_ value: Int) {
        bytes.append(decimal: value)
    }

    /// The finding's message (see `SubjectResult.message`), escaped, worded without making a `String` of it;
    /// `fallback` when it has none.
    mutating func message(of finding: SubjectResult, otherwise fallback: String) {
        var message = scratch
        scratch = []
        message.removeAll(keepingCapacity: true)
        if finding.writeMessage(into: &message) {
            text(utf8: message)
        } else {
            text(fallback)
        }
        scratch = message
    }

    /// A source location as `SourceLocation.description` writes it, escaped, without making a `String` of it.
    /// Perf: its description was a sixth of writing the HTML report's findings (callgrind, 100 OPDs of spbe-bench).
    mutating func location(_ location: SourceLocation) {
        var written = scratch
        scratch = []
        written.removeAll(keepingCapacity: true)
        written.append(location: location)
        text(utf8: written)
        scratch = written
    }

    /// Text or an attribute value, escaped.
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { self.text(utf8: $0) }
    }

    /// UTF-8 text or an attribute value (a finding's message), escaped.
    mutating func text(utf8 text: [UInt8]) {
        text.withUnsafeBufferPointer { self.text(utf8: $0) }
    }

    /// Perf: the runs between the bytes to escape are copied whole; a byte at a time was a fifth of writing the
    /// JUnit report (callgrind, 100 OPDs of spbe-bench).
    mutating func text(utf8 text: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in text.indices {
            let byte = text[index]
            guard Self.needsEscaping(byte) else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
            start = index + 1
            switch byte {
            case UInt8(ascii: "&"): markup("&amp;")
            case UInt8(ascii: "<"): markup("&lt;")
            case UInt8(ascii: ">"): markup("&gt;")
            case UInt8(ascii: "\""): markup("&quot;")
            case UInt8(ascii: "'"): markup("&#39;")
            case 0x09, 0x0A, 0x0D: bytes.append(byte)
            default: continue  // control characters are not allowed in XML 1.0
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
    }

    /// Whether `byte` is written other than as it is: a markup character or a control character.
    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// Appends what another writer wrote.
    mutating func append(_ other: XMLBytes) {
        bytes.append(contentsOf: other.bytes)
    }
}
