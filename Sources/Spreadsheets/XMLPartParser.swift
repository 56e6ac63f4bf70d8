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
    func parse(_ data: Data) throws(XMLPartError) {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw XMLPartError(reason: "it declares a DOCTYPE, which workbook parts never do")
        }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        self.parser = parser
        let succeeded = parser.parse()
        if let stopReason { throw XMLPartError(reason: stopReason) }
        if !succeeded {
            let line = parser.lineNumber
            throw XMLPartError(reason: "malformed XML near line \(line)")
        }
    }

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

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
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
