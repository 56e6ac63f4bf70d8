import Foundation

/// The base protocol of LSP: JSON-RPC messages framed by a `Content-Length` header, read from and written to
/// byte streams (standard input and output).
public enum MessageFraming {
    /// The largest message body accepted, in bytes: a client cannot make the server allocate without bound.
    public static let maxBodyBytes = 64 << 20

    /// Frames one JSON body: `Content-Length: N\r\n\r\n` then the body.
    public static func frame(_ body: Data) -> Data {
        var data = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        data.append(body)
        return data
    }

    /// Splits framed messages off the front of a byte buffer.
    public struct Reader {
        private var buffer = Data()

        /// Creates an empty reader.
        public init() {}

        /// A malformed header: the stream cannot be resynchronised.
        public struct FramingError: Error, Equatable, CustomStringConvertible {
            /// What was wrong.
            public let description: String
        }

        /// Appends bytes read from the stream.
        public mutating func append(_ data: Data) { buffer.append(data) }

        /// The next complete message body, nil when more bytes are needed.
        public mutating func next() throws(FramingError) -> Data? {
            let separator = Data("\r\n\r\n".utf8)
            guard let end = buffer.range(of: separator) else {
                if buffer.count > 8192 { throw FramingError(description: "a message header is longer than 8192 bytes") }
                return nil
            }
            let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
            var length: Int?
            for line in header.split(separator: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { throw FramingError(description: "a header line has no colon: '\(line)'") }
                if parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" {
                    length = Int(parts[1].trimmingCharacters(in: .whitespaces))
                }
            }
            guard let length, length >= 0, length <= MessageFraming.maxBodyBytes else {
                throw FramingError(description: "a message has no valid Content-Length header")
            }
            guard buffer.distance(from: end.upperBound, to: buffer.endIndex) >= length else { return nil }
            let bodyStart = end.upperBound
            let bodyEnd = buffer.index(bodyStart, offsetBy: length)
            let body = Data(buffer[bodyStart..<bodyEnd])
            buffer = Data(buffer[bodyEnd...])
            return body
        }
    }
}
