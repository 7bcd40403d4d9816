// kdslab-bench: measures the hot paths in a release build.
//
//   swift run -c release kdslab-bench [--output json] [--filter PREFIX]
//
// Prints one line per figure, `NAME VALUE UNIT`, or one JSON object with --output json.
// Each figure is the best of several timed rounds on one thread, so it reads as
// "what one core can do" and is not flattered by the machine's second core.
import Foundation
import IAMPolicy

/// One measured figure.
struct Figure {
    let name: String
    let value: Double
    let unit: String
}

/// Runs `body` (which performs `operations` units of work) for a few rounds and returns
/// the best rate in units per second.
func bestRate(rounds: Int = 5, operations: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var best = 0.0
    for _ in 0..<rounds {
        let elapsed = clock.measure(body)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        best = max(best, Double(operations) / max(seconds, 1e-9))
    }
    return best
}

/// Hides a value from the optimizer so loop-invariant work is not hoisted out of a loop.
@inline(never)
func opaque<T>(_ value: T) -> T {
    value
}

/// Keeps the optimizer from deleting work whose result is unused.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

let arguments = Array(CommandLine.arguments.dropFirst())
let json = arguments.contains("--output=json") || zip(arguments, arguments.dropFirst()).contains { $0 == "--output" && $1 == "json" }
let filter = zip(arguments, arguments.dropFirst()).first { $0.0 == "--filter" }?.1

var figures: [Figure] = []
@MainActor func record(_ name: String, _ value: Double, _ unit: String) {
    guard filter.map({ name.hasPrefix($0) }) ?? true else { return }
    figures.append(Figure(name: name, value: value, unit: unit))
    if !json {
        print("\(name) \(String(format: value >= 100 ? "%.0f" : "%.3f", value)) \(unit)")
        fflush(nil)
    }
}

for (name, value, unit) in PolicyBenchmarks.run(filter: filter) + StreamBenchmarks.run(filter: filter)
    + GradeBenchmarks.run(filter: filter)
    + ServeBenchmarks.run(filter: filter) {
    record(name, value, unit)
}

if json {
    let body = figures.map { "  \"\($0.name)\": {\"value\": \(String(format: "%.3f", $0.value)), \"unit\": \"\($0.unit)\"}" }
    print("{\n" + body.joined(separator: ",\n") + "\n}")
}
