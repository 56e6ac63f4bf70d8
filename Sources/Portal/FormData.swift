import Foundation

/// The fields of a submitted form: `application/x-www-form-urlencoded`, or `multipart/form-data` with files.
struct FormData: Sendable {
    /// An uploaded file.
    struct File: Sendable {
        /// The name the browser gave (display only; never used as a path).
        let fileName: String
        let data: Data
    }

    private(set) var fields: [String: String] = [:]
    private(set) var files: [String: File] = [:]

    subscript(_ name: String) -> String? { fields[name] }

    /// An empty form.
    init() {}

    /// The members of a JSON object as the API's request bodies declare them: a string, or a whole number for a
    /// member named in `integers` (read as its digits); nil when the body is not an object or a member has another
    /// type (a number for a text member, text for a number, a boolean, null, an object, an array), so a mistyped
    /// member is refused rather than read as text.
    init?(json: Data, integers: Set<String>) {
        guard let members = Self.members(json) else { return nil }
        for (name, member) in members {
            switch (member, integers.contains(name)) {
            case (.text(let text), false): fields[name] = text
            case (.integer(let number), true): fields[name] = String(number)
            default: return nil
            }
        }
    }

    /// The members of a JSON object; a lone surrogate escape (`\udaf1`, JSON by its grammar but no character)
    /// reads as U+FFFD, as a browser's `JSON.parse` keeps it and its `TextEncoder` then replaces it.
    /// (The decoder reads the object and fails only the member, which would then read as mistyped.)
    private static func members(_ json: Data) -> [String: JSONMember]? {
        try? JSONDecoder().decode([String: JSONMember].self, from: LoneSurrogates.replaced(in: json) ?? json)
    }

    /// Parses a body by its content type; nil when it is neither form encoding or is malformed.
    init?(body: Data, contentType: String?) {
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("application/x-www-form-urlencoded") {
            fields = Self.urlEncoded(String(decoding: body, as: UTF8.self))
        } else if type.hasPrefix("multipart/form-data"), let boundary = Self.boundary(contentType ?? "") {
            guard parseMultipart(body, boundary: boundary) else { return nil }
        } else {
            return nil
        }
    }

    /// The fields of a query string or URL-encoded body (the first of a repeated name wins).
    static func urlEncoded(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return fields
    }

    private static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// Splits a multipart body at its boundary lines; each part's headers name its field and file.
    private mutating func parseMultipart(_ body: Data, boundary: String) -> Bool {
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard var cursor = body.range(of: delimiter)?.upperBound else { return false }
        var parts = 0
        while cursor < body.endIndex {
            if body[cursor...].starts(with: Data("--".utf8)) { return true }  // the closing delimiter
            guard body[cursor...].starts(with: Data("\r\n".utf8)) else { return false }
            let start = cursor + 2
            guard let headersRange = body.range(of: headerEnd, in: start..<body.endIndex),
                let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headersRange.upperBound..<body.endIndex)
            else { return false }
            parts += 1
            guard parts <= 32 else { return false }
            let headers = String(decoding: body[start..<headersRange.lowerBound], as: UTF8.self)
            let content = body[headersRange.upperBound..<next.lowerBound]
            guard
                let disposition = headers.split(separator: "\r\n").first(where: {
                    $0.lowercased().hasPrefix("content-disposition:")
                }),
                let name = Self.parameter("name", in: disposition)
            else { return false }
            if let fileName = Self.parameter("filename", in: disposition) {
                files[name] = File(fileName: fileName, data: Data(content))
            } else if fields[name] == nil {
                fields[name] = String(decoding: content, as: UTF8.self)
            }
            cursor = next.upperBound
        }
        return false
    }

    /// A quoted parameter of a Content-Disposition header (`name="file"`).
    private static func parameter(_ key: String, in header: Substring) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix("\(key)=") else { continue }
            var value = String(trimmed.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}

/// A member of a JSON request body as the API reads it: a string, a whole number, or something else.
private enum JSONMember: Decodable {
    case text(String)
    case integer(Int64)
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() || (try? container.decode(Bool.self)) != nil {
            self = .other
        } else if let string = try? container.decode(String.self) {
            self = .text(string)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else {
            self = .other
        }
    }
}

/// JSON `\u` escapes of UTF-16 surrogates that are not half of a pair, which JSON's grammar allows and no decoder
/// turns into a character.
enum LoneSurrogates {
    /// `json` with each lone surrogate escape replaced by `\ufffd`; nil when it has none. Escapes only stand in
    /// strings, so the bytes are read escape by escape (`\\` is one, so `\\udaf1` is text, not an escape).
    static func replaced(in json: Data) -> Data? {
        let bytes = [UInt8](json)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var changed = false
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                output.append(bytes[index])
                index += 1
                continue
            }
            let value = escape(bytes, at: index)
            if let value, (0xD800...0xDBFF).contains(value), let low = escape(bytes, at: index + 6),
                (0xDC00...0xDFFF).contains(low)
            {
                output += bytes[index..<index + 12]  // a pair: one character
                index += 12
            } else if let value, (0xD800...0xDFFF).contains(value) {
                output += Array("\\ufffd".utf8)
                changed = true
                index += 6
            } else {
                let length = value == nil ? 2 : 6  // another escape, or a character's: copied as it is
                output += bytes[index..<index + length]
                index += length
            }
        }
        return changed ? Data(output) : nil
    }

    /// The code unit of the `\uXXXX` escape at `index`, when there is one.
    private static func escape(_ bytes: [UInt8], at index: Int) -> Int? {
        guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        else { return nil }
        var value = 0
        for byte in bytes[(index + 2)..<(index + 6)] {
            guard let digit = Character(UnicodeScalar(byte)).hexDigitValue else { return nil }
            value = value * 16 + digit
        }
        return value
    }
}
