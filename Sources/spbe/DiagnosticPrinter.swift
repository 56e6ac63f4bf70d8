import CheckRun
import Diagnostics
import Foundation

/// Prints diagnostics to standard error, compiler style, with the source line and a caret.
struct DiagnosticPrinter {
    let colors: Bool

    /// Prints `diagnostics` sorted by position, with excerpts from the texts in `sources` (those kept with them).
    func print(_ diagnostics: [Diagnostic], sources: SourceStore = [:]) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(colors: colors, sources: sources)
        Terminal.printError(renderer.render(Diagnostic.sortedForDisplay(diagnostics)))
    }

    /// Prints the batches of `log` one after the other, each sorted by position.
    func print(_ log: DiagnosticLog) {
        for batch in log.batches { print(batch.diagnostics, sources: batch.sources) }
    }
}
