import Foundation
import Testing

/// Keeps Linux-only system calls in one place per module, so the package can build on
/// macOS: every `import Glibc` sits inside `#if canImport(Glibc)`, and the Linux-only names
/// below appear only in files named `Platform*.swift`, which have a branch per system.
///
/// (CI builds on Linux only; this test is how a Linux-only call is caught there.) This file
/// is itself named `Platform…` so the names it lists do not count against it.
@Suite("Platform calls")
struct PlatformCallsTests {
    /// The package's root, from this file's path (`Tests/LabCLITests/…`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Names that exist only on Linux (or only in Glibc's spelling), each with why.
    static let linuxOnly: [(name: String, why: String)] = [
        ("SOCK_CLOEXEC", "Darwin has no socket type flags: fcntl FD_CLOEXEC"),
        ("SOCK_NONBLOCK", "Darwin has no socket type flags: fcntl O_NONBLOCK"),
        ("MSG_NOSIGNAL", "Darwin has no MSG_NOSIGNAL: SO_NOSIGPIPE"),
        ("accept4", "Linux only: accept, then fcntl"),
        ("epoll_", "Linux only: kqueue on Darwin"),
        ("eventfd", "Linux only"),
        ("signalfd", "Linux only"),
        ("inotify_", "Linux only"),
        ("pipe2(", "Linux only: pipe, then fcntl"),
        ("/proc/self", "no /proc on Darwin"),
        ("Glibc.", "no Glibc module on Darwin"),
        ("SOCK_STREAM.rawValue", "an enum in Glibc, an Int32 on Darwin"),
        ("RUSAGE_SELF.rawValue", "an enum in Glibc, an Int32 on Darwin"),
        ("st_mtim.", "st_mtimespec on Darwin"),
        ("_ADAPTIVE_NP", "a glibc mutex type"),
    ]

    /// Every Swift file under `Sources/` and `Tests/`, relative to the root, with its lines.
    static func swiftFiles() throws -> [(path: String, lines: [Substring])] {
        var out: [(String, [Substring])] = []
        for folder in ["Sources", "Tests"] {
            let base = root.appendingPathComponent(folder)
            let walker = try #require(FileManager.default.enumerator(atPath: base.path))
            for case let relative as String in walker where relative.hasSuffix(".swift") {
                let text = try String(contentsOf: base.appendingPathComponent(relative), encoding: .utf8)
                out.append(("\(folder)/\(relative)", text.split(separator: "\n", omittingEmptySubsequences: false)))
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// The lines (`path:line`) of `lines` that import Glibc outside `#if canImport(Glibc)`
    /// (an `#else` branch of one does not count).
    static func unguardedGlibcImports(_ path: String, _ lines: [Substring]) -> [String] {
        var unguarded: [String] = []
        // The condition of each open #if; an #else branch is marked with "!".
        var conditions: [String] = []
        for (n, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#if ") {
                conditions.append(String(line.dropFirst(4)))
            } else if line.hasPrefix("#elseif "), !conditions.isEmpty {
                conditions[conditions.count - 1] = String(line.dropFirst(8))
            } else if line == "#else" || line.hasPrefix("#else "), !conditions.isEmpty {
                conditions[conditions.count - 1] = "!"
            } else if line.hasPrefix("#endif"), !conditions.isEmpty {
                conditions.removeLast()
            } else if line.range(of: #"^(@\w+ )*import Glibc\b"#, options: .regularExpression) != nil {
                if conditions.last?.contains("canImport(Glibc)") != true { unguarded.append("\(path):\(n + 1)") }
            }
        }
        return unguarded
    }

    @Test("the import check finds an unguarded import, and one in the wrong branch")
    func theImportCheckWorks() {
        // Spelled IMPORT here, so this file does not hold the imports it tests.
        let sample = """
            #if canImport(Glibc)
            IMPORT Glibc
            #elseif canImport(Darwin)
            IMPORT Darwin
            #endif
            IMPORT Glibc
            #if os(macOS)
            #else
            @preconcurrency IMPORT Glibc
            #endif
            #if canImport(Glibc)
            #if DEBUG
            #endif
            IMPORT Glibc
            #else
            IMPORT Glibc
            #endif
            """.replacingOccurrences(of: "IMPORT", with: "import")
        #expect(Self.unguardedGlibcImports("x.swift", sample.split(separator: "\n", omittingEmptySubsequences: false))
                == ["x.swift:6", "x.swift:9", "x.swift:16"])
    }

    @Test("every `import Glibc` is inside `#if canImport(Glibc)`")
    func glibcImportsAreGuarded() throws {
        let files = try Self.swiftFiles()
        #expect(files.count > 100, "found only \(files.count) files under \(Self.root.path)")
        let unguarded = files.flatMap { Self.unguardedGlibcImports($0.path, $0.lines) }
        #expect(unguarded == [], "import Glibc outside #if canImport(Glibc):\n\(unguarded.joined(separator: "\n"))")
    }

    @Test("Linux-only names appear only in Platform*.swift files")
    func linuxOnlyNamesStayInPlatformFiles() throws {
        var found: [String] = []
        for (path, lines) in try Self.swiftFiles() {
            if (path.split(separator: "/").last ?? "").hasPrefix("Platform") { continue }
            for (n, raw) in lines.enumerated() {
                let code = raw.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                for (name, why) in Self.linuxOnly where code.contains(name) {
                    found.append("\(path):\(n + 1): \(name) (\(why))")
                }
            }
        }
        #expect(found == [], "Linux-only names outside Platform*.swift:\n\(found.joined(separator: "\n"))")
    }
}
