import Foundation

/// Writes pack or inventory text to a temporary file for a test and returns its path.
enum TemporaryFile {
    static func write(_ text: String, name: String = "pack.yaml") throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("spbe-tests-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A minimal valid single-file pack, with `extra` appended (more rules, indicators …).
    static func pack(rules: String = "", indicatorsExtra: String = "", frameworkExtra: String = "") throws -> String {
        try write(
            """
            spbe_pack: 1
            pack: {id: t, title: Uji, version: 0.0.1, framework: Test}
            framework:
              scales:
                proses: [{level: 1, name: Rintisan}, {level: 2, name: Terkelola}]
              domains:
                - {id: D1, name: Layanan, weight: 100, aspects: [{id: A1, name: Aplikasi, weight: 100}]}
            \(frameworkExtra)
            schema:
              opd:
                fields:
                  id: {type: string, required: true}
                  name: {type: string}
              collections:
                applications:
                  fields:
                    id: {type: string, required: true}
                    hosting: {type: enum, values: [pdn, server_opd]}
            indicators:
              - {id: I01, name: Aplikasi, aspect: A1, weight: 100, scale: proses, levels: {1: {require: 'count(applications) > 0'}}}
            \(indicatorsExtra)
            rules:
              - {id: R1, title: Hosting, indicator: I01, severity: high, each: applications, require: 'hosting == "pdn"'}
            \(rules)
            """)
    }
}
