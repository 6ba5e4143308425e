// swift-tools-version: 6.1
import PackageDescription

/// Release builds link the Swift runtime and Foundation statically: `leggio` then starts
/// in about 2 ms instead of 10, because the dynamic loader no longer binds a dozen Swift
/// libraries at every run. Every module of ours is compiled with the flag so that its
/// autolink entries name the static libraries; debug builds and tests stay dynamic.
let staticStdlib: [SwiftSetting] = [
  .unsafeFlags(["-static-stdlib"], .when(configuration: .release))
]
/// The importers walk trees of class nodes (`HTMLNode`) millions of times a run; release
/// builds drop the run-time exclusivity checks on those walks (about a twentieth of web
/// extraction's time). Debug builds and tests keep them, and the compile-time ones stay.
let importSettings: [SwiftSetting] =
  staticStdlib + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
let linkStaticStdlib: [LinkerSetting] = [
  .unsafeFlags(["-static-stdlib"], .when(configuration: .release))
]
/// `leggio` itself is linked at a fixed address and exports none of its own symbols:
/// as a position-independent executable it had 107,000 relocations for the dynamic loader
/// to apply at every start (200 page faults), and the runtime's `dladdr` at start-up
/// walked 14,800 exported symbols. Every command starts about a millisecond sooner.
///
/// On Linux its C libraries come from their static archives where installed
/// (`scripts/link-with-archives`, which says why): a 3 KB article's `show` costs 11.4 M
/// instructions instead of 16.5 M, most of the difference the loader's symbol binding.
let linkLeggio: [LinkerSetting] = [
  .unsafeFlags(
    ["-static-stdlib", "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic"],
    .when(configuration: .release)),
  .unsafeFlags(
    ["-Xclang-linker", "--ld-path=\(Context.packageDirectory)/scripts/link-with-archives"],
    .when(platforms: [.linux], configuration: .release)),
]

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
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),
    .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
    // zlib for the library's stored documents (issue 17); ZIPFoundation's own CZlib is not public.
    .systemLibrary(name: "CZlibStore", path: "Sources/CZlibStore"),
    // libdeflate, opened with dlopen when a large document is first stored or read
    // (include/CDeflate.h); without it zlib does the work.
    .target(name: "CDeflate", linkerSettings: [.linkedLibrary("dl")]),
    // libcrypto's SHA-256, opened with dlopen when a long text (a book) is first hashed
    // (include/CCrypto.h); without it the Swift SHA256 of LeggioModel does the work.
    .target(name: "CCrypto", linkerSettings: [.linkedLibrary("dl")]),
    // sqlite3_db_config, whose variable arguments Swift cannot pass (include/CSQLiteClose.h).
    .target(name: "CSQLiteClose", linkerSettings: [.linkedLibrary("sqlite3")]),
    // The search index's ranking, an FTS5 auxiliary function that reads no text
    // (include/CSearchRank.h), and its phrase check over stored documents
    // (include/PhraseMatch.h: libdeflate through CDeflate, zlib for large documents).
    .target(
      name: "CSearchRank", dependencies: ["CDeflate"],
      linkerSettings: [.linkedLibrary("sqlite3"), .linkedLibrary("m"), .linkedLibrary("z")]),
    // libcurl, opened with dlopen on the first fetch (see include/CCurl.h).
    .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
    // libhyphen, opened with dlopen when an article is first hyphenated (include/CHyphen.h).
    .target(name: "CHyphen", linkerSettings: [.linkedLibrary("dl")]),
    // libfribidi, opened with dlopen when right-to-left text is first laid out
    // (include/CFriBidi.h).
    .target(name: "CFriBidi", linkerSettings: [.linkedLibrary("dl")]),
    // libchafa, libstb and libwebp, opened with dlopen when a picture is first drawn
    // (include/CPictures.h); without them pictures keep their placeholders.
    .target(name: "CPictures", linkerSettings: [.linkedLibrary("dl")]),
    .target(name: "LeggioModel", dependencies: ["CCrypto"], swiftSettings: staticStdlib),
    .target(
      name: "LeggioImport",
      dependencies: [
        "LeggioModel", "CLibXML2", "CCurl", "CCmarkGFM", "CDeflate",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: importSettings),
    .target(
      name: "LeggioStore",
      dependencies: [
        "LeggioModel", "CZlibStore", "CDeflate", "CSQLiteClose", "CSearchRank",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ], swiftSettings: staticStdlib),
    .target(
      name: "LeggioFeeds",
      dependencies: ["LeggioModel", "LeggioImport", "LeggioStore", "CLibXML2"],
      swiftSettings: staticStdlib),
    /// Other services' exports into the library, and the fetch queue of pending articles.
    .target(
      name: "LeggioIntake",
      dependencies: ["LeggioModel", "LeggioImport", "LeggioStore", "LeggioFeeds"],
      swiftSettings: staticStdlib),
    // `leggio sync`: the mirror's files, canonical JSON and the git CLI (issue 12).
    .target(
      name: "LeggioSync", dependencies: ["LeggioModel", "LeggioStore"],
      swiftSettings: staticStdlib),
    .target(
      name: "LeggioLayout", dependencies: ["LeggioModel", "CHyphen", "CFriBidi"],
      swiftSettings: staticStdlib),
    /// Pictures decoded and converted for the terminal: chafa's symbols into cells, and
    /// kitty, sixel and iTerm2 byte streams (issue 15).
    .target(
      name: "LeggioPictures", dependencies: ["LeggioModel", "CPictures"],
      swiftSettings: staticStdlib),
    .target(
      name: "LeggioTUI",
      dependencies: [
        "LeggioLayout", "LeggioModel", "LeggioImport", "LeggioStore", "LeggioFeeds",
        "LeggioIntake", "LeggioSync", "LeggioPictures",
        .product(name: "TOMLKit", package: "TOMLKit"),
      ], swiftSettings: staticStdlib),
    .target(
      name: "LeggioTerminal",
      dependencies: ["LeggioTUI", "LeggioStore", "LeggioPictures", "CNcursesw"],
      swiftSettings: staticStdlib),
    .executableTarget(
      name: "leggio",
      dependencies: [
        "LeggioTerminal", "LeggioTUI", "LeggioLayout", "LeggioModel", "LeggioImport",
        "LeggioStore", "LeggioFeeds", "LeggioIntake", "LeggioSync",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: staticStdlib,
      linkerSettings: linkLeggio
    ),
    /// Evaluation of extraction against the corpora and the tests' shared helpers: used by
    /// the tests and the bench, never linked into `leggio`.
    .target(
      name: "LeggioTestSupport",
      dependencies: [
        "LeggioModel", "LeggioImport", "LeggioStore", "CLibXML2", "CCmarkGFM",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .executableTarget(
      name: "leggio-bench",
      dependencies: [
        "LeggioTUI", "LeggioLayout", "LeggioModel", "LeggioImport", "LeggioStore", "LeggioFeeds",
        "LeggioIntake", "LeggioSync", "LeggioTestSupport", "LeggioPictures",
      ],
      swiftSettings: staticStdlib,
      linkerSettings: linkStaticStdlib
    ),
    .testTarget(name: "LeggioModelTests", dependencies: ["LeggioModel"]),
    .testTarget(
      name: "LeggioPicturesTests",
      dependencies: [
        "LeggioPictures", "LeggioModel", "LeggioImport", "LeggioStore", "LeggioLayout",
        "LeggioTUI", "LeggioTerminal", "LeggioTestSupport",
        .product(name: "FlyingFox", package: "FlyingFox"),
      ]),
    .testTarget(
      name: "LeggioImportTests",
      dependencies: ["LeggioModel", "LeggioImport", "LeggioTestSupport"]),
    .testTarget(
      name: "LeggioStoreTests",
      dependencies: [
        "LeggioModel", "LeggioImport", "LeggioStore", "LeggioTestSupport", "CZlibStore",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "LeggioFeedsTests",
      dependencies: [
        "LeggioModel", "LeggioImport", "LeggioStore", "LeggioFeeds", "LeggioTestSupport",
        .product(name: "FlyingFox", package: "FlyingFox"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "LeggioIntakeTests",
      dependencies: [
        "LeggioModel", "LeggioImport", "LeggioStore", "LeggioIntake", "LeggioTestSupport",
        .product(name: "FlyingFox", package: "FlyingFox"),
      ]),
    .testTarget(
      name: "LeggioSyncTests",
      dependencies: [
        "LeggioModel", "LeggioImport", "LeggioStore", "LeggioSync", "LeggioTUI",
        "LeggioTestSupport",
      ]),
    .testTarget(
      name: "LeggioLayoutTests",
      dependencies: ["LeggioLayout", "LeggioModel", "LeggioImport", "LeggioTestSupport"]),
    .testTarget(
      name: "LeggioTUITests",
      dependencies: [
        "LeggioTUI", "LeggioLayout", "LeggioModel", "LeggioImport", "LeggioStore", "LeggioFeeds",
        "LeggioIntake", "LeggioTestSupport", .product(name: "FlyingFox", package: "FlyingFox"),
      ],
      // The screens' snapshots are read by path (`ScreenSnapshots`), not bundled.
      exclude: ["Screens"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "LeggioModel", "LeggioImport", "LeggioStore", "LeggioTestSupport",
        .product(name: "FlyingFox", package: "FlyingFox"),
      ]
    ),
  ]
)
