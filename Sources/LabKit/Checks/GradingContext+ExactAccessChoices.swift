import IAMPolicy
import KinesisSim

/// The one-of requirements of an `exact-access` check (`GrantChoice`), kept apart from the
/// check's main grading so each reads on its own.
extension GradingContext {
    /// The groups none of whose actions the caller is allowed on the group's resource, in the
    /// check's context, in the lab's order.
    func unmetChoices(_ spec: ExactAccessSpec, caller: Caller) -> [GrantChoice] {
        spec.requiredOneOf.filter { group in
            !group.actions.contains { action in
                world.decision(AccessQuery(caller: caller, action: action, resource: group.resource, context: spec.context)) == .allowed
            }
        }
    }

    /// The failure's words for unmet groups: "is not granted any of kinesis:DescribeStream,
    /// kinesis:DescribeStreamSummary or kinesis:ListShards on arn:… (one of them is needed)".
    func unmetChoicesPhrase(_ unmet: [GrantChoice]) -> String? {
        guard !unmet.isEmpty else { return nil }
        let groups = unmet.map { "any of \(GrantChoice.either($0.actions)) on \($0.resource)" }
        return "is not granted " + groups.joined(separator: ", nor ") + (unmet.count == 1 ? " (one of them is needed)" : " (one of each group is needed)")
    }
}
