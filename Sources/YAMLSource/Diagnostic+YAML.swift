import Diagnostics

/// The wording of every diagnostic the YAML reader produces, in one place.
extension Diagnostic {
    static func fileUnreadable(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(.error, code: "input.unreadable", "cannot read '\(path)': \(reason)", at: nil)
    }

    static func fileTooLarge(_ path: String, bytes: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            .error, code: "input.too_large",
            "'\(path)' is too large (\(bytes) bytes; the limit is \(limit) bytes)",
            at: SourceLocation(file: path, line: 1, column: 1),
            suggestion: "split it into one file per OPD, or raise the limit"
        )
    }

    static func binaryFile(_ path: String) -> Diagnostic {
        Diagnostic(
            .error, code: "input.binary", "'\(path)' is a binary file, not YAML or JSON text",
            at: SourceLocation(file: path, line: 1, column: 1)
        )
    }

    static func invalidUTF8(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "input.invalid_utf8", "the file is not valid UTF-8 text", at: location,
            suggestion:
                "save the file as UTF-8 (in Excel or LibreOffice: 'CSV UTF-8'; in an editor: 'Save with encoding UTF-8')"
        )
    }

    static func yamlSyntax(_ problem: String, context: String?, at location: SourceLocation) -> Diagnostic {
        let message = context.map { "\(problem) \($0)" } ?? problem
        return Diagnostic(.error, code: "yaml.syntax", "invalid YAML: \(message)", at: location)
    }

    static func tooDeep(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "yaml.too_deep", "lists and mappings are nested too deep (more than \(limit) levels)",
            at: location
        )
    }

    static func tooManyNodes(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "yaml.too_many_nodes",
            "the document expands to more than \(limit) nodes (YAML aliases repeat their anchor's content)",
            at: location, suggestion: "write the data out instead of nesting aliases"
        )
    }

    static func scalarTooLarge(bytes: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "yaml.scalar_too_large",
            "a value of \(bytes) bytes is larger than the limit of \(limit) bytes",
            at: location
        )
    }

    static func duplicateKey(_ key: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "yaml.duplicate_key", "duplicate key '\(key)' (first at line \(first.line))", at: location,
            suggestion: "keep one of them"
        )
    }

    static func unknownAlias(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "yaml.unknown_alias", "alias '*\(name)' refers to no anchor '&\(name)' before it",
            at: location)
    }

    static func severalDocuments(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "yaml.multiple_documents", "the file holds several YAML documents; spbe reads one per file",
            at: location, suggestion: "remove the '---' separator or split the file"
        )
    }
}
