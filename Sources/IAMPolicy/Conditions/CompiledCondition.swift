/// A condition with its values read once, ready to test against many requests.
///
/// Values that cannot be read for their operator (a date that is not a date) are kept as
/// `nil` and never match, as IAM treats them; the validator reports them as errors.
public final class CompiledCondition: Sendable {
    /// The condition as written.
    public let source: Condition
    /// The operator.
    public let op: ConditionOperator
    /// The key, lower-cased.
    public let key: String
    /// The values, read for the operator's family.
    let operands: Operands

    /// Values read for one operator family.
    enum Operands: Sendable {
        case strings([StringOperand])
        case numbers([DecimalNumber?])
        case dates([PolicyDate?])
        case bools([Bool?])
        case binaries([[UInt8]?])
        case cidrs([CIDRBlock?])
        case arns([StringOperand])
        case null([Bool?])
    }

    /// A string value: plain, or a template with policy variables.
    enum StringOperand: Sendable {
        case plain(text: String, tokens: [Glob.Token])
        case template(PolicyVariableTemplate)
    }

    /// Compiles `condition`; `variables` says whether `${...}` is substituted (Version 2012-10-17).
    public init(_ condition: Condition, variables: Bool) {
        source = condition
        op = condition.op
        key = condition.normalizedKey
        let texts = condition.values.map(\.text)
        switch op.base.family {
        case .string:
            let ci = op.base == .stringEqualsIgnoreCase || op.base == .stringNotEqualsIgnoreCase
            let like = op.base == .stringLike || op.base == .stringNotLike
            operands = .strings(texts.map { Self.stringOperand($0, variables: variables, wildcards: like, caseInsensitive: ci) })
        case .arn:
            operands = .arns(texts.map { Self.stringOperand($0, variables: variables, wildcards: true, caseInsensitive: false) })
        case .numeric:
            operands = .numbers(texts.map { DecimalNumber(parsing: $0) })
        case .date:
            operands = .dates(texts.map { PolicyDate(parsing: $0) })
        case .bool:
            operands = .bools(texts.map { Self.bool($0) })
        case .binary:
            operands = .binaries(texts.map { Base64.decode($0) })
        case .ip:
            operands = .cidrs(texts.map { CIDRBlock(parsing: $0) })
        case .null:
            operands = .null(texts.map { Self.bool($0) })
        }
    }

    private static func stringOperand(_ text: String, variables: Bool, wildcards: Bool, caseInsensitive: Bool) -> StringOperand {
        if variables, let t = PolicyVariableTemplate(text) { return .template(t) }
        let tokens: [Glob.Token] = wildcards
            ? Glob.compile(text, caseInsensitive: caseInsensitive)
            : text.utf8.map { .byte(caseInsensitive ? Glob.lowerASCII($0) : $0) }
        return .plain(text: text, tokens: tokens)
    }

    /// `true`/`false` in any case (AWS leaves the case open; the validator warns on anything
    /// but lower case).
    static func bool(_ s: String) -> Bool? {
        var s = s
        return s.withUTF8 { b in
            if b.count == 4, b[0] | 0x20 == 0x74, b[1] | 0x20 == 0x72, b[2] | 0x20 == 0x75, b[3] | 0x20 == 0x65 {
                return true
            }
            if b.count == 5, b[0] | 0x20 == 0x66, b[1] | 0x20 == 0x61, b[2] | 0x20 == 0x6C, b[3] | 0x20 == 0x73,
               b[4] | 0x20 == 0x65 {
                return false
            }
            return nil
        }
    }
}
