// swift-tools-version: 6.0
// kdslab: a terminal course and lab runner for Amazon Kinesis Data Streams security.
// The toolchain alone (Foundation, Dispatch, Glibc, Swift Testing): no package dependencies.

import PackageDescription

let package = Package(
    name: "kdslab",
    products: [
        .executable(name: "kdslab", targets: ["kdslab"]),
        .library(name: "IAMPolicy", targets: ["IAMPolicy"]),
    ],
    targets: [
        // Policy JSON → AST with source positions, validation, matching, evaluation, explanations. No I/O.
        .target(name: "IAMPolicy"),
        // The world: accounts, principals, streams, keys; every Kinesis operation, authorized first.
        .target(name: "KinesisSim", dependencies: ["IAMPolicy"]),
        // Argument parsing, rendering, files, clock: the only place with I/O.
        .target(name: "LabCLI", dependencies: ["IAMPolicy"]),
        .executableTarget(name: "kdslab", dependencies: ["LabCLI"]),
        .executableTarget(name: "kdslab-bench", dependencies: ["IAMPolicy", "KinesisSim"]),
        .testTarget(
            name: "IAMPolicyTests",
            dependencies: ["IAMPolicy"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KinesisSimTests",
            dependencies: ["KinesisSim", "IAMPolicy"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "LabCLITests",
            dependencies: ["LabCLI", "IAMPolicy"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
