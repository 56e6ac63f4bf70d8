import Foundation
import PortalStore

/// The pemda's joint evaluation per period, kept until its set of current submissions changes: the dashboard
/// reads it many times between uploads.
final class DashboardCache: @unchecked Sendable {
    private let lock = NSLock()
    private var views: [Int64: (key: [Int64], view: CheckAdapter.PemdaView?)] = [:]

    func view(periodID: Int64, submissions: [Int64], make: () throws -> CheckAdapter.PemdaView?) rethrows
        -> CheckAdapter.PemdaView?
    {
        if let cached = lock.withLock({ views[periodID] }), cached.key == submissions { return cached.view }
        let view = try make()
        lock.withLock { views[periodID] = (submissions, view) }
        return view
    }
}

extension PortalServices {
    /// The pemda's evaluation from the period's current submissions: they are staged together in one folder (the
    /// regency logic groups a pemda by folder), each under its OPD's code.
    func pemdaView(period: Period, current: [Submission], opds: [OPD]) throws -> CheckAdapter.PemdaView? {
        try dashboards.view(periodID: period.id, submissions: current.map(\.id)) {
            () throws -> CheckAdapter.PemdaView? in
            let root = "\(tmpFolder)/\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: root) }
            let folder = "\(root)/pemda"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var paths: [String] = []
            for submission in current {
                guard let kind = UploadStaging.kind(of: submission.fileName),
                    let data = blobs.data(submission.contentHash)
                else { continue }
                let code = opds.first { $0.id == submission.opdID }?.code ?? "opd-\(submission.id)"
                let name = UploadStaging.safeName("\(code).\(kind.rawValue)", kind: kind)
                if kind == .zip {
                    let unpacked = "\(root)/zip-\(submission.id)"
                    try UploadStaging.unzip(data, into: unpacked, limits: .default)
                    let inventory =
                        FileManager.default.fileExists(atPath: "\(unpacked)/opd.yaml")
                        ? unpacked
                        : ((try? FileManager.default.contentsOfDirectory(atPath: unpacked))?.first.map {
                            "\(unpacked)/\($0)"
                        } ?? unpacked)
                    let target = "\(folder)/\((name as NSString).deletingPathExtension)"
                    try FileManager.default.moveItem(atPath: inventory, toPath: target)
                    paths.append(target)
                } else {
                    try data.write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
                    paths.append("\(folder)/\(name)")
                }
            }
            return try engine.pemda(paths: paths, packPath: period.pack, asOf: period.evaluationDate)
        }
    }
}
