import IAMPolicy

extension Finding {
    /// Access Analyzer's `ValidatePolicy` response: `{"findings": [...]}`.
    static func response(_ findings: [Finding]) -> JSONValue {
        .object([("findings", .array(findings.map(\.jsonValue)))])
    }

    /// One `ValidatePolicyFinding`, members in the order the AWS CLI prints them.
    var jsonValue: JSONValue {
        .object([
            ("findingDetails", .string(findingDetails)),
            ("findingType", .string(findingType.rawValue)),
            ("issueCode", .string(issueCode.rawValue)),
            ("learnMoreLink", .string(learnMoreLink)),
            ("locations", .array(locations.map(Self.locationJSON))),
        ])
    }

    static func locationJSON(_ location: FindingLocation) -> JSONValue {
        let path: [JSONValue] = location.path.map { element in
            switch element {
            case .value(let s): .object([("value", .string(s))])
            case .key(let s): .object([("key", .string(s))])
            case .index(let i): .object([("index", .number(i))])
            }
        }
        return .object([
            ("path", .array(path)),
            ("span", .object([("start", positionJSON(location.span.start)), ("end", positionJSON(location.span.end))])),
        ])
    }

    /// Access Analyzer's `Position`: line from 1, column from 0, offset from 0.
    /// (Our columns count from 1, so one is taken off; offsets count UTF-8 bytes.)
    static func positionJSON(_ p: SourcePosition) -> JSONValue {
        .object([("line", .number(p.line)), ("column", .number(p.column - 1)), ("offset", .number(p.offset))])
    }
}
