/// Where a finding points: a path into the policy document and the span of text there.
public struct FindingLocation: Sendable, Equatable, Hashable {
    /// The path, as Access Analyzer writes it: `[.value("Statement"), .index(0), .value("Action"), .index(1)]`.
    public var path: [PathElement]
    /// The text the finding is about (1-based line and column; the end is exclusive).
    public var span: SourceRange

    /// Creates a location.
    public init(path: [PathElement], span: SourceRange) {
        self.path = path
        self.span = span
    }

    /// One step of a path, mirroring Access Analyzer's `PathElement` (indexes are 0-based).
    public enum PathElement: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// A member name that is a policy element (`Statement`, `Action`, `Condition`).
        case value(String)
        /// A position in an array, 0-based.
        case index(Int)
        /// A member name chosen by the author: a condition operator or a condition key.
        case key(String)

        /// `Statement`, `[0]`, `StringEquals`.
        public var description: String {
            switch self {
            case .value(let s), .key(let s): s
            case .index(let i): "[\(i)]"
            }
        }
    }

    /// The path written out: `Statement[0].Action[1]`.
    public var pathDescription: String {
        var out = ""
        for element in path {
            if case .index = element { out += element.description } else {
                out += (out.isEmpty ? "" : ".") + element.description
            }
        }
        return out
    }
}
