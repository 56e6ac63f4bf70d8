import Diagnostics
import Foundation
import OutputSafety

/// A report written as a folder of files (`--output html=DIR --split`): into a temporary folder beside `DIR`,
/// renamed to it once complete, so a reader never sees half a report. A `DIR` that exists is replaced only when
/// it holds nothing but an earlier split report's pages (`index.html`, `opd-N.html`): another folder is refused,
/// and so is an input or a folder of inputs. The temporary files go with an interrupted run (`InterruptCleanup`).
final class ReportFolderStream {
    private let shown: String
    private let target: String
    private let temporary: String
    private var failure: String?
    private var written = 0

    /// Prepares the folder `path`; refuses (printing why, exit 2) what it must not replace.
    init(_ path: String, inputs: [String]) throws {
        shown = path
        if let refusal = ProtectedInputs(inputs).refusal(for: path) {
            Terminal.printError("error: \(refusal.message)\n")
            throw ExitStatus.inputError
        }
        target = CanonicalPath.of(path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
            guard isFolder.boolValue, names.allSatisfy(Self.isPageName) else {
                Terminal.printError(
                    "error: refusing to replace '\(path)': it is \(isFolder.boolValue ? "a folder with other files than a split report's pages" : "not a folder")"
                        + " (give a new folder name)\n")
                throw ExitStatus.inputError
            }
        }
        let url = URL(fileURLWithPath: target)
        temporary =
            url.deletingLastPathComponent().appendingPathComponent(
                ".\(url.lastPathComponent).spbe-\(getpid()).tmp"
            ).path
        guard InterruptCleanup.shared.createFolder(temporary) else {
            Terminal.printError("error: cannot write '\(path)': \(OutputTarget.reason(errno))\n")
            throw ExitStatus.inputError
        }
    }

    /// Whether `name` is one of the pages a split report writes.
    private static func isPageName(_ name: String) -> Bool {
        name == "index.html"
            || (name.hasPrefix("opd-") && name.hasSuffix(".html") && Int(name.dropFirst(4).dropLast(5)) != nil)
    }

    /// Writes the page `name` into the folder.
    func file(_ name: String, _ data: Data) {
        guard failure == nil else { return }
        let path = temporary + "/" + name
        guard let descriptor = InterruptCleanup.shared.create(path) else {
            failure = OutputTarget.reason(errno)
            return
        }
        let code = OutputTarget.writeAll(Array(data), to: descriptor)
        let closed = close(descriptor) == 0 ? nil : errno
        if let code = code ?? closed { failure = OutputTarget.reason(code) }
        written += 1
    }

    /// Puts the folder in place (replacing an earlier split report), or removes it when nothing was written or
    /// a page failed (printing why, exit 2).
    func finish() throws {
        guard failure == nil, written > 0 else {
            InterruptCleanup.shared.discardFolder(temporary)
            if let failure {
                Terminal.printError("error: cannot write '\(shown)': \(failure)\n")
                throw ExitStatus.inputError
            }
            return
        }
        // An earlier report is moved aside first: rename(2) does not replace a folder that holds files.
        let aside = temporary + ".old"
        let replacing = FileManager.default.fileExists(atPath: target)
        if replacing && Foundation.rename(target, aside) != 0
            || !InterruptCleanup.shared.renameFolder(temporary, to: target)
        {
            let reason = OutputTarget.reason(errno)
            if replacing { _ = Foundation.rename(aside, target) }
            InterruptCleanup.shared.discardFolder(temporary)
            Terminal.printError("error: cannot write '\(shown)': \(reason)\n")
            throw ExitStatus.inputError
        }
        if replacing { try? FileManager.default.removeItem(atPath: aside) }
    }
}
