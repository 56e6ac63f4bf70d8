import Diagnostics
import Foundation

/// Prints diagnostics to standard error, compiler style, with the source line and a caret.
struct DiagnosticPrinter {
    let colors: Bool
    private var sources: [String: String] = [:]

    init(colors: Bool) { self.colors = colors }

    /// Remembers file texts so excerpts can be shown without reading files again.
    mutating func remember(_ texts: [String: String]) {
        sources.merge(texts) { first, _ in first }
    }

    /// Prints `diagnostics` sorted by position.
    func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let known = sources
        let renderer = DiagnosticRenderer(colors: colors) { known[$0] }
        Terminal.printError(renderer.render(Diagnostic.sortedForDisplay(diagnostics)))
    }
}
