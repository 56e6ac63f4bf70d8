import Engine
import Foundation
import PortalStore

/// What a pemda sends to the national evaluation application for a period, arranged as that application asks:
/// domain, aspect, indicator; per indicator the chosen level, the penjelasan and the data dukung, each item under a
/// canonical file name (`I05-L3-01_perbup-arsitektur.pdf`). Built from the current claims and the latest version of
/// each evidence item they cite.
struct SubmissionPack: Sendable {
    /// One evidence item as it is sent.
    struct Item: Sendable, Equatable {
        /// The display code (`I05-L3-01`).
        let code: String
        /// The version sent (the latest).
        let version: Int
        /// The uploader's title.
        let title: String
        /// The canonical file name in the pack.
        let fileName: String
        /// The blob with its bytes.
        let contentHash: String
        /// Its internal review status.
        let status: ReviewStatus
    }

    /// One indicator as it is sent.
    struct Entry: Sendable {
        /// The indicator's id (`I10`).
        let id: String
        /// Its official number, when it has one.
        let number: Int?
        /// Its official name.
        let name: String
        /// The lead OPD's name, when it has one.
        let opdName: String?
        /// The current claim, nil while none is made.
        let claim: Claim?
        /// The data dukung the claim cites, in its order.
        let items: [Item]

        /// The penjelasan as one text, the fact then its analysis, as the application's one field takes it.
        var penjelasan: String {
            guard let claim else { return "" }
            return "\(claim.fact)\n\n\(claim.analysis)"
        }
    }

    /// An aspect with its indicators.
    struct AspectGroup: Sendable {
        let id: String
        let name: String
        let entries: [Entry]
    }

    /// A domain with its aspects.
    struct DomainGroup: Sendable {
        let id: String
        let name: String
        let aspects: [AspectGroup]
    }

    /// The period.
    let period: Period
    /// The domains, in the framework's order.
    let domains: [DomainGroup]

    /// Every indicator entry, in order.
    var entries: [Entry] { domains.flatMap { $0.aspects.flatMap(\.entries) } }

    /// Every evidence item, in order, each once.
    var items: [Item] {
        var seen: Set<String> = []
        return entries.flatMap(\.items).filter { seen.insert($0.fileName).inserted }
    }

    /// The pack of `period` from the services' store and the period's compiled pack.
    static func build(_ services: PortalServices, period: Period) throws -> SubmissionPack {
        let compiled = try services.engine.pack(period.pack)
        let store = services.store
        let opds = try store.opds()
        let names = Dictionary(uniqueKeysWithValues: opds.map { ($0.id, $0.name) })
        let leads = Dictionary(
            uniqueKeysWithValues: try store.responsibilities(periodID: period.id).map { ($0.indicator, $0.leadOPDID) })
        let claims = Dictionary(uniqueKeysWithValues: try store.claims(periodID: period.id).map { ($0.indicator, $0) })
        let book = ReviewBook(verdicts: try store.verdicts(periodID: period.id))
        var evidence: [Int64: [String: [Evidence]]] = [:]
        for opdID in Set(claims.values.map(\.opdID)) {
            evidence[opdID] = Dictionary(grouping: try store.evidence(periodID: period.id, opdID: opdID), by: \.code)
        }
        let byAspect = Dictionary(grouping: compiled.indicators) { compiled.aspects[$0.aspectIndex].id }
        let domains = compiled.framework.domains.map { domain in
            DomainGroup(
                id: domain.id, name: domain.name,
                aspects: domain.aspects.map { aspect in
                    AspectGroup(
                        id: aspect.id, name: aspect.name,
                        entries: (byAspect[aspect.id] ?? []).map { indicator in
                            let claim = claims[indicator.spec.id]
                            let versions = claim.map { evidence[$0.opdID] ?? [:] } ?? [:]
                            let items: [Item] = (claim?.evidenceCodes ?? []).compactMap { code in
                                guard let all = versions[code], let latest = all.max(by: { $0.version < $1.version })
                                else { return nil }
                                return Item(
                                    code: code, version: latest.version, title: latest.title,
                                    fileName: canonicalName(latest), contentHash: latest.contentHash,
                                    status: book.status(of: all))
                            }
                            let lead = claim?.opdID ?? leads[indicator.spec.id] ?? nil
                            return Entry(
                                id: indicator.spec.id, number: indicator.spec.number, name: indicator.spec.name,
                                opdName: lead.flatMap { names[$0] }, claim: claim, items: items)
                        })
                })
        }
        return SubmissionPack(period: period, domains: domains)
    }

    /// The canonical file name of an evidence version: its code, `_`, the uploaded name's stem reduced to ASCII
    /// letters, digits, `-` and `_` (at most 60 characters), and the extension of its detected type.
    static func canonicalName(_ evidence: Evidence) -> String {
        let stem =
            evidence.fileName.split(separator: ".").count > 1
            ? evidence.fileName.split(separator: ".").dropLast().joined(separator: ".") : evidence.fileName
        var cleaned = ""
        for scalar in stem.unicodeScalars {
            let keep = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
            let next: Character = keep ? Character(scalar) : "_"
            if next == "_", cleaned.hasSuffix("_") { continue }
            cleaned.append(next)
        }
        let trimmed = String(cleaned.trimmingCharacters(in: CharacterSet(charactersIn: "_-")).prefix(60))
        let ext = EvidenceInspector.Kind(rawValue: evidence.kind)?.fileExtension ?? "bin"
        return "\(evidence.code)_\(trimmed.isEmpty ? "berkas" : trimmed).\(ext)"
    }
}
