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
                // Work on compiled tokens, not on re-rendered text: a `*` or `?` produced by
                // `${*}`/`${?}` is a literal `.byte` token and must stay literal. (Rendering the
                // resolved template back to a string turned `${*}` into a wildcard, so
                // `ArnLike stream/a${*}` matched `stream/ab` — an over-grant.)
                let tokens: [Glob.Token]
                switch operand {
                case .plain(_, let t): tokens = t
                case .template(let t):
                    guard let resolved = t.resolve(in: context, wildcards: true) else { return false }
                    tokens = resolved
                }
                guard let patternParts = Self.arnComponents(tokens) else {
                    // A pattern that is not six components (`*`, `arn:aws:kinesis:*`) is left
                    // open by AWS; we glob the whole value, and the validator flags the pattern.
                    var whole = value
                    return whole.withUTF8 { Glob.matches(tokens, $0) }
                }
                for (p, v) in zip(patternParts, valueParts) {
                    var component = String(v)
                    if !component.withUTF8({ Glob.matches(p, $0) }) { return false }
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

    /// Splits a compiled ARN pattern into its six components at the first five literal
    /// colons; `nil` when it does not start with a literal `arn:` or has fewer colons.
    static func arnComponents(_ tokens: [Glob.Token]) -> [[Glob.Token]]? {
        let prefix: [Glob.Token] = "arn:".utf8.map { .byte($0) }
        guard tokens.starts(with: prefix) else { return nil }
        var parts: [[Glob.Token]] = []
        var current: [Glob.Token] = []
        for token in tokens {
            if token == .byte(UInt8(ascii: ":")) && parts.count < ARN.componentCount - 1 {
                parts.append(current)
                current = []
            } else {
                current.append(token)
            }
        }
        guard parts.count == ARN.componentCount - 1 else { return nil }
        parts.append(current)
        return parts
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
