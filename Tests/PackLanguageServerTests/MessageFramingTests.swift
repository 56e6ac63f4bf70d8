import Foundation
import Testing

@testable import PackLanguageServer

@Suite("LSP message framing")
struct MessageFramingTests {
    @Test("a framed message reads back, even when it arrives a byte at a time")
    func roundTrip() throws {
        let body = Data(#"{"jsonrpc":"2.0","id":1,"method":"initialize"}"#.utf8)
        let framed = MessageFraming.frame(body) + MessageFraming.frame(Data("{}".utf8))
        var reader = MessageFraming.Reader()
        var bodies: [Data] = []
        for byte in framed {
            reader.append(Data([byte]))
            while let next = try reader.next() { bodies.append(next) }
        }
        #expect(bodies == [body, Data("{}".utf8)])
    }

    @Test("the Content-Length counts bytes, not characters, and other headers are allowed")
    func byteLength() throws {
        let body = Data(#"{"text":"Pemda – “Bandung” 😀"}"#.utf8)
        #expect(MessageFraming.frame(body).starts(with: Data("Content-Length: \(body.count)\r\n\r\n".utf8)))
        var reader = MessageFraming.Reader()
        reader.append(
            Data(
                "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: \(body.count)\r\n\r\n".utf8)
                + body)
        #expect(try reader.next() == body)
        #expect(try reader.next() == nil)
    }

    @Test("a header without a length, or with one over the limit, is an error")
    func badHeaders() {
        var missing = MessageFraming.Reader()
        missing.append(Data("X-Other: 1\r\n\r\n{}".utf8))
        #expect(throws: MessageFraming.Reader.FramingError.self) { try missing.next() }
        var huge = MessageFraming.Reader()
        huge.append(Data("Content-Length: \(MessageFraming.maxBodyBytes + 1)\r\n\r\n".utf8))
        #expect(throws: MessageFraming.Reader.FramingError.self) { try huge.next() }
    }
}
