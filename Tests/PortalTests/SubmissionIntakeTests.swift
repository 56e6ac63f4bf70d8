import Foundation
import PortalStore
import Testing

@testable import Portal

/// What an accepted upload leaves in the store.
@Suite("Submission intake", .serialized)
struct SubmissionIntakeTests {
    @Test("stored reports name the upload by its file name, never the server's folders; sent again, it is stored once")
    func reportsNameTheUpload() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let services = world.services
        // The first is compared with the OPD's YAML submission and the second with the first; from then on each
        // is compared with one just like it, so its reports are the same bytes.
        var submissions: [Submission] = []
        for _ in 0..<3 {
            submissions.append(
                try await PortalWorld.submit(
                    services, file: "examples/xlsx/dpmptsp-sleman.xlsx", period: world.period, opd: world.opdA,
                    account: world.accounts[.operatorA]!))
        }
        for submission in submissions {
            for hash in [
                submission.reportJSONHash, submission.reportHTMLHash, submission.reportSARIFHash,
                submission.evidenceHTMLHash,
            ] {
                let text = String(decoding: try #require(services.blobs.data(hash)), as: UTF8.self)
                #expect(text.contains("dpmptsp-sleman.xlsx"))
                #expect(!text.contains(world.folder))
                #expect(!text.contains("/tmp/"))
            }
        }
        let (second, third) = (submissions[1], submissions[2])
        #expect(second.id != third.id)
        #expect(second.reportJSONHash == third.reportJSONHash)
        #expect(second.reportHTMLHash == third.reportHTMLHash)
        #expect(second.reportSARIFHash == third.reportSARIFHash)
        #expect(second.evidenceHTMLHash == third.evidenceHTMLHash)
    }
}
