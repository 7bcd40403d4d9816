/// A condition operator must compare the key's type: `Bool` for `aws:SecureTransport`,
/// `IpAddress` for `aws:SourceIp`, a Date operator for `aws:CurrentTime`. A `StringEquals`
/// on a Boolean key compares text where IAM means a Boolean; a `NumericLessThan` on a date
/// key never compares dates.
///
/// Access Analyzer's general warning `TYPE_MISMATCH` ("Use the operator type … instead of
/// operator … for the condition key …"), so a WARNING. Like Access Analyzer, String and ARN
/// operators are accepted on each other's keys (an ARN is a string; `aws:SourceAccount`
/// takes `ArnLike`), and `aws:EpochTime` takes Date or Numeric operators. Key types come
/// from `_ConditionKeyTypes` (global keys) and the catalog; keys neither knows, and `Null`,
/// are not judged.
struct OperatorTypeRule: _ValidationRule {
    /// Keys that also take a second operator family (IAM User Guide: `aws:EpochTime` is
    /// "Date or Numeric").
    static let alsoAccepted: [String: BaseConditionOperator.Family] = ["aws:epochtime": .numeric]

    func check(_ context: _ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.policy.statements {
            for c in s.conditions where c.op.base != .null {
                guard let type = _ConditionKeyTypes.type(of: c.key, catalog: context.catalog) else { continue }
                let accepted = Self.families(for: type.elementType) + (Self.alsoAccepted[c.normalizedKey].map { [$0] } ?? [])
                guard !accepted.contains(c.op.base.family) else { continue }
                findings.append(Finding(
                    .typeMismatch,
                    "Use the operator type \(Self.names(accepted)) instead of operator `\(c.op)` for the condition key `\(c.key)` in \(s.label); the key's values are of type \(type.rawValue).",
                    path: context.conditionPath(s, c), span: c.keyRange))
            }
        }
        return findings
    }

    /// The operator families that compare a single value of `type`.
    static func families(for type: ConditionKeyType) -> [BaseConditionOperator.Family] {
        switch type {
        case .string, .arn: [.string, .arn]
        case .numeric: [.numeric]
        case .date: [.date]
        case .bool: [.bool]
        case .ipAddress: [.ip]
        case .binary: [.binary]
        case .arrayOfString, .arrayOfARN, .arrayOfNumeric, .arrayOfBool, .arrayOfDate, .arrayOfIPAddress, .arrayOfBinary:
            [] // not reached: callers pass the element type
        }
    }

    /// `Bool`, `String or Arn`, `Date or Numeric`: how AWS names operator types.
    static func names(_ families: [BaseConditionOperator.Family]) -> String {
        families.map { f -> String in
            switch f {
            case .string: "String"
            case .numeric: "Numeric"
            case .date: "Date"
            case .bool: "Bool"
            case .binary: "Binary"
            case .ip: "IpAddress"
            case .arn: "Arn"
            case .null: "Null"
            }
        }.joined(separator: " or ")
    }
}
