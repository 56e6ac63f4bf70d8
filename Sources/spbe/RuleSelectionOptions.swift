import ArgumentParser
import Engine
import Foundation

/// `--rules` and `--tags`: run only some of a pack's rules.
struct RuleSelectionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Run only these rules (ids or aliases, comma-separated); with --tags, those too.", valueName: "id,...")
    )
    var rules: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Run only the rules carrying any of these tags (comma-separated).", valueName: "tag,...")
    )
    var tags: String?

    /// The selection the options ask for.
    var selection: RuleSelection {
        RuleSelection(ids: Self.items(rules), tags: Self.items(tags))
    }

    /// `pack` evaluating only the selected rules, or a usage error naming every unknown id or tag.
    func apply(to pack: CompiledPack) throws -> CompiledPack {
        let selection = selection
        if rules != nil, selection.ids.isEmpty { throw ValidationError("--rules needs at least one rule id.") }
        if tags != nil, selection.tags.isEmpty { throw ValidationError("--tags needs at least one tag.") }
        let problems = selection.problems(in: pack)
        guard problems.isEmpty else { throw ValidationError(problems.joined(separator: "\n")) }
        return pack.selecting(selection)
    }

    private static func items(_ list: String?) -> [String] {
        (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
