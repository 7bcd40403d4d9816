/// Why `explain` cannot ask its question: one line for the learner, naming what was typed.
public enum ExplainRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not an action in the catalog; `suggestion` is the nearest one.
    case unknownAction(String, suggestion: String?)
    /// A wildcard where one action is needed.
    case actionPattern(String)
    /// Not an AWS service prefix.
    case unknownService(String)
    /// Not an ARN, `*` or a short form naming something in the world.
    case unknownResource(String)
    /// A stream the lab's world does not have; `streams` are the ones it has.
    case streamNotInWorld(String, suggestion: String?, streams: [String])
    /// Not a user or role of the lab's world; `suggestion` is the nearest one.
    case unknownPrincipal(String, suggestion: String?)
    /// A name the world has both a user and a role by.
    case ambiguousPrincipal(String)
    /// The lab names no principal to ask about.
    case noPrincipal
    /// `over` something other than http, https or fips.
    case badTransport(String)
    /// `via` something that is not a VPC endpoint id.
    case badEndpoint(String)
    /// `via` with `over http` (or fips): a VPC endpoint is reached over HTTPS only.
    case endpointConflict(String)
    /// `from` something that is not an IP address.
    case badAddress(String)
    /// `at` something that is not a time.
    case badTime(String)
    /// A `with` value that cannot be of its key's type.
    case badContextValue(key: String, value: String, expected: String)
    /// A `with` key given twice.
    case repeatedKey(String)

    /// One line for the learner.
    public var description: String {
        switch self {
        case .unknownAction(let a, let suggestion):
            "`\(a)` is not an action" + (suggestion.map { "; did you mean `\($0)`?" } ?? ": write kinesis:PutRecord, PutRecord or kms:Decrypt")
        case .actionPattern(let a):
            "`\(a)` is a pattern: `explain` asks about one action, such as kinesis:GetRecords"
        case .unknownService(let s):
            "`\(s)` is not an AWS service prefix: write kinesis:PutRecord, PutRecord or kms:Decrypt"
        case .unknownResource(let r):
            "`\(r)` is not a resource here: write an ARN, `*`, stream/NAME, key/ID or alias/NAME"
        case .streamNotInWorld(let name, let suggestion, let streams):
            "stream `\(name)` is not in this lab's world" + (suggestion.map { "; did you mean `stream/\($0)`?" }
                ?? (streams.isEmpty ? " (it has no streams)" : "; its streams: " + streams.joined(separator: ", ")))
        case .unknownPrincipal(let p, let suggestion):
            "`\(p)` is not a user or role of this lab" + (suggestion.map { "; did you mean `\($0)`?" } ?? ": write NAME, role/NAME or user/NAME")
        case .ambiguousPrincipal(let p):
            "this lab has a user and a role named `\(p)`: write user/\(p) or role/\(p)"
        case .noPrincipal:
            "this lab names no principal: add `as NAME`"
        case .badTransport(let t):
            "`over \(t)`: write over http, over https or over fips (a FIPS endpoint)"
        case .badEndpoint(let e):
            "`\(e)` is not a VPC endpoint id: write one such as vpce-0a1b2c3d4e5f67890"
        case .endpointConflict(let over):
            "a VPC endpoint takes HTTPS only: leave out `over \(over)` or `via`"
        case .badAddress(let a):
            "`\(a)` is not an IP address: write one such as 203.0.113.10 or 2001:db8::1"
        case .badTime(let t):
            "`\(t)` is not a time: write an ISO 8601 time such as 2026-03-01T12:00:00Z, or epoch seconds"
        case .badContextValue(let key, let value, let expected):
            "`\(key)=\(value)`: \(key) takes \(expected)"
        case .repeatedKey(let key):
            "`\(key)` is given twice after `with`"
        }
    }
}
