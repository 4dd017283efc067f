// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
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

    // The git index file, read and updated in place (pure: no libgit2, no C; see ARCHITECTURE.md).
    .target(name: "GitIndexFile", swiftSettings: strictSettings),

    // libgit2 and its safe wrapper.
    .systemLibrary(name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
    // OpenSSL's libcrypto, for its hardware SHA-1 (the index checksum).
    .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .target(
      name: "Git", dependencies: ["CLibGit2", "CLibCrypto", "GitIndexFile"], swiftSettings: strictSettings,
      // The process's own mbedtls_x509_crt_parse_file, which defers the CA bundle libgit2 reads at
      // init (Sources/Git/LibGit2.swift), must be visible to libgit2.
      linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=mbedtls_x509_crt_parse_file"])]),

    // libcurl, zlib and brotli, and the modules over them: fetching pages and archiving them as WARC.
    // No pkgConfig: libcurl is opened on first use, not linked (see Sources/CCurl/shim.h).
    .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlidec", providers: [.apt(["libbrotli-dev"])]),
    .target(name: "HTTPMessage", dependencies: ["CZlib", "CBrotli"], swiftSettings: strictSettings),
    .target(name: "HTTP", dependencies: ["CCurl", "HTTPMessage"], swiftSettings: strictSettings),
    .target(name: "WebArchive", dependencies: ["HTTPMessage", "CLibCrypto"], swiftSettings: strictSettings),
    // libxml2's HTML parser and its safe wrapper; article extraction on top (pure: bytes in, article out).
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .target(name: "HTML", dependencies: ["CLibXML2"], swiftSettings: strictSettings),
    .target(name: "ArticleExtraction", dependencies: ["HTML"], swiftSettings: strictSettings),
    // A page from an address or a file: fetch or read, then extract (used by import and extract).
    .target(
      name: "WebSources", dependencies: ["HTTP", "HTTPMessage", "ArticleExtraction"], swiftSettings: strictSettings),

    // Cited pages kept as evidence: captures, their text, quotes found in it, health checks.
    .target(
      name: "Evidence",
      dependencies: ["ClaimModel", "HTTP", "HTTPMessage", "WebArchive", "ArticleExtraction"],
      swiftSettings: strictSettings
    ),

    // glibc's malloc_trim, which Swift's Glibc module does not export (Matching/HeapTrim.swift).
    .systemLibrary(name: "CMalloc"),

    // Storage, history and sync.
    .target(
      name: "ClaimLedger",
      dependencies: ["ClaimModel", "Segmentation", "Git", "ClaimMatching", "CMalloc"],
      swiftSettings: strictSettings
    ),

    // The report use case: ledger snapshot → report ready to write (caches, history, batched loading).
    .target(
      name: "ReportPipeline",
      dependencies: ["ClaimLedger", "ClaimModel", "ClaimReport"],
      swiftSettings: strictSettings
    ),

    // Command line: parsing, commands, output.
    .target(
      name: "ClaimsCLI",
      dependencies: [
        "ClaimModel", "Segmentation", "ClaimLedger", "ClaimReport", "Git", "WebSources", "ArticleExtraction", "HTTP",
        "ClaimMatching", "Evidence", "WebArchive",
        "ReportPipeline",
      ],
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
      name: "web-bench",
      dependencies: ["HTTP", "WebArchive", "TestSupport"],
      path: "Benchmarks/WebBench",
      swiftSettings: strictSettings
    ),

    .executableTarget(
      name: "evidence-bench",
      dependencies: ["ClaimLedger", "ClaimModel", "Evidence", "HTTP", "WebArchive", "TestSupport"],
      path: "Benchmarks/EvidenceBench",
      swiftSettings: strictSettings
    ),

    .executableTarget(
      name: "extraction-bench",
      dependencies: ["ArticleExtraction"],
      path: "Benchmarks/ExtractionBench",
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
    .testTarget(name: "HTMLTests", dependencies: ["HTML"], swiftSettings: strictSettings),
    .testTarget(
      name: "ArticleExtractionTests", dependencies: ["ArticleExtraction", "TestSupport"], swiftSettings: strictSettings),
    .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"], swiftSettings: strictSettings),
    .testTarget(
      name: "GitIndexFileTests", dependencies: ["GitIndexFile", "TestSupport"], swiftSettings: strictSettings),
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
      dependencies: ["ClaimsCLI", "ClaimLedger", "ClaimModel", "ClaimReport", "ReportPipeline", "TestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ReportPipelineTests",
      dependencies: ["ReportPipeline", "ClaimLedger", "ClaimModel", "ClaimReport", "TestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "EvidenceTests",
      dependencies: ["Evidence", "ClaimModel", "HTTP", "HTTPMessage", "WebArchive", "TestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(name: "HTTPMessageTests", dependencies: ["HTTPMessage"], swiftSettings: strictSettings),
    .testTarget(
      name: "HTTPTests",
      dependencies: ["HTTP", "HTTPMessage", "TestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "WebSourcesTests",
      dependencies: ["WebSources", "HTTP", "ArticleExtraction", "TestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "WebArchiveTests",
      dependencies: ["WebArchive", "HTTP", "HTTPMessage", "ClaimModel", "TestSupport"],
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
