import Foundation
import ZIPFoundation

/// Decides what an uploaded evidence file (data dukung) is from its bytes, never from its name or the browser's
/// word: a PDF, PNG or JPEG by its signature at the first byte, a DOCX, XLSX or ODT by the entries of a zip that
/// is read (never unpacked) within bounds against zip bombs. Everything else is refused: HTML, SVG, scripts,
/// executables, macro-enabled Office files, a file whose extension names another type.
enum EvidenceInspector {
    /// The allowed types.
    enum Kind: String, Sendable, CaseIterable {
        case pdf, png, jpeg, docx, xlsx, odt

        /// The media type it is served with (always as an attachment).
        var mediaType: String {
            switch self {
            case .pdf: "application/pdf"
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .odt: "application/vnd.oasis.opendocument.text"
            }
        }

        /// The file name extension it is saved with.
        var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

        /// The extensions a name of this type may end with.
        var extensions: Set<String> { self == .jpeg ? ["jpg", "jpeg"] : [rawValue] }
    }

    /// Why a file is refused.
    enum Refusal: Error, Equatable, Sendable {
        case empty
        case tooLarge
        /// Not one of the allowed types (by its content).
        case notAllowed
        /// The name's extension is missing or names another type than the content.
        case extensionMismatch(Kind)
        /// A zip beyond the bounds: too many entries or too much inflated, or unreadable.
        case zipBounds
        /// An Office file that carries macros.
        case macros
    }

    /// The largest evidence file, in bytes (10 MiB; lower when the portal's `--max-upload` is).
    static let maxBytes = 10 * 1024 * 1024
    /// Entries a DOCX, XLSX or ODT may hold.
    static let maxEntries = 1_000
    /// Bytes its entries may inflate to, together (as their headers declare them).
    static let maxInflated: UInt64 = 64 * 1024 * 1024
    /// Inflated bytes per stored byte beyond which a zip is taken for a bomb.
    static let maxRatio: UInt64 = 200

    /// The kind of `data`, uploaded under `fileName`, or why it is refused. `maxBytes` bounds its size.
    static func inspect(_ data: Data, fileName: String, maxBytes: Int) -> Result<Kind, Refusal> {
        guard !data.isEmpty else { return .failure(.empty) }
        guard data.count <= maxBytes else { return .failure(.tooLarge) }
        let kind: Kind
        switch sniff(data) {
        case .success(let found): kind = found
        case .failure(let refusal): return .failure(refusal)
        }
        let suffix = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard fileName.contains("."), kind.extensions.contains(suffix) else {
            return .failure(.extensionMismatch(kind))
        }
        return .success(kind)
    }

    /// The kind of `data` by its signature and, for a zip, its entries.
    static func sniff(_ data: Data) -> Result<Kind, Refusal> {
        if data.starts(with: Array("%PDF-".utf8)) { return .success(.pdf) }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .success(.png) }
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return .success(.jpeg) }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return office(data) }
        return .failure(.notAllowed)
    }

    /// A DOCX, XLSX or ODT by its entries, within the bounds; its declared sizes are summed, never inflated,
    /// except the few bytes of an ODT's `mimetype`.
    private static func office(_ data: Data) -> Result<Kind, Refusal> {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            return .failure(.zipBounds)
        }
        var names: Set<String> = []
        var inflated: UInt64 = 0
        var stored: UInt64 = 0
        var count = 0
        for entry in archive {
            count += 1
            inflated += entry.uncompressedSize
            stored += entry.compressedSize
            guard count <= maxEntries, inflated <= maxInflated else { return .failure(.zipBounds) }
            names.insert(entry.path)
        }
        guard inflated <= max(stored, 1) * maxRatio else { return .failure(.zipBounds) }
        if names.contains(where: { $0.lowercased().hasSuffix("vbaproject.bin") }) { return .failure(.macros) }
        if names.contains("[Content_Types].xml") {
            if names.contains("word/document.xml") { return .success(.docx) }
            if names.contains("xl/workbook.xml") { return .success(.xlsx) }
            return .failure(.notAllowed)
        }
        if let entry = archive["mimetype"], entry.uncompressedSize < 100 {
            var bytes = Data()
            _ = try? archive.extract(entry, skipCRC32: false) { chunk in
                bytes.append(chunk)
                if bytes.count > 100 { throw Refusal.zipBounds }  // a header that lied about the size
            }
            if bytes == Data("application/vnd.oasis.opendocument.text".utf8) { return .success(.odt) }
        }
        return .failure(.notAllowed)
    }

    /// The name a user gave, fit for display only: its last path component, without control or bidirectional
    /// formatting characters, at most 120 characters; `fallback` when nothing is left.
    static func displayName(_ fileName: String, fallback: String) -> String {
        let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { scalar in
            !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0x200E || scalar.value == 0x200F)
        }
        let name = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        let bounded = String(name.prefix(120))
        return bounded.isEmpty || bounded == "." || bounded == ".." ? fallback : bounded
    }
}
