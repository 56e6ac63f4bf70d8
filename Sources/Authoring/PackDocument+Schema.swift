import DataModel
import Packs

extension PackDocument {
    /// The inventory an OPD fills in: the header and every collection, each field with its label, type, whether it
    /// is required, the values it allows and its description, so an OPD's operator can fill it in from this alone.
    func schemaSection() -> [String] {
        let schema = pack.schema
        var out = ["", "## " + word("Isian inventaris", "The inventory")]
        out += [
            "",
            word(
                "Setiap OPD mengisi satu berkas inventaris. Kolom *wajib* harus diisi; kolom lain boleh dikosongkan, tetapi aturan yang membutuhkannya akan dinilai *data belum cukup*.",
                "Each OPD fills in one inventory file. *Required* fields must be filled in; others may be left empty, but rules that need them will be reported as *not evidenced*."
            ),
        ]
        for record in [schema.header] + schema.collections {
            let title =
                record.name == schema.header.name
                ? "`opd`: " + word("identitas OPD", "the OPD itself") : "`\(record.name)`"
            out += ["", "### " + title]
            if let description = record.description { out += ["", description.text(in: language)] }
            out += [
                "",
                "| " + word("Kolom", "Field") + " | " + word("Label", "Label") + " | " + word("Jenis", "Type") + " | "
                    + word("Wajib", "Required") + " | " + word("Nilai yang boleh", "Allowed values") + " | "
                    + word("Keterangan", "Description") + " |",
                "| --- | --- | --- | --- | --- | --- |",
            ]
            for field in record.fields {
                let values: String =
                    switch field.type {
                    case .enumeration(let allowed), .list(.enumeration(let allowed)):
                        allowed.map { "`\($0)`" }.joined(separator: ", ")
                    case .bool: "`true`/`false` (`ya`/`tidak`)"
                    case .date, .list(.date): word("tanggal YYYY-MM-DD", "a date YYYY-MM-DD")
                    default: ""
                    }
                let row = [
                    "`\(field.name)`", field.label ?? "", typeName(field.type), field.required ? word("ya", "yes") : "",
                    values, field.description?.text(in: language) ?? "",
                ]
                out.append(
                    "| "
                        + row.map {
                            $0.replacingOccurrences(of: "|", with: "/").replacingOccurrences(of: "\n", with: " ")
                        }.joined(separator: " | ") + " |")
            }
        }
        return out
    }

    private func typeName(_ type: ValueType) -> String {
        switch type {
        case .string: word("teks", "text")
        case .int: word("bilangan bulat", "whole number")
        case .number: word("angka", "number")
        case .bool: word("ya/tidak", "yes/no")
        case .date: word("tanggal", "date")
        case .enumeration: word("pilihan", "choice")
        case .list(let element): word("daftar ", "list of ") + typeName(element)
        default: type.description
        }
    }
}
