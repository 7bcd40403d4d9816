import KinesisSim

/// `kdslab serve --transitions instant|aws [--transition-ms MS]`: whether the served world's
/// streams and consumers pass through CREATING, UPDATING and DELETING as on AWS (the
/// default), so a script that forgets `aws kinesis wait stream-exists` fails here as it
/// would there, or change state at once.
///
/// AWS takes seconds to minutes. The default here is 3 s: kinesalite's 500 ms is over
/// before the aws CLI's next command even starts (aws-cli 1.45 took 1.2–1.3 s a command on a
/// busy machine), so a shell script that forgets to wait would still work; 3 s spans the next
/// command or two, and `aws kinesis wait` still returns after its first 10 s pause.
/// `--transition-ms`, or else `KDSLAB_TRANSITION_MS`, sets another duration.
enum ServeTransitions: Equatable {
    case instant
    case aws(milliseconds: Int64)

    /// The default duration of each transition.
    static let defaultMilliseconds: Int64 = 3_000
    /// The longest duration accepted (ten minutes).
    static let maximumMilliseconds: Int64 = 600_000
    /// The environment variable that sets the duration when `--transition-ms` is not given.
    static let millisecondsVariable = "KDSLAB_TRANSITION_MS"

    /// The default: as on AWS, 3 s each.
    static let standard = ServeTransitions.aws(milliseconds: defaultMilliseconds)

    /// The world's transition times.
    var times: TransitionTimes {
        switch self {
        case .instant: .instant
        case .aws(let ms): .uniform(milliseconds: ms)
        }
    }

    /// The options' choice: `mode` (`--transitions`), `milliseconds` (`--transition-ms`),
    /// else `environment`'s ``millisecondsVariable``. A one-line usage error for a bad value.
    static func from(mode: String?, milliseconds: String?, environment: (String) -> String?) throws(CommandFailure) -> ServeTransitions {
        switch mode ?? "aws" {
        case "instant":
            if let given = milliseconds {
                throw .usage("--transition-ms `\(given)` applies only with --transitions aws", command: ServeCommand.name)
            }
            return .instant
        case "aws":
            if let given = milliseconds { return .aws(milliseconds: try duration(given, from: "--transition-ms")) }
            if let text = environment(millisecondsVariable), !text.isEmpty {
                return .aws(milliseconds: try duration(text, from: millisecondsVariable))
            }
            return standard
        case let other:
            throw .usage("--transitions `\(other)` is not `instant` or `aws`", command: ServeCommand.name)
        }
    }

    private static func duration(_ text: String, from source: String) throws(CommandFailure) -> Int64 {
        guard let ms = Int64(text), (1...maximumMilliseconds).contains(ms) else {
            throw .usage("\(source) `\(text)` is not a number of milliseconds from 1 to \(maximumMilliseconds) (--transitions instant skips transitions)",
                         command: ServeCommand.name)
        }
        return ms
    }

    /// The banner's line about transitions.
    var bannerLine: String {
        switch self {
        case .instant:
            "Transitions: instant (new streams are ACTIVE at once; AWS takes seconds, so wait there)."
        case .aws(let ms):
            "Transitions: as on AWS, \(ms) ms each (CREATING, UPDATING, DELETING): wait for them, e.g. aws kinesis wait stream-exists."
        }
    }
}
