/// The values one free context key may take, cut into the classes its conditions cannot
/// tell apart, one representative each (absence is the caller's to add).
///
/// Conditions on the key are grouped by operator family; each family has its own way to
/// cut its domain (``LanguagePartition`` for strings and ARNs, ``ValueCells`` for numbers,
/// dates and addresses). A key compared in two families at once (`StringEquals` and
/// `NumericLessThan` on one key) is outside the supported language.
enum KeyDomain {
    /// Representative values of `key` given `conditions`; a policy variable in a value is
    /// filled in from `base`, which must already hold every key the variable names (or know
    /// it absent, listed in `tied`).
    static func values(key: String, type: ConditionKeyType?, conditions: [KeyCondition], base: RequestContext,
                       tied: Set<String>, earliest: Int64?) throws(AnalysisUnknown) -> [ContextValue] {
        let families = Set(conditions.map(\.condition.op.base.family)).subtracting([.null])
        let declared = type?.elementType
        let multivalued = (type?.isMultivalued ?? false)
            || (type == nil && conditions.contains { $0.condition.op.qualifier != nil })
        let family: BaseConditionOperator.Family
        switch families.count {
        case 0: family = declared.map(Self.family(of:)) ?? .string
        case 1: family = families.first!
        default:
            if families == [.string, .arn] { family = .arn } else {
                throw AnalysisUnknown("the context key \(key) is compared as \(families.map(\.rawValue).sorted().joined(separator: " and ")) at once")
            }
        }
        var elements: [String]
        switch family {
        case .string, .arn:
            var languages: [StringLanguage] = []
            for kc in conditions where kc.condition.op.base.family == .string || kc.condition.op.base.family == .arn {
                for v in kc.condition.values {
                    guard let l = try language(of: v.text, kc, base: base, tied: tied) else { continue }
                    if l.hasNonASCII { throw AnalysisUnknown("a value of \(key) holds characters outside ASCII") }
                    languages.append(l)
                }
            }
            let domain: StringLanguage = (family == .arn || declared == .arn) ? arnShape : .anything
            do {
                elements = try LanguagePartition(domain: domain, patterns: languages).cells.map(\.witness)
            } catch {
                throw AnalysisUnknown("the values of \(key) split into too many classes (\(error.states) states)")
            }
        case .numeric:
            let constants = conditions.flatMap { $0.condition.values.compactMap { DecimalNumber(parsing: $0.text) } }
            guard let cells = ValueCells.numbers(constants) else {
                throw AnalysisUnknown("the numbers compared with \(key) are too close together to separate")
            }
            elements = cells
        case .date:
            let constants = conditions.flatMap { $0.condition.values.compactMap { PolicyDate(parsing: $0.text)?.epochMilliseconds } }
            elements = ValueCells.instants(constants, earliest: nil).map { PolicyDate.fromEpochMilliseconds($0).iso8601String }
        case .bool, .null:
            elements = ["true", "false"]
        case .ip:
            elements = ValueCells.addresses(conditions.flatMap { $0.condition.values.compactMap { CIDRBlock(parsing: $0.text) } })
                .map(\.description)
        case .binary:
            var seen: Set<String> = []
            elements = conditions.flatMap { $0.condition.values.map(\.text) }.filter { seen.insert($0).inserted }
            elements.append(seen.contains("a2RzbGFi") ? "a2RzbGFiMg==" : "a2RzbGFi")
        }
        let contextType = contextKeyType(family, multivalued: multivalued)
        guard multivalued else { return elements.map { ContextValue(type: contextType, values: [$0]) } }
        // A set of values: which classes it holds is what its conditions can see.
        guard elements.count <= 6 else {
            throw AnalysisUnknown("the values of the multivalued key \(key) split into \(elements.count) classes, more than the 6 whose every combination the analysis tries")
        }
        var sets: [ContextValue] = []
        for mask in 0..<(1 << elements.count) {
            let chosen = elements.indices.filter { mask & (1 << $0) != 0 }.map { elements[$0] }
            sets.append(ContextValue(type: contextType, values: chosen))
        }
        return sets
    }

    /// The language of one condition value under its operator; `nil` when a variable in it
    /// cannot be filled in from `base` (the value then matches nothing, as IAM has it).
    static func language(of text: String, _ kc: KeyCondition, base: RequestContext,
                         tied: Set<String>) throws(AnalysisUnknown) -> StringLanguage? {
        let op = kc.condition.op.base
        let ci = op == .stringEqualsIgnoreCase || op == .stringNotEqualsIgnoreCase
        let like = op == .stringLike || op == .stringNotLike || op.family == .arn
        var tokens: [Glob.Token]
        if kc.variables, let template = PolicyVariableTemplate(text) {
            for v in template.variableKeys where !tied.contains(v.lowercased()) {
                throw AnalysisUnknown("the value \"\(text)\" of \(kc.condition.key) names the variable ${\(v)}, which the analysis cannot tie to the request")
            }
            guard let resolved = template.resolve(in: base, wildcards: like) else { return nil }
            tokens = resolved
        } else {
            tokens = like ? Glob.compile(text) : text.utf8.map { .byte($0) }
        }
        if op.family == .arn { return .arnLike(tokens: tokens) }
        return StringLanguage(globTokens: tokens, caseInsensitive: ci)
    }

    /// What an ARN looks like: `arn:` and at least five colons.
    static let arnShape: StringLanguage = {
        let part = StringLanguage([.run(ByteSet.all(except: ByteSet([UInt8(ascii: ":")])))])
        let colon = StringLanguage.literal(":")
        return .literal("arn") + colon + part + colon + part + colon + part + colon + part + colon + .anything
    }()

    private static func family(of type: ConditionKeyType) -> BaseConditionOperator.Family {
        switch type {
        case .numeric, .arrayOfNumeric: .numeric
        case .bool, .arrayOfBool: .bool
        case .date, .arrayOfDate: .date
        case .arn, .arrayOfARN: .arn
        case .ipAddress, .arrayOfIPAddress: .ip
        case .binary, .arrayOfBinary: .binary
        case .string, .arrayOfString: .string
        }
    }

    private static func contextKeyType(_ family: BaseConditionOperator.Family, multivalued: Bool) -> ContextKeyType {
        switch family {
        case .string, .arn, .null: multivalued ? .stringList : .string
        case .numeric: multivalued ? .numericList : .numeric
        case .date: multivalued ? .dateList : .date
        case .bool: multivalued ? .booleanList : .boolean
        case .ip: multivalued ? .ipList : .ip
        case .binary: multivalued ? .binaryList : .binary
        }
    }
}
