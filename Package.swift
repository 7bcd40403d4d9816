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
        // The evaluator and the access analysis are the hot paths of grading (a lab's
        // validation decides millions of requests), so they are optimized even in debug
        // builds; without it `swift test` spends most of its time here.
        .target(name: "IAMPolicy", swiftSettings: [.unsafeFlags(["-O"])]),
        // The digests we write ourselves (MD5 for Kinesis routing; SHA-256, HMAC and hex for
        // SigV4 and KMS ciphertexts), below every module that hashes. No I/O.
        .target(name: "Digests"),
        // The world: accounts, principals, streams, keys; every Kinesis operation, authorized first.
        .target(name: "KinesisSim", dependencies: ["IAMPolicy", "Digests"]),
        // Lessons, labs, checks, grading and progress as values. No I/O.
        .target(name: "LabKit", dependencies: ["KinesisSim", "IAMPolicy"]),
        // The AWS wire protocols as a pure codec: HTTP/1.1 framing, SigV4, Kinesis JSON 1.1,
        // STS and IAM query/XML. Bytes in, requests out; no sockets.
        .target(name: "AWSWire", dependencies: ["KinesisSim", "IAMPolicy", "Digests"]),
        // The small socket layer under AWSWire: a loopback HTTP/1.1 listener.
        .target(name: "LabServer", dependencies: ["AWSWire"]),
        // The course (course.json, content/, labs/) as data, generated at build time by the
        // EmbedCourse plugin so a copied binary carries it (Plugins/EmbedCourse says why a
        // plugin). No I/O.
        .target(name: "BuiltinCourse", plugins: ["EmbedCourse"]),
        .executableTarget(name: "kdslab-embed-course"),
        .plugin(name: "EmbedCourse", capability: .buildTool(), dependencies: ["kdslab-embed-course"]),
        // Argument parsing, the REPL, rendering, files, clock: the only place with I/O.
        .target(name: "LabCLI", dependencies: ["LabKit", "LabServer", "AWSWire", "KinesisSim", "IAMPolicy", "Digests", "BuiltinCourse"]),
        .executableTarget(name: "kdslab", dependencies: ["LabCLI"]),
        // LabCLI for `kdslab serve --state`'s journal, the one part of serving that does file I/O.
        .executableTarget(name: "kdslab-bench", dependencies: ["IAMPolicy", "Digests", "KinesisSim", "LabKit", "AWSWire", "LabServer", "LabCLI"]),
        .testTarget(
            name: "IAMPolicyTests",
            dependencies: ["IAMPolicy"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KinesisSimTests",
            dependencies: ["KinesisSim", "IAMPolicy", "Digests"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "LabKitTests",
            dependencies: ["LabKit", "KinesisSim", "IAMPolicy"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AWSWireTests",
            dependencies: ["AWSWire", "KinesisSim", "IAMPolicy", "Digests"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "LabServerTests",
            dependencies: ["LabServer", "AWSWire"]
        ),
        .testTarget(
            name: "LabCLITests",
            dependencies: ["LabCLI", "LabKit", "IAMPolicy", "AWSWire", "KinesisSim", "Digests", "BuiltinCourse"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
