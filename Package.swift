// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "claims",
  products: [
    .executable(name: "claims", targets: ["claims"])
  ],
  targets: [
    // Pure modules: no git, no terminal.
    .target(name: "ClaimModel", swiftSettings: strictSettings),
    .target(name: "Segmentation", swiftSettings: strictSettings),
    .target(name: "ClaimReport", dependencies: ["ClaimModel"], swiftSettings: strictSettings),
    .target(name: "ClaimMatching", dependencies: ["Stemming"], swiftSettings: strictSettings),

    // Snowball's libstemmer (no pkg-config file in Debian) and its safe wrapper.
    .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
    .target(name: "Stemming", dependencies: ["CStemmer"], swiftSettings: strictSettings),

    // libgit2 and its safe wrapper.
    .systemLibrary(name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
    .target(name: "Git", dependencies: ["CLibGit2"], swiftSettings: strictSettings),

    // Storage, history and sync.
    .target(
      name: "ClaimLedger",
      dependencies: ["ClaimModel", "Segmentation", "Git"],
      swiftSettings: strictSettings
    ),

    // Command line: parsing, commands, output.
    .target(
      name: "ClaimsCLI",
      dependencies: ["ClaimModel", "Segmentation", "ClaimLedger", "ClaimReport"],
      swiftSettings: strictSettings
    ),
    .executableTarget(name: "claims", dependencies: ["ClaimsCLI"], swiftSettings: strictSettings),

    // Benchmark drivers (run by the scripts under Benchmarks/, not shipped).
    .executableTarget(
      name: "segmenter-bench",
      dependencies: ["Segmentation"],
      path: "Benchmarks/SegmenterBench",
      swiftSettings: strictSettings
    ),

    .executableTarget(
      name: "ledger-bench",
      dependencies: ["ClaimLedger", "ClaimModel"],
      path: "Benchmarks/LedgerBench",
      swiftSettings: strictSettings
    ),

    .executableTarget(
      name: "reliability-bench",
      dependencies: ["TestSupport"],
      path: "Benchmarks/ReliabilityBench",
      swiftSettings: strictSettings
    ),

    .executableTarget(
      name: "matching-bench",
      dependencies: ["ClaimMatching", "ClaimModel"],
      path: "Benchmarks/MatchingBench",
      swiftSettings: strictSettings
    ),

    // Tests.
    .target(
      name: "TestSupport",
      dependencies: ["ClaimModel", "ClaimsCLI"],
      path: "Tests/TestSupport",
      swiftSettings: strictSettings
    ),
    .testTarget(name: "ClaimModelTests", dependencies: ["ClaimModel"], swiftSettings: strictSettings),
    .testTarget(name: "SegmentationTests", dependencies: ["Segmentation"], swiftSettings: strictSettings),
    .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"], swiftSettings: strictSettings),
    .testTarget(
      name: "ClaimLedgerTests",
      dependencies: ["ClaimLedger", "ClaimModel", "Git", "TestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ClaimReportTests",
      dependencies: ["ClaimReport", "ClaimModel"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ClaimsCLITests",
      dependencies: ["ClaimsCLI", "ClaimLedger", "ClaimModel", "ClaimReport", "TestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ClaimMatchingTests",
      dependencies: ["ClaimMatching", "Stemming"],
      swiftSettings: strictSettings
    ),
  ],
  swiftLanguageModes: [.v6]
)
