import Foundation

/// One plain-text e-mail as the portal sends it: one recipient, a subject and a body written from one OPD's data.
/// Rendering never lets a value break out of its header: addresses must be plain, and every header value has its
/// line breaks and control characters removed before it is written.
struct MailMessage: Sendable, Equatable {
    /// The sender's address (`--smtp-from`).
    let from: String
    /// The recipient's address.
    let to: String
    /// One line; non-ASCII text is sent as an RFC 2047 encoded word.
    let subject: String
    /// Plain text (UTF-8), sent quoted-printable.
    let body: String

    /// Whether `address` is a plain mailbox the portal accepts: `local@domain`, printable ASCII without spaces,
    /// angle brackets, quotes, commas or semicolons, at most 254 characters.
    static func isAddress(_ address: String) -> Bool {
        guard (3...254).contains(address.utf8.count) else { return false }
        let forbidden = Set("<>\"(),;:\\[] ".unicodeScalars)
        guard address.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && !forbidden.contains($0) })
        else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".")
    }

    /// The message as SMTP's DATA sends it, before dot-stuffing: headers and body, lines ended by CRLF.
    /// `date` is an RFC 5322 date, `id` a unique local part for the Message-ID.
    func rendered(date: String, id: String) -> String {
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        let headers = [
            "From: \(Self.headerValue(from))", "To: \(Self.headerValue(to))",
            "Subject: \(Self.encodedWord(Self.headerValue(subject)))", "Date: \(date)",
            "Message-ID: <\(Self.headerValue(id))@\(Self.headerValue(domain))>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable",
            "Auto-Submitted: auto-generated",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + Self.quotedPrintable(body)
    }

    /// A header value with every control character (CR and LF above all) turned into a space, so user text cannot
    /// add a header.
    static func headerValue(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? " " : $0 }))
    }

    /// `text` as is when it is printable ASCII, else as RFC 2047 encoded words (`=?UTF-8?B?…?=`), each at most 75
    /// characters and never splitting a character, folded onto continuation lines.
    static func encodedWord(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value > 126 }) else { return text }
        var words: [String] = []
        var chunk = Data()
        // 45 bytes of UTF-8 become 60 characters of base64: 12 + 60 = 72 per word.
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// `text` in quoted-printable (RFC 2045): lines ended by CRLF, at most 76 characters with soft breaks, `=`, bytes
    /// outside printable ASCII and a space or tab ending a line encoded.
    static func quotedPrintable(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        return lines.map { encodeLine(Array($0.utf8)) }.joined(separator: "\r\n") + "\r\n"
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var out = ""
        var width = 0
        for (index, byte) in bytes.enumerated() {
            let last = index == bytes.count - 1
            let plain = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
            let piece = plain ? String(UnicodeScalar(byte)) : "=" + hex(byte)
            if width + piece.count > 75 {
                out += "=\r\n"
                width = 0
            }
            out += piece
            width += piece.count
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    /// The DATA payload of `rendered`: a line starting with `.` gets another (RFC 5321 §4.5.2), then the ending
    /// line `.`.
    static func dotStuffed(_ rendered: String) -> String {
        let lines = rendered.components(separatedBy: "\r\n")
        let body = lines.dropLast(rendered.hasSuffix("\r\n") ? 1 : 0).map { $0.hasPrefix(".") ? "." + $0 : $0 }
        return body.joined(separator: "\r\n") + "\r\n.\r\n"
    }
}
