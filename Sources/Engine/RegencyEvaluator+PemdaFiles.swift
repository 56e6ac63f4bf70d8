import DataModel

/// The pemdas whose inventories a run was given as loose files (outside a pemda folder): two or more inventories
/// naming the same pemda are evaluated as a whole, as a pemda folder is.
extension RegencyEvaluator {
    /// The files of each pemda whose inventories `reported` (each file with its inventory's pemda and OPD id, in
    /// input order) gives as loose files: not in one of `pemdaFolders`, naming a pemda (`PemdaIdentity.isNamed`)
    /// other than those of `evaluated` (evaluated from their folders), and of at least two OPDs. An OPD given twice
    /// (a YAML file and its workbook twin, say) counts once, by its first file. The pemdas come in the order they
    /// first appear; a single OPD is never a pemda of its own.
    public static func loosePemdaFiles(
        _ reported: [(file: String, pemda: PemdaIdentity, opd: String)], pemdaFolders: Set<String>,
        evaluated: Set<PemdaIdentity>
    ) -> [(pemda: PemdaIdentity, files: [String])] {
        var groups: [(pemda: PemdaIdentity, files: [String])] = []
        var positions: [PemdaIdentity: Int] = [:]
        var seen: Set<[String]> = []
        for (file, pemda, opd) in reported
        where pemda.isNamed && !evaluated.contains(pemda) && !pemdaFolders.contains(folder(of: file)) {
            guard opd.isEmpty || seen.insert([pemda.key, opd]).inserted else { continue }
            if let position = positions[pemda] {
                groups[position].files.append(file)
            } else {
                positions[pemda] = groups.count
                groups.append((pemda, [file]))
            }
        }
        return groups.filter { $0.files.count > 1 }
    }

    /// The evaluation of `inventories`, loose files of one `pemda`, as a whole: its folder is the one the files
    /// share (`.` when they share none), its name the pemda's as written.
    public func evaluate(loose inventories: [InventoryData], of pemda: PemdaIdentity) throws(CostExceeded)
        -> RegencyEvaluation?
    {
        try evaluate(
            inventories, evaluations: inventories.map { _ in nil },
            folder: Self.sharedFolder(inventories.map(\.source)),
            name: pemda.name)
    }

    /// The deepest folder holding every one of `paths`; `.` when there is none.
    static func sharedFolder(_ paths: [String]) -> String {
        let folders = paths.map { folder(of: $0).split(separator: "/", omittingEmptySubsequences: false) }
        guard var common = folders.first else { return "." }
        for other in folders.dropFirst() { common = Array(zip(common, other).prefix { $0 == $1 }.map(\.0)) }
        let joined = common.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
