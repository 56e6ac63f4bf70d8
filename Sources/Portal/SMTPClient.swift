import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the portal sends its e-mail: an SMTP server (a local relay, usually, which handles TLS onwards).
public struct SMTPSettings: Sendable, Equatable {
    /// The server's host name or address.
    public var host: String
    /// Its port (25, or 587 for a submission relay).
    public var port: Int
    /// The sender's address.
    public var from: String
    /// How long one connection, read or write may take, in seconds.
    public var timeoutSeconds: Int = 10

    /// Settings for a server.
    public init(host: String, port: Int, from: String) {
        self.host = host
        self.port = port
        self.from = from
    }
}

/// Something that delivers a message (the SMTP client; tests record instead).
protocol MailTransport: Sendable {
    /// Delivers one message; throws when the server refuses it or cannot be reached.
    func send(_ message: MailMessage) throws
}

/// A small SMTP client (RFC 5321) over a blocking socket with timeouts: EHLO (HELO when refused), MAIL FROM, RCPT
/// TO, DATA with dot-stuffing, QUIT. Plain text only: no STARTTLS (no TLS library is a direct dependency), so it
/// speaks to a relay on the same host or network, which the administrator configures for onward TLS.
struct SMTPClient: MailTransport {
    /// Why a delivery failed.
    struct Failure: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    let settings: SMTPSettings

    func send(_ message: MailMessage) throws {
        guard MailMessage.isAddress(message.from), MailMessage.isAddress(message.to) else {
            throw Failure(description: "not a plain e-mail address")
        }
        let connection = try Connection(host: settings.host, port: settings.port, timeout: settings.timeoutSeconds)
        defer { connection.close() }
        try expect(connection, 220)
        try connection.write("EHLO spbe-portal\r\n")
        if (try? expect(connection, 250)) == nil {
            try connection.write("HELO spbe-portal\r\n")
            try expect(connection, 250)
        }
        try connection.write("MAIL FROM:<\(message.from)>\r\n")
        try expect(connection, 250)
        try connection.write("RCPT TO:<\(message.to)>\r\n")
        try expect(connection, 250, 251)
        try connection.write("DATA\r\n")
        try expect(connection, 354)
        let date = Self.date(Date())
        let id = "\(Int(Date().timeIntervalSince1970)).\(UInt32.random(in: 0...UInt32.max))"
        try connection.write(MailMessage.dotStuffed(message.rendered(date: date, id: id)))
        try expect(connection, 250)
        try? connection.write("QUIT\r\n")
    }

    /// Reads one reply (its continuation lines `250-…` too) and checks its code.
    private func expect(_ connection: Connection, _ codes: Int...) throws {
        while true {
            let line = try connection.readLine()
            guard line.count >= 3, let code = Int(line.prefix(3)) else {
                throw Failure(description: "unreadable reply")
            }
            if line.count > 3, line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
            guard codes.contains(code) else { throw Failure(description: "server replied \(line.prefix(200))") }
            return
        }
    }

    /// An RFC 5322 date in UTC.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// A connected TCP socket whose reads and writes give up after the timeout.
    private final class Connection {
        private let fd: Int32
        private var buffer: [UInt8] = []

        init(host: String, port: Int, timeout: Int) throws {
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            #if canImport(Glibc)
                hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            #else
                hints.ai_socktype = SOCK_STREAM
            #endif
            var list: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
                throw Failure(description: "cannot resolve \(host)")
            }
            defer { freeaddrinfo(list) }
            var candidate: UnsafeMutablePointer<addrinfo>? = first
            var connected: Int32 = -1
            while let info = candidate, connected < 0 {
                let fd = openSocket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
                if fd >= 0 {
                    var limit = timeval(tv_sec: timeout, tv_usec: 0)
                    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                    if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                        connected = fd
                    } else {
                        closeSocket(fd)
                    }
                }
                candidate = info.pointee.ai_next
            }
            guard connected >= 0 else { throw Failure(description: "cannot connect to \(host):\(port)") }
            fd = connected
        }

        func write(_ text: String) throws {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes { sendBytes(fd, $0) }
                guard count > 0 else { throw Failure(description: "write failed or timed out") }
                sent += count
            }
        }

        /// One reply line without its CRLF; a line longer than 4096 bytes is refused.
        func readLine() throws -> String {
            while true {
                if let end = buffer.firstIndex(of: 10) {
                    let line = buffer[..<end]
                    buffer.removeSubrange(...end)
                    return String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
                }
                guard buffer.count < 4096 else { throw Failure(description: "reply line too long") }
                var chunk = [UInt8](repeating: 0, count: 1024)
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { throw Failure(description: "connection closed or timed out") }
                buffer += chunk[..<count]
            }
        }

        func close() { closeSocket(fd) }
    }
}

/// A new socket (a free function: inside the client, `socket` and `send` name other things).
private func openSocket(_ family: Int32, _ type: Int32, _ proto: Int32) -> Int32 { socket(family, type, proto) }

private func closeSocket(_ fd: Int32) { _ = close(fd) }

/// Sends bytes without raising SIGPIPE when the server has gone.
private func sendBytes(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    #if os(Linux)
        send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
    #else
        send(fd, bytes.baseAddress, bytes.count, 0)
    #endif
}
