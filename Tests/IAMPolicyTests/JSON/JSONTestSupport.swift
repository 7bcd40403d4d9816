import Foundation
import Testing
@testable import IAMPolicy

/// Helpers shared by the JSON tests.
enum JSONTestSupport {
    /// Marks where an error is expected inside test input; removed before parsing.
    static let marker: Character = "⏵"

    /// The input without the marker, and the position the marker stood at.
    static func unmark(_ marked: String) -> (text: String, position: SourcePosition) {
        guard let markerIndex = marked.firstIndex(of: marker) else {
            preconditionFailure("test input has no ⏵ marker: \(marked)")
        }
        let prefix = marked[..<markerIndex]
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        for scalar in prefix.unicodeScalars {
            if scalar == "\n" {
                if previous != "\r" { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previous = scalar
        }
        var text = marked
        text.remove(at: markerIndex)
        return (text, SourcePosition(line: line, column: column, offset: prefix.utf8.count))
    }

    /// The error reading `text` throws, or nil when it reads fine.
    static func readError(_ text: String, limits: JSONReader.Limits = .policy) -> JSONReadError? {
        do {
            _ = try JSONReader(limits: limits).read(text)
            return nil
        } catch {
            return error
        }
    }

    /// The JSONTestSuite `test_parsing` folder among the test bundle's fixtures.
    static func suiteFolder() throws -> URL {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return fixtures.appendingPathComponent("json-test-suite/test_parsing", isDirectory: true)
    }

    /// The suite's file names starting with `prefix` (`y_`, `n_`, `i_`), sorted.
    static func suiteFiles(_ prefix: String) -> [String] {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        let folder = fixtures.appendingPathComponent("json-test-suite/test_parsing", isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }

    /// The bytes of one suite file.
    static func suiteBytes(_ name: String) throws -> [UInt8] {
        let url = try suiteFolder().appendingPathComponent(name)
        return [UInt8](try Data(contentsOf: url))
    }

    /// Generous size, policy depth: the suite has files over 128 KiB but nothing needs more than 64 levels.
    static let suiteLimits = JSONReader.Limits(maxBytes: 16 << 20, maxDepth: 64)
}
