/// A required grant that any one of several actions meets, on one resource: a producer must be
/// able to find the stream's shards, with `DescribeStream`, `DescribeStreamSummary` or
/// `ListShards`, whichever its library calls.
///
/// `lab.json` writes it as a `required` entry with `oneOf` in place of `actions`. The answer
/// must be allowed at least one of the actions on the resource, in the check's context; the
/// other actions of the group are allowed but optional.
public struct GrantChoice: Sendable, Hashable, CustomStringConvertible {
    /// The actions, any one of which meets the requirement (at least two, in the lab's order).
    public var actions: [String]
    /// A resource ARN (short forms already expanded), a pattern, or `*`.
    public var resource: String

    /// Creates a group.
    public init(actions: [String], resource: String) {
        self.actions = actions
        self.resource = resource
    }

    /// Each action of the group on the resource: what the group lets the principal hold.
    public var grants: [Grant] { actions.map { Grant(action: $0, resource: resource) } }

    /// `one of kinesis:DescribeStream, kinesis:DescribeStreamSummary or kinesis:ListShards on arn:…`.
    public var description: String { "one of \(Self.either(actions)) on \(resource)" }

    /// `a`, `a or b`, `a, b or c`.
    static func either(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " or " + last
    }
}
