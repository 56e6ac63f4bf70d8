import DataModel
import Diagnostics

/// A finding message with `{field}` placeholders, checked against the schema once and rendered per subject.
///
/// A placeholder is a field path of the subject (`{name}`, `{self.name}`) or of the OPD header (`{opd.name}`);
/// templates cannot reach other records. At OPD scope (no subject) `{name}` and `{self.name}` read the header.
/// `{{` and `}}` stand for literal braces. Values render with `Value.description` (`-` for null), an enumeration's
/// value with its label when the schema gives one (`value_labels`: `rka` → `RKA`).
public struct MessageTemplate: Sendable {
    /// One run of literal text, or a field to read.
    enum Piece: Sendable, Equatable {
        case text(String)
        case subjectField(Int, labels: [String: String])
        case headerField(Int, labels: [String: String])
    }

    let pieces: [Piece]
    /// The fields the template reads.
    public let referencedFields: Set<FieldReference>

    /// Parses and checks `text`; nil (with diagnostics in the bag, every problem reported) on any error.
    public static func compile(
        _ text: String, map: SourceMap, environment: ExpressionEnvironment, diagnostics: inout DiagnosticBag
    ) -> MessageTemplate? {
        guard text.utf8.count <= ExpressionLimits.maxSourceBytes else {
            diagnostics.report(.sourceTooLong(bytes: text.utf8.count, at: map.location(line: 0, column: 0)))
            return nil
        }
        var parser = TemplateParser(text: text, map: map, environment: environment)
        parser.parse()
        diagnostics.report(contentsOf: parser.diagnostics.diagnostics)
        guard !parser.diagnostics.hasErrors else { return nil }
        return MessageTemplate(pieces: parser.pieces, referencedFields: parser.fields)
    }

    /// Appends the message for `subject` (for header fields, `header`: its inventory's OPD header) to `output` as
    /// UTF-8, cut at `ExpressionLimits.maxMessageBytes` with an ellipsis: a template repeating a long field cannot
    /// fill memory. Reports write it straight into their bytes; `SubjectResult.message` makes a `String` of it.
    public func write(subject: Record?, header: Record?, into output: inout [UInt8]) {
        let start = output.count
        for piece in pieces {
            switch piece {
            case .text(let text): output.append(utf8: text)
            case .subjectField(let slot, let labels):
                Self.append(subject?.value(at: slot) ?? .null, labels: labels, to: &output)
            case .headerField(let slot, let labels):
                Self.append(header?.value(at: slot) ?? .null, labels: labels, to: &output)
            }
            if output.count - start > ExpressionLimits.maxMessageBytes {
                let message = Self.cut(String(decoding: output[start...], as: UTF8.self))
                output.removeSubrange(start...)
                return output.append(utf8: message)
            }
        }
    }

    /// `value.description`, without building a `String` for a text; a text with a label in `labels` as its label,
    /// and each element of a list so.
    private static func append(_ value: Value, labels: [String: String], to output: inout [UInt8]) {
        if case .string(let text) = value { return output.append(utf8: labels.isEmpty ? text : labels[text] ?? text) }
        if !labels.isEmpty, case .list(let items) = value {
            return output.append(
                utf8: Value.list(
                    items.map { item in
                        if case .string(let text) = item, let label = labels[text] { return .string(label) }
                        return item
                    }
                ).description)
        }
        output.append(utf8: value.description)
    }

    /// The longest prefix of whole characters within the limit, and an ellipsis.
    private static func cut(_ text: String) -> String {
        var bytes = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf8.count
            if bytes + size > ExpressionLimits.maxMessageBytes - 3 { break }
            bytes += size
            end = text.index(after: index)
        }
        return String(text[..<end]) + "…"
    }
}
