import DataModel
import Diagnostics
import Packs

extension PackLinter {
    /// A name of the pack's own files without an English text, when those files give English texts elsewhere
    /// (a title, a message, another name): a `--lang en` report would show it in Indonesian among English words.
    func missingEnglishNames(into bag: inout DiagnosticBag) {
        let ownFiles = Set(pack.pack.provenance.ownFiles)
        func own(_ location: SourceLocation?) -> Bool { location.map { ownFiles.contains($0.file) } ?? true }
        var names: [(what: String, text: LocalizedText, location: SourceLocation?)] = []
        let framework = pack.framework
        for scale in framework.scales where own(scale.location) {
            names += scale.levels.map {
                ("level \($0.level) of scale '\(scale.id)'", $0.names, $0.location ?? scale.location)
            }
        }
        for domain in framework.domains {
            if own(domain.location) { names.append(("domain \(domain.id)", domain.names, domain.location)) }
            for aspect in domain.aspects where own(aspect.location) {
                names.append(("aspect \(aspect.id)", aspect.names, aspect.location))
            }
        }
        if own(framework.location) {
            names += framework.predicates.map {
                ("predicate '\($0.name)'", $0.names, $0.location ?? framework.location)
            }
        }
        for indicator in pack.indicators where own(indicator.spec.location) {
            names.append(("indicator \(indicator.spec.id)", indicator.spec.names, indicator.spec.location))
        }
        let metadata = pack.pack.metadata
        let ownRules = pack.rules.map(\.spec).filter { own($0.location) }
        let givesEnglish =
            names.contains { $0.text.translations["en"] != nil } || metadata.title.translations["en"] != nil
            || metadata.description?.translations["en"] != nil
            || ownRules.contains {
                $0.title.translations["en"] != nil || $0.recommendation?.translations["en"] != nil
                    || $0.message?.translations["en"] != nil
            }
        guard givesEnglish else { return }
        for name in names where name.text.translations["en"] == nil {
            bag.warning(
                "lint.missing_english", "the name of \(name.what) has no English text, though the pack gives others",
                at: name.location, suggestion: "write it as 'name: {id: …, en: …}'"
            )
        }
    }
}
