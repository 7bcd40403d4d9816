import Foundation
import PackagePlugin

/// Builds the course into kdslab: runs `kdslab-embed-course` on the package's `course.json`,
/// `content/` and `labs/`, whose output (`BuiltinCourse+Archive.swift`) is compiled into the
/// target that uses this plugin (`BuiltinCourse`).
///
/// Why a build-tool plugin rather than a generated file that is checked in (as the action
/// catalog is) or SwiftPM resources:
/// - Resources are copied into a `kdslab_BuiltinCourse.resources` folder beside the binary on
///   Linux, which a copied binary leaves behind; a release must be one file.
/// - A checked-in generated file drifts whenever the course changes, and the course changes
///   often and in parallel with the code (a review rewriting lessons while other branches
///   change kdslab): every such merge would need a regeneration step, and a forgotten one
///   ships a stale course. Generated at build time, the binary always carries the course in
///   the tree it was built from, and a course change is an ordinary diff of Markdown and JSON.
/// The costs: the generator (a small executable) is built once per build folder, and the
/// file is compiled again when the course changes. A test still reads the folders and checks
/// that the built-in course holds exactly their files.
@main
struct EmbedCourse: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltinCourse+Archive.swift")
        // Every file is an input, so a change to any of them, or one added or removed (which
        // changes this list), makes the command run again.
        let inputs = Self.files(under: ["course.json", "content", "labs"], in: root)
        return [
            .buildCommand(
                displayName: "Embedding the course in kdslab",
                executable: try context.tool(named: "kdslab-embed-course").url,
                arguments: [root.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]),
        ]
    }

    /// The regular files under `roots` in `base`, without names starting with `.` (as the
    /// generator reads them).
    static func files(under roots: [String], in base: URL) -> [URL] {
        let manager = FileManager.default
        var out: [URL] = []
        func walk(_ url: URL) {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
            if isDirectory.boolValue {
                for name in (try? manager.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasPrefix(".") {
                    walk(url.appendingPathComponent(name))
                }
            } else {
                out.append(url)
            }
        }
        for root in roots { walk(base.appendingPathComponent(root)) }
        return out
    }
}
