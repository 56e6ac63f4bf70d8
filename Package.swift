// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "spbe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "spbe", targets: ["spbe"]),
        .library(
            name: "SPBEKit",
            targets: [
                "Diagnostics", "YAMLSource", "DataModel", "Expressions", "Packs", "Inventories", "Engine", "Reporting",
                "PackTesting", "Authoring",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Markdown to HTML for `spbe pack doc --format html`: one document, written once as Markdown.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        .target(name: "Diagnostics"),
        // libyaml's event API is reached through Yams' CYaml module: a bounded, position-keeping composer.
        .target(name: "YAMLSource", dependencies: ["Diagnostics", .product(name: "Yams", package: "Yams")]),
        .target(name: "DataModel", dependencies: ["Diagnostics"]),
        .target(name: "Expressions", dependencies: ["Diagnostics", "DataModel"]),
        .target(name: "Packs", dependencies: ["Diagnostics", "YAMLSource", "DataModel", "Expressions"]),
        .target(name: "Inventories", dependencies: ["Diagnostics", "YAMLSource", "DataModel"]),
        .target(name: "Engine", dependencies: ["Diagnostics", "DataModel", "Expressions", "Packs", "Inventories"]),
        .target(name: "Reporting", dependencies: ["Diagnostics", "DataModel", "Engine"]),
        .target(
            name: "Authoring",
            dependencies: ["Diagnostics", "DataModel", "Expressions", "Packs", "Engine", .product(name: "Ink", package: "Ink")]
        ),
        .target(name: "PackTesting", dependencies: ["Diagnostics", "DataModel", "YAMLSource", "Inventories", "Engine"]),
        .executableTarget(
            name: "spbe",
            dependencies: [
                "Diagnostics", "Packs", "Inventories", "Engine", "Reporting", "PackTesting", "Authoring",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "spbe-bench",
            dependencies: [
                "DataModel", "YAMLSource", "Packs", "Inventories", "Engine", "Reporting",
                .product(name: "Yams", package: "Yams"), .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "DataModelTests", dependencies: ["DataModel"]),
        .testTarget(name: "YAMLSourceTests", dependencies: ["YAMLSource"]),
        .testTarget(name: "ExpressionsTests", dependencies: ["Expressions", "DataModel"]),
        .testTarget(name: "PacksTests", dependencies: ["Packs"]),
        .testTarget(name: "InventoriesTests", dependencies: ["Inventories"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Packs", "Inventories"]),
        .testTarget(name: "PackTestingTests", dependencies: ["PackTesting", "Packs", "Engine", "DataModel"]),
        .testTarget(name: "CLITests", dependencies: [], exclude: ["Fixtures"]),
    ]
)
