import Foundation

/// `xl/sharedStrings.xml`: the strings cells of type `s` point at by index. Rich-text runs are joined; phonetic
/// guides (`rPh`) are left out; `_xHHHH_` escapes are decoded.
final class XLSXSharedStrings: XMLPartParser {
    /// The strings, by index.
    private(set) var strings: [String] = []
    private let maxStrings: Int
    private let maxBytes: Int
    private var current: String?
    private var inText = false
    private var phoneticDepth = 0

    init(maxStrings: Int, maxBytes: Int) {
        self.maxStrings = maxStrings
        self.maxBytes = maxBytes
    }

    override func start(_ name: String, attributes: XMLAttributes) {
        switch name {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "si":
            strings.append(OOXMLEscapes.decode(current ?? ""))
            current = nil
            if strings.count > maxStrings { stop("more than \(maxStrings) shared strings") }
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    override func text(_ text: String) {
        guard inText, current != nil else { return }
        current! += text
        if current!.utf8.count > maxBytes { stop("a shared string is longer than \(maxBytes) bytes") }
    }
}
