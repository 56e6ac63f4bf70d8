import Foundation

/// An evidence file uploaded for an indicator and the level it supports (in the portal, or listed in the file the
/// portal exports for an OPD), shown in the evidence checklist beside what the pack asks for.
public struct UploadedEvidence: Sendable, Equatable, Codable {
    /// The indicator's id (`I05`).
    public let indicator: String
    /// The level the file supports (1–5).
    public let level: Int
    /// The item's stable display code (`I05-L3-01`).
    public let code: String
    /// The file's name as uploaded.
    public let file: String
    /// The item's review status in words (`diterima`), when known.
    public let status: String?
    /// Where the item can be read (a portal page's path), when known; shown as a link in HTML only.
    public let link: String?

    /// Creates an uploaded item.
    public init(indicator: String, level: Int, code: String, file: String, status: String? = nil, link: String? = nil) {
        self.indicator = indicator
        self.level = level
        self.code = code
        self.file = file
        self.status = status
        self.link = link
    }

    /// Why an uploaded-evidence list could not be read.
    public struct ListError: Error, Sendable, CustomStringConvertible {
        /// What is wrong, in words.
        public let description: String
    }

    /// The items of an uploaded-evidence list: a JSON array of objects with `indicator`, `level` (1–5), `code`,
    /// `file` and optionally `status` and `link`, as the portal exports it.
    public static func list(json data: Data) throws(ListError) -> [UploadedEvidence] {
        let items: [UploadedEvidence]
        do {
            items = try JSONDecoder().decode([UploadedEvidence].self, from: data)
        } catch {
            throw ListError(
                description:
                    "not a JSON array of {indicator, level, code, file} objects (\(Self.reason(error)))")
        }
        if let bad = items.firstIndex(where: { !(1...5).contains($0.level) || $0.code.isEmpty }) {
            throw ListError(description: "item \(bad + 1): the level must be 1 to 5 and the code not empty")
        }
        return items
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "item \((context.codingPath.first?.intValue ?? 0) + 1) has no '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        default: "malformed JSON"
        }
    }
}
