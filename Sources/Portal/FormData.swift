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
        guard let members = try? JSONDecoder().decode([String: JSONMember].self, from: json) else { return nil }
        for (name, member) in members {
            switch (member, integers.contains(name)) {
            case (.text(let text), false): fields[name] = text
            case (.integer(let number), true): fields[name] = String(number)
            default: return nil
            }
        }
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
