// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Leggio",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "leggio", targets: ["leggio"]),
    .executable(name: "leggio-bench", targets: ["leggio-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),
    .target(
      name: "LeggioCore",
      dependencies: [
        "CLibXML2",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Ink", package: "Ink"),
      ]
    ),
    .target(name: "LeggioLayout", dependencies: ["LeggioCore"]),
    .target(
      name: "LeggioTUI",
      dependencies: [
        "LeggioLayout", "LeggioCore",
        .product(name: "TOMLKit", package: "TOMLKit"),
      ]
    ),
    .target(name: "LeggioTerminal", dependencies: ["LeggioTUI", "CNcursesw"]),
    .executableTarget(
      name: "leggio",
      dependencies: [
        "LeggioTerminal", "LeggioTUI", "LeggioLayout", "LeggioCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "leggio-bench",
      dependencies: ["LeggioTUI", "LeggioLayout", "LeggioCore"]
    ),
    .testTarget(name: "LeggioCoreTests", dependencies: ["LeggioCore", .product(name: "FlyingFox", package: "FlyingFox")]),
    .testTarget(name: "LeggioLayoutTests", dependencies: ["LeggioLayout", "LeggioCore"]),
    .testTarget(name: "LeggioTUITests", dependencies: ["LeggioTUI", "LeggioLayout", "LeggioCore"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "LeggioCore",
        .product(name: "FlyingFox", package: "FlyingFox"),
      ]
    ),
  ]
)
