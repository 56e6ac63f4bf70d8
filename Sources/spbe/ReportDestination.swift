import CheckRun
import Foundation
import Reporting

/// Where one `--output` report goes as the run streams it: a file (`ReportFileStream`) or, for HTML with
/// `--split`, a folder of pages (`ReportFolderStream`).
enum ReportDestination {
    case file(ReportFileStream, StreamedReportSink.Destination)
    case folder(ReportFolderStream, StreamedReportSink.Destination)

    /// Opens the destination of `output`; refuses (printing why, exit 2) what it must not write.
    init(_ output: ReportOutput, split: Bool, options: ReportOptions, inputs: [String], maxBytes: Int) throws {
        if split && output.format == .html {
            let folder = try ReportFolderStream(output.path, inputs: inputs)
            self = .folder(folder, .init(htmlFolder: HTMLReporter(), file: folder.file))
        } else {
            let file = try ReportFileStream(output.path, inputs: inputs, maxBytes: maxBytes)
            self = .file(file, .init(reporter: output.format.streamingReporter(options: options), write: file.write))
        }
    }

    /// What the run's sink writes to.
    var destination: StreamedReportSink.Destination {
        switch self {
        case .file(_, let destination), .folder(_, let destination): destination
        }
    }

    /// Puts the report in place; throws the exit status after saying why it could not.
    func finish() throws {
        switch self {
        case .file(let file, _): try file.finish()
        case .folder(let folder, _): try folder.finish()
        }
    }
}
