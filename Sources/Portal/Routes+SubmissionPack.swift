import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PortalStore

extension Routes {
    /// The submission pack of a period, for Diskominfo (admin) to send and the Tim Asesor Internal to read: the
    /// page (the document, a copy button per penjelasan), the document alone for print, and the ZIP with the
    /// evidence under canonical names.
    func addSubmissionPackRoutes() {
        get("/periods/:period/submission-pack", .signedIn) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            guard Self.mayReadPack(call) else { return call.forbidden() }
            let pack = try SubmissionPack.build(call.services, period: period)
            let words = call.words
            let body: HTML = """
                <p class="no-print"><a href="/periods/\(period.id)/submission-pack.zip">\(words.packDownloadZIP)</a> · \
                <a href="/periods/\(period.id)/submission-pack.html">\(words.packPrintable)</a></p>
                <p class="notice no-print">\(words.packHelp)</p>
                \(SubmissionPackDocument.body(pack, words: words, copyButtons: true))
                """
            return call.html("\(words.submissionPack) · \(period.name)", body)
        }
        get("/periods/:period/submission-pack.html", .signedIn) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            guard Self.mayReadPack(call) else { return call.forbidden() }
            let pack = try SubmissionPack.build(call.services, period: period)
            return call.html(
                "\(call.words.submissionPack) · \(period.name)",
                SubmissionPackDocument.body(pack, words: call.words, copyButtons: false))
        }
        get("/periods/:period/submission-pack.zip", .signedIn) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            guard Self.mayReadPack(call) else { return call.forbidden() }
            let pack = try SubmissionPack.build(call.services, period: period)
            let path = try SubmissionPackArchive.write(
                pack, words: call.words, blobs: call.services.blobs, folder: call.services.tmpFolder)
            try call.audit("pack.export", "\(period.name): \(pack.items.count) data dukung")
            return try Self.streamFile(path, name: "paket-pengiriman-\(period.id).zip", type: "application/zip")
        }
    }

    /// The dashboard's links to the period's submission pack (admins and assessors) and interview schedule.
    func afterSubmissionLinks(_ call: Call, period: Period) -> HTML {
        let words = call.words
        let pack: HTML =
            Self.mayReadPack(call)
            ? "<a href=\"/periods/\(period.id)/submission-pack\">\(words.submissionPack)</a> · " : ""
        return "<p class=\"no-print\">\(pack)<a href=\"/periods/\(period.id)/interviews\">\(words.interviews)</a></p>"
    }

    /// Whether the caller may read a submission pack: admins and the Tim Asesor Internal.
    static func mayReadPack(_ call: Call) -> Bool { [.admin, .assessor].contains(call.account.role) }

    /// A file sent in 64 KiB chunks as an attachment, removed once sent (or when the client goes).
    static func streamFile(_ path: String, name: String, type: String) throws -> Response {
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        let body = ResponseBody(contentLength: size) { writer in
            defer { try? FileManager.default.removeItem(atPath: path) }
            guard let handle = FileHandle(forReadingAtPath: path) else { return }
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: body)
    }
}
