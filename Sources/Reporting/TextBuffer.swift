import DataModel
import Diagnostics
import Engine

/// Report text built as UTF-8 bytes. Appending to a byte array is a copy; appending to a `String` also checks
/// its storage and recomputes its flags each time, which dominates a report of many short pieces.
struct TextBuffer {
    private var bytes: [UInt8] = []

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends `text`.
    mutating func write(_ text: String) {
        bytes.append(utf8: text)
    }

    /// A number in decimal, without building a string for it.
    mutating func write(_ number: Int) {
        bytes.append(decimal: number)
    }

    /// A location as `SourceLocation.description` writes it.
    mutating func write(_ location: SourceLocation) {
        bytes.append(location: location)
    }

    /// The finding's message (see `SubjectResult.message`), written without making a `String` of it; false, with
    /// nothing written, when it has none.
    mutating func writeMessage(of finding: SubjectResult) -> Bool {
        finding.writeMessage(into: &bytes)
    }

    /// `text` and a line break.
    mutating func line(_ text: String) {
        write(text)
        bytes.append(0x0A)
    }

    /// The text written so far, as UTF-8: what is written out needs no check that it is valid, which building a
    /// `String` of it would do.
    var utf8: [UInt8] { bytes }
}
