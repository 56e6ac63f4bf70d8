// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "spbe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "spbe", targets: ["spbe"]),
        // The regency portal: its own executable, so `swift run spbe check` never builds the server's dependencies.
        .executable(name: "spbe-serve", targets: ["spbe-serve"]),
        .library(
            name: "SPBEKit",
            targets: [
                "Diagnostics", "YAMLSource", "DataModel", "Expressions", "Packs", "Inventories", "Engine", "Reporting",
                "PackTesting", "Authoring", "Spreadsheets", "OutputSafety", "CheckRun",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Markdown to HTML for `spbe pack doc --format html`: one document, written once as Markdown.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        // CSV inventories: a streaming RFC 4180 reader and writer (quoted fields, embedded newlines, CRLF).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // XLSX inventories: the zip container of a workbook.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Tests only: generated values for the schema/loader agreement test.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        // The portal only (`spbe-serve`): SQLite storage, the HTTP server and bcrypt password hashes.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The portal only: SHA-256 of every upload and report it stores (BoringSSL's, with the CPU's SHA instructions).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .target(name: "Diagnostics"),
        // Every file spbe writes goes through it: never over an input, never twice, never replacing a device.
        .target(name: "OutputSafety", dependencies: ["Diagnostics"]),
        // libyaml's event API is reached through Yams' CYaml module: a bounded, position-keeping composer.
        .target(name: "YAMLSource", dependencies: ["Diagnostics", .product(name: "Yams", package: "Yams")]),
        .target(name: "DataModel", dependencies: ["Diagnostics"]),
        .target(name: "Expressions", dependencies: ["Diagnostics", "DataModel"]),
        .target(name: "Packs", dependencies: ["Diagnostics", "YAMLSource", "DataModel", "Expressions"]),
        .target(name: "Inventories", dependencies: ["Diagnostics", "YAMLSource", "DataModel"]),
        .target(name: "Engine", dependencies: ["Diagnostics", "DataModel", "Expressions", "Packs", "Inventories"]),
        .target(name: "Reporting", dependencies: ["Diagnostics", "DataModel", "Engine", "OutputSafety"]),
        .target(
            name: "Authoring",
            dependencies: [
                "Diagnostics", "DataModel", "Expressions", "Packs", "Engine", "Inventories", "YAMLSource",
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        // libxml2, which every Swift toolchain on Linux needs (its `libxml2-dev`): the XML parts of a workbook are
        // read with its SAX2 push parser directly, without Foundation's `XMLParser`, which turned every element and
        // attribute into Foundation strings and dictionaries (half of reading a workbook).
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(
            name: "Spreadsheets",
            dependencies: [
                "Diagnostics", "YAMLSource", "DataModel", "Inventories", "OutputSafety", "CLibXML2",
                .product(name: "CSV", package: "CSV.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "PackTesting", dependencies: ["Diagnostics", "DataModel", "YAMLSource", "Inventories", "Engine"]),
        // The façade of a check run, called by every front end (the command line, the web portal).
        .target(
            name: "CheckRun",
            dependencies: [
                "Diagnostics", "DataModel", "YAMLSource", "Packs", "Inventories", "Engine", "Reporting", "Spreadsheets",
            ]
        ),
        // `spbe pack fmt`: the canonical layout of pack files, editing their text so comments stay.
        .target(name: "PackFormatting", dependencies: ["Diagnostics", "YAMLSource"]),
        // `spbe lsp`: a language server for pack authors, JSON-RPC over standard input and output, Foundation only.
        .target(
            name: "PackLanguageServer",
            dependencies: [
                "Diagnostics", "YAMLSource", "DataModel", "Expressions", "Packs", "Inventories", "Engine", "Authoring",
                "PackTesting",
            ]
        ),
        .executableTarget(
            name: "spbe",
            dependencies: [
                "Diagnostics", "Packs", "Inventories", "Engine", "Reporting", "PackTesting", "Authoring",
                "Spreadsheets",
                "OutputSafety", "CheckRun", "PackLanguageServer", "PackFormatting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "spbe-bench",
            dependencies: [
                "DataModel", "YAMLSource", "Packs", "Inventories", "Engine", "Reporting",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The portal's storage, behind a narrow protocol (SQLite through GRDB today).
        .target(
            name: "PortalStore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Portal",
            dependencies: [
                "PortalStore", "CheckRun", "Diagnostics", "YAMLSource", "DataModel", "Packs", "Inventories", "Engine",
                "Reporting",
                "Spreadsheets",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "spbe-serve",
            dependencies: [
                "Portal", "PortalStore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "PortalStoreTests", dependencies: ["PortalStore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "PortalTests",
            dependencies: [
                "Portal", "PortalStore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "OutputSafetyTests", dependencies: ["OutputSafety"]),
        .testTarget(name: "DataModelTests", dependencies: ["DataModel"]),
        .testTarget(name: "YAMLSourceTests", dependencies: ["YAMLSource"]),
        .testTarget(name: "ExpressionsTests", dependencies: ["Expressions", "DataModel"]),
        .testTarget(name: "PacksTests", dependencies: ["Packs"]),
        .testTarget(name: "InventoriesTests", dependencies: ["Inventories", "Packs", "YAMLSource"]),
        .testTarget(
            name: "SpreadsheetsTests",
            dependencies: [
                "Spreadsheets", "Inventories", "DataModel", "Diagnostics", "YAMLSource", "Packs", "OutputSafety",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Packs", "Inventories"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"], exclude: ["Goldens"]),
        .testTarget(
            name: "AuthoringTests",
            dependencies: [
                "Authoring", "Packs", "Engine", "Diagnostics", "DataModel", "Inventories", "YAMLSource",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "PackTestingTests", dependencies: ["PackTesting", "Packs", "Engine", "DataModel"]),
        .testTarget(name: "CheckRunTests", dependencies: ["CheckRun", "Reporting", "Engine", "Packs", "Spreadsheets"]),
        .testTarget(name: "PackLanguageServerTests", dependencies: ["PackLanguageServer", "Diagnostics"]),
        .testTarget(name: "PackFormattingTests", dependencies: ["PackFormatting", "Packs", "Engine", "DataModel"]),
        .testTarget(name: "CLITests", dependencies: [], exclude: ["Fixtures"]),
    ]
)
