import Foundation
import PortalStore
import ZIPFoundation

/// The submission pack as a ZIP: `dokumen-pengiriman.html` (the printable document) and `data-dukung/` with each
/// evidence item under its canonical name. Written to a file in the portal's tmp folder, each blob copied from its
/// file in chunks (never the whole pack in memory), then sent in chunks and removed.
enum SubmissionPackArchive {
    /// The document's entry name.
    static let documentName = "dokumen-pengiriman.html"
    /// The evidence folder's entry prefix.
    static let evidenceFolder = "data-dukung/"

    /// Writes the ZIP of `pack` to a new file under `folder` and returns its path; a blob missing from the store
    /// is left out (the document still lists it).
    static func write(_ pack: SubmissionPack, words: Words, blobs: BlobStore, folder: String) throws -> String {
        let path = "\(folder)/pack-\(UUID().uuidString).zip"
        do {
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
            let document = Data(SubmissionPackDocument.standalone(pack, words: words).utf8)
            try archive.addEntry(
                with: documentName, type: .file, uncompressedSize: Int64(document.count),
                compressionMethod: .deflate
            ) { position, size in
                document.subdata(in: Int(position)..<Int(position) + size)
            }
            for item in pack.items where BlobStore.isHash(item.contentHash) {
                let file = URL(fileURLWithPath: blobs.path(of: item.contentHash))
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                try archive.addEntry(
                    with: evidenceFolder + item.fileName, fileURL: file, compressionMethod: .deflate)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return path
    }
}
