extension CompiledCondition {
    /// Whether the condition holds for `context`; reports the key when it is missing.
    ///
    /// The rules for an absent key (the part naive evaluators get wrong):
    /// `Null` tests presence itself; `...IfExists` is true; `ForAllValues:` is true;
    /// `ForAnyValue:` is false; a negated operator is true; any other operator is false.
    public func evaluate(in context: RequestContext, missing: inout [String]) -> Bool {
        let present = context.value(forNormalizedKey: key)
        if case .null(let expected) = operands {
            let isAbsent = present == nil || present!.values.isEmpty
            // Several values OR: `"Null": {"k": ["true", "false"]}` is always true.
            return expected.contains { $0 == isAbsent }
        }
        guard let present, !(present.values.isEmpty && op.qualifier == nil) else {
            if present == nil { missing.append(source.key) }
            if op.ifExists { return true }
            switch op.qualifier {
            case .forAllValues: return true
            case .forAnyValue: return false
            case nil: return op.base.isNegated
            }
        }
        switch op.qualifier {
        case .forAllValues:
            // Every request value must satisfy the operator; an empty set does (vacuously).
            return present.values.allSatisfy { satisfies($0, context) }
        case .forAnyValue:
            return present.values.contains { satisfies($0, context) }
        case nil:
            // A multivalued key without a qualifier is left open by AWS; we evaluate it as
            // ForAnyValue and the validator flags it.
            return present.values.contains { satisfies($0, context) }
        }
    }

    /// Whether one request value satisfies the operator: OR over the policy values for a
    /// positive operator, NOR for a negated one.
    func satisfies(_ value: String, _ context: RequestContext) -> Bool {
        let matchesAny = matchesAnyPolicyValue(value, context)
        return op.base.isNegated ? !matchesAny : matchesAny
    }

    /// Whether `value` matches at least one policy value under the operator's positive form.
    private func matchesAnyPolicyValue(_ value: String, _ context: RequestContext) -> Bool {
        switch operands {
        case .strings(let ops):
            let ci = op.base == .stringEqualsIgnoreCase || op.base == .stringNotEqualsIgnoreCase
            let like = op.base == .stringLike || op.base == .stringNotLike
            var v = value
            return v.withUTF8 { bytes in
                ops.contains { operand in
                    switch operand {
                    case .plain(_, let tokens):
                        return Glob.matches(tokens, bytes, caseInsensitive: ci)
                    case .template(let t):
                        guard let tokens = t.resolve(in: context, wildcards: like, caseInsensitive: ci) else { return false }
                        return Glob.matches(tokens, bytes, caseInsensitive: ci)
                    }
                }
            }
        case .arns(let ops):
            guard let valueParts = ARN.components(of: value) else { return false }
            return ops.contains { operand in
                let pattern: String
                switch operand {
                case .plain(let text, _): pattern = text
                case .template(let t):
                    guard let s = Self.patternText(t, context) else { return false }
                    pattern = s
                }
                guard let patternParts = ARN.components(of: pattern) else {
                    // A pattern that is not six components (`*`, `arn:aws:kinesis:*`) is left
                    // open by AWS; we glob the whole value, and the validator flags the pattern.
                    return Glob.matches(pattern, value)
                }
                for (p, v) in zip(patternParts, valueParts) where !Glob.matches(String(p), String(v)) {
                    return false
                }
                return true
            }
        case .numbers(let ops):
            guard let v = DecimalNumber(parsing: value) else { return false }
            return ops.contains { $0.map { compare(v, $0) } ?? false }
        case .dates(let ops):
            guard let v = PolicyDate(parsing: value) else { return false }
            return ops.contains { $0.map { compare(v, $0) } ?? false }
        case .bools(let ops):
            guard let v = Self.bool(value) else { return false }
            return ops.contains { $0 == v }
        case .binaries(let ops):
            guard let v = Base64.decode(value) else { return false }
            return ops.contains { $0 == v }
        case .cidrs(let ops):
            guard let ip = IPAddress(parsing: value) else { return false }
            return ops.contains { $0?.contains(ip) ?? false }
        case .null:
            return false
        }
    }

    /// A template's text with variables filled in and its own wildcards kept (for ARN patterns).
    private static func patternText(_ t: PolicyVariableTemplate, _ context: RequestContext) -> String? {
        guard let tokens = t.resolve(in: context, wildcards: true) else { return nil }
        var bytes: [UInt8] = []
        for token in tokens {
            switch token {
            case .byte(let b): bytes.append(b)
            case .anyRun: bytes.append(UInt8(ascii: "*"))
            case .anyOne: bytes.append(UInt8(ascii: "?"))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Compares with the operator's positive relation (`NotEquals` compares as `Equals`).
    private func compare<T: Comparable>(_ request: T, _ policy: T) -> Bool {
        switch op.base {
        case .numericEquals, .numericNotEquals, .dateEquals, .dateNotEquals: request == policy
        case .numericLessThan, .dateLessThan: request < policy
        case .numericLessThanEquals, .dateLessThanEquals: request <= policy
        case .numericGreaterThan, .dateGreaterThan: request > policy
        case .numericGreaterThanEquals, .dateGreaterThanEquals: request >= policy
        default: false
        }
    }
}
