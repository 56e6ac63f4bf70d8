// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for spbe, kept out of the main package so that `swift build` and `swift test` there never
// need the fuzzer runtime. Build and run them with scripts/fuzz.sh (see README.md).
let package = Package(
    name: "FuzzTesting",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "spbe", path: ".."),
    ],
    targets: [
        .target(name: "FuzzCommon", dependencies: [.product(name: "SPBEKit", package: "spbe")]),
        .executableTarget(name: "FuzzExpression", dependencies: ["FuzzCommon", .product(name: "SPBEKit", package: "spbe")]),
        .executableTarget(name: "FuzzPack", dependencies: ["FuzzCommon", .product(name: "SPBEKit", package: "spbe")]),
        .executableTarget(name: "FuzzInventoryYAML", dependencies: ["FuzzCommon", .product(name: "SPBEKit", package: "spbe")]),
        .executableTarget(name: "FuzzInventoryJSON", dependencies: ["FuzzCommon", .product(name: "SPBEKit", package: "spbe")]),
        .executableTarget(name: "FuzzXLSX", dependencies: ["FuzzCommon", .product(name: "SPBEKit", package: "spbe")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzCommon", .product(name: "SPBEKit", package: "spbe")]),
    ]
)
