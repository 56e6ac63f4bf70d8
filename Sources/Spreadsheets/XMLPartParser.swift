import CLibXML2
import DataModel
import Foundation

/// A streaming parser for one XML part of a workbook, on libxml2's SAX2 push parser. Subclasses see elements by
/// local name (the `x:` of `x:row` dropped) and attributes by local name; they call `stop(_:)` to abort with a
/// reason, such as a limit.
///
/// Documents with a DOCTYPE are refused before parsing: workbook parts never have one, and refusing them rules
/// out entity expansion attacks; the parser is also told never to reach the network.
class XMLPartParser {
    private var stopReason: String?
    private var context: xmlParserCtxtPtr?

    /// How much of the part is handed to libxml2 at a time: given a whole document at once, libxml2 refuses one
    /// past 10,000,000 bytes ("huge input lookup") whatever its shape.
    private static let chunkSize = 256 * 1024

    /// libxml2's global tables, set up once before any thread parses (its documentation asks for it where
    /// several threads parse at once, as check runs' workers do).
    private static let libraryReady: Void = xmlInitParser()

    /// Parses `data`; throws with the reason when the XML is malformed or a subclass stopped.
    func parse(_ data: Data) throws(XMLPartError) {
        if let refusal = XMLPartParser.declarationRefusal(data) { throw XMLPartError(reason: refusal) }
        Self.libraryReady
        var handler = Self.handler()
        let wellFormed = data.withUnsafeBytes { bytes -> Bool in
            let base = bytes.bindMemory(to: CChar.self).baseAddress
            // The first bytes go with the context, so libxml2 can tell the part's encoding from them.
            let head = min(4, bytes.count)
            guard
                let context = xmlCreatePushParserCtxt(
                    &handler, Unmanaged.passUnretained(self).toOpaque(), base, Int32(head), nil)
            else { return false }
            self.context = context
            defer {
                self.context = nil
                xmlFreeParserCtxt(context)
            }
            _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
            var offset = head
            while offset < bytes.count, stopReason == nil, context.pointee.wellFormed != 0 {
                let size = min(Self.chunkSize, bytes.count - offset)
                _ = xmlParseChunk(context, base! + offset, Int32(size), 0)
                offset += size
            }
            if stopReason == nil, context.pointee.wellFormed != 0 { _ = xmlParseChunk(context, nil, 0, 1) }
            guard context.pointee.wellFormed != 0 else {
                if stopReason == nil {
                    let code = context.pointee.errNo != 0 ? " (XML parser error \(context.pointee.errNo))" : ""
                    stopReason = "malformed XML near line \(xmlSAX2GetLineNumber(context))\(code)"
                }
                return false
            }
            return true
        }
        if let stopReason { throw XMLPartError(reason: stopReason) }
        if !wellFormed { throw XMLPartError(reason: "malformed XML") }
    }

    /// The SAX2 callbacks: each finds its parser in the context's user data.
    private static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { user, localName, _, _, _, _, attributeCount, _, attributes in
            guard let user, let localName else { return }
            let parser = Unmanaged<XMLPartParser>.fromOpaque(user).takeUnretainedValue()
            guard parser.stopReason == nil else { return }
            parser.start(
                String(cString: localName), attributes: XMLAttributes(fields: attributes, count: Int(attributeCount)))
        }
        handler.endElementNs = { user, localName, _, _ in
            guard let user, let localName else { return }
            let parser = Unmanaged<XMLPartParser>.fromOpaque(user).takeUnretainedValue()
            guard parser.stopReason == nil else { return }
            parser.end(String(cString: localName))
        }
        let characters: charactersSAXFunc = { user, text, length in
            guard let user, let text else { return }
            let parser = Unmanaged<XMLPartParser>.fromOpaque(user).takeUnretainedValue()
            guard parser.stopReason == nil else { return }
            parser.text(String(decoding: UnsafeBufferPointer(start: text, count: Int(length)), as: UTF8.self))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        // Errors are read from the context after parsing, never printed.
        handler.serror = { _, _ in }
        return handler
    }

    /// Why `data` is refused before parsing: a DOCTYPE or entity declaration, searched for in the part's own
    /// encoding (UTF-8 and the encodings that share its ASCII bytes, or UTF-16 either way round, told from the
    /// first two bytes as XML's appendix F does); or an encoding workbook parts never use (UTF-32, EBCDIC).
    static func declarationRefusal(_ data: Data) -> String? {
        let head = Array(data.prefix(4))
        if head.count == 4,
            head == [0, 0, 0, 0x3C] || head == [0x3C, 0, 0, 0] || head == [0, 0, 0xFE, 0xFF]
                || head == [0xFF, 0xFE, 0, 0] || head == [0x4C, 0x6F, 0xA7, 0x94]
        {
            return "it is encoded in UTF-32 or EBCDIC; workbook parts are UTF-8 or UTF-16"
        }
        let first = head.first ?? 0
        let second = head.dropFirst().first ?? 0
        let encoding: String.Encoding =
            if (first, second) == (0xFE, 0xFF) || (first == 0 && second != 0) {
                .utf16BigEndian
            } else if (first, second) == (0xFF, 0xFE) || (first != 0 && second == 0 && head.count > 1) {
                .utf16LittleEndian
            } else {
                .utf8
            }
        for word in ["<!DOCTYPE", "<!ENTITY"]
        where
            data.withUnsafeBytes({ bytes in word.data(using: encoding)!.withUnsafeBytes { bytes.firstOffset(of: $0) } })
            != nil
        {
            return "it declares a DOCTYPE, which workbook parts never do"
        }
        return nil
    }

    /// The 1-based line of the part the parser is at.
    var line: Int { context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }

    /// Stops parsing; `parse` then throws with `reason`.
    func stop(_ reason: String) {
        guard stopReason == nil else { return }
        stopReason = reason
        if let context { xmlStopParser(context) }
    }

    /// An element starts; `attributes` are valid only during the call.
    func start(_ name: String, attributes: XMLAttributes) {}
    /// An element ends.
    func end(_ name: String) {}
    /// Text inside the current element.
    func text(_ text: String) {}
}

/// Why a workbook part could not be parsed.
struct XMLPartError: Error, Sendable {
    /// What went wrong.
    let reason: String
}
