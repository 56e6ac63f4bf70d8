import Foundation
import Testing

@testable import Portal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-connection SMTP server on a loopback port, in a thread: it answers each command as `replies` says and
/// keeps what the client sent. `silent` makes it accept and never answer.
private final class FakeSMTPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var received = ""
    private let done = DispatchSemaphore(value: 0)

    init(silent: Bool = false, refuseRecipient: Bool = false) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                guard bind(listener, $0, length) == 0, listen(listener, 1) == 0,
                    getsockname(listener, $0, &length) == 0
                else { throw CocoaError(.fileReadUnknown) }
            }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = listener
        Thread.detachNewThread { [self] in
            let client = accept(listener, nil, nil)
            defer {
                close(client)
                done.signal()
            }
            if silent {
                Thread.sleep(forTimeInterval: 3)
                return
            }
            var inData = false
            var pending = ""
            func reply(_ text: String) { _ = text.withCString { send(client, $0, strlen($0), 0) } }
            reply("220 fake ESMTP\r\n")
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(client, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                let text = String(decoding: buffer[..<count], as: UTF8.self)
                lock.withLock { received += text }
                pending += text
                while let range = pending.range(of: inData ? "\r\n.\r\n" : "\r\n") {
                    let line = String(pending[..<range.lowerBound])
                    pending = String(pending[range.upperBound...])
                    if inData {
                        inData = false
                        reply("250 queued\r\n")
                    } else if line.hasPrefix("EHLO") {
                        reply("250-fake\r\n250-SIZE 1000000\r\n250 8BITMIME\r\n")
                    } else if line.hasPrefix("RCPT") && refuseRecipient {
                        reply("550 no such user\r\n")
                    } else if line == "DATA" {
                        inData = true
                        reply("354 go ahead\r\n")
                    } else if line == "QUIT" {
                        reply("221 bye\r\n")
                        return
                    } else {
                        reply("250 ok\r\n")
                    }
                }
            }
        }
    }

    /// What the client sent, once it has hung up.
    var transcript: String {
        done.wait()
        close(listener)
        return lock.withLock { received }
    }
}

@Suite("E-mail")
struct MailTests {
    @Test("a header value cannot add a header, and an address with a line break or brackets is refused")
    func headerInjection() {
        let message = MailMessage(
            from: "spbe@pemda.go.id", to: "a@pemda.go.id", subject: "Revisi\r\nBcc: evil@example.com", body: "x")
        let rendered = message.rendered(date: "Mon, 07 Dec 2026 08:00:00 +0000", id: "1")
        #expect(!rendered.contains("\r\nBcc:") && !rendered.contains("\nBcc:"))
        #expect(rendered.contains("Subject: Revisi  Bcc: evil@example.com\r\n"))
        for address in ["a@b.id\r\nBcc: c@d.id", "<a@b.id>", "a b@c.id", "a@b", "@b.id", "a@b.id,c@d.id", "a@.id"] {
            #expect(!MailMessage.isAddress(address), "\(address)")
        }
        #expect(MailMessage.isAddress("operator.dinkes@pemda.go.id"))
    }

    @Test(
        "a subject with non-ASCII text is sent as RFC 2047 encoded words that decode back, each at most 75 characters")
    func encodedSubject() throws {
        let subject = "[SPBE] Permintaan revisi I45-L3-01 · Evaluasi SPBE 2026 — tangkapan layar “rujukan” daring ✓"
        let encoded = MailMessage.encodedWord(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(
            words.count > 1 && words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        let decoded = try words.map { word -> String in
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: try #require(Data(base64Encoded: String(base64))), as: UTF8.self)
        }.joined()
        #expect(decoded == subject)
        #expect(MailMessage.encodedWord("Revisi I45") == "Revisi I45")
    }

    @Test("the body is quoted-printable in CRLF lines of at most 76 characters, and a leading dot is doubled in DATA")
    func bodyAndDots() {
        let body = ".tersembunyi\n\(String(repeating: "é", count: 60))\nakhir = selesai \n.\n"
        let rendered = MailMessage(from: "s@p.id", to: "a@p.id", subject: "s", body: body).rendered(date: "d", id: "1")
        let payload = MailMessage.dotStuffed(rendered)
        let lines = payload.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.contains("..tersembunyi") && lines.contains(".."))
        #expect(lines.contains("akhir =3D selesai=20"))
        #expect(payload.hasSuffix("\r\n.\r\n"))
        #expect(!payload.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("the client speaks EHLO, MAIL, RCPT and DATA to a server and ends the message with a lone dot")
    func dialogue() throws {
        let server = try FakeSMTPServer()
        let client = SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: server.port, from: "spbe@pemda.go.id"))
        try client.send(
            MailMessage(from: "spbe@pemda.go.id", to: "a@pemda.go.id", subject: "Revisi", body: ".titik\nbaris dua"))
        let transcript = server.transcript
        #expect(
            transcript.hasPrefix(
                "EHLO spbe-portal\r\nMAIL FROM:<spbe@pemda.go.id>\r\nRCPT TO:<a@pemda.go.id>\r\nDATA\r\n"))
        #expect(transcript.contains("\r\n..titik\r\nbaris dua\r\n.\r\nQUIT\r\n"))
        #expect(transcript.contains("To: a@pemda.go.id\r\n"))
    }

    @Test("a refused recipient and a server that never answers are errors, not hangs")
    func failures() throws {
        let refusing = try FakeSMTPServer(refuseRecipient: true)
        let message = MailMessage(from: "spbe@pemda.go.id", to: "a@pemda.go.id", subject: "s", body: "b")
        #expect(throws: SMTPClient.Failure.self) {
            try SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: refusing.port, from: "spbe@pemda.go.id"))
                .send(message)
        }
        _ = refusing.transcript
        let silent = try FakeSMTPServer(silent: true)
        var settings = SMTPSettings(host: "127.0.0.1", port: silent.port, from: "spbe@pemda.go.id")
        settings.timeoutSeconds = 1
        let started = Date()
        #expect(throws: SMTPClient.Failure.self) { try SMTPClient(settings: settings).send(message) }
        #expect(Date().timeIntervalSince(started) < 2.5)
    }
}
