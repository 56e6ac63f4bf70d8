import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A streaming parser for one XML part of a workbook. Subclasses see elements by local name (the `x:` of
/// `x:row` dropped) and attributes by local name; they call `stop(_:)` to abort with a reason, such as a limit.
///
/// Documents with a DOCTYPE are refused before parsing: workbook parts never have one, and refusing them rules
/// out entity expansion attacks.
class XMLPartParser: NSObject, XMLParserDelegate {
    private var stopReason: String?
    private weak var parser: XMLParser?

    /// Parses `data`; throws with the reason when the XML is malformed or a subclass stopped.
    ///
    /// The part is fed to the parser as a stream: given all at once, libxml2 refuses a document past 10,000,000
    /// bytes ("huge input lookup") whatever its shape, which made a well-formed 24 MB sheet "malformed".
    func parse(_ data: Data) throws(XMLPartError) {
        if let refusal = XMLPartParser.declarationRefusal(data) { throw XMLPartError(reason: refusal) }
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        self.parser = parser
        let succeeded = parser.parse()
        if let stopReason { throw XMLPartError(reason: stopReason) }
        if !succeeded {
            let code = (parser.parserError as NSError?).map { " (XML parser error \($0.code))" } ?? ""
            throw XMLPartError(reason: "malformed XML near line \(parser.lineNumber)\(code)")
        }
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
        for word in ["<!DOCTYPE", "<!ENTITY"] where data.range(of: word.data(using: encoding)!) != nil {
            return "it declares a DOCTYPE, which workbook parts never do"
        }
        return nil
    }

    /// The 1-based line of the part the parser is at.
    var line: Int { parser?.lineNumber ?? 0 }

    /// Stops parsing; `parse` then throws with `reason`.
    func stop(_ reason: String) {
        guard stopReason == nil else { return }
        stopReason = reason
        parser?.abortParsing()
    }

    /// An element starts.
    func start(_ name: String, attributes: [String: String]) {}
    /// An element ends.
    func end(_ name: String) {}
    /// Text inside the current element.
    func text(_ text: String) {}

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard stopReason == nil else { return }
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict { attributes[XMLPartParser.localName(key)] = value }
        start(XMLPartParser.localName(elementName), attributes: attributes)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard stopReason == nil else { return }
        end(XMLPartParser.localName(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard stopReason == nil else { return }
        text(string)
    }

    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}

/// Why a workbook part could not be parsed.
struct XMLPartError: Error, Sendable {
    /// What went wrong.
    let reason: String
}
