/// Turns the parser's `MalformedPolicyDocument` errors into ERROR findings.
enum _ParseErrorMapping {
    static func finding(for error: PolicyParseError, in source: _SourceText, type: PolicyType) -> Finding {
        let code = issueCode(for: error, in: source, type: type)
        // IAM's own words first, then our explanation (which quotes the input).
        let details = error.message == PolicyParser.syntaxErrors || error.message.isEmpty
            ? capitalized(error.detail)
            : "\(error.message.hasSuffix(".") ? error.message : error.message + ":") \(error.detail)"
        return Finding(code, details, path: path(error.path), span: error.range)
    }

    /// The nearest Access Analyzer code for a parse error.
    static func issueCode(for error: PolicyParseError, in source: _SourceText, type: PolicyType) -> IssueCode {
        switch error.code {
        case .jsonSyntax, .tooDeep: return .jsonSyntaxError
        case .tooLarge:
            switch type {
            case .identity: return .policySizeExceedsIdentityPolicyQuota
            case .serviceControl: return .policySizeExceedsSCPQuota
            case .resource, .trust: return .policySizeExceedsResourcePolicyQuota
            }
        case .notAnObject, .wrongType: return .dataTypeMismatch
        case .unknownField: return .invalidPolicyElement
        case .duplicateField: return .duplicateElement
        case .invalidVersion: return .invalidVersion
        case .missingStatement: return .missingStatement
        case .emptyList:
            let names = path(error.path).compactMap { if case .value(let v) = $0 { v } else { nil } }
            switch names.last {
            case "Action", "NotAction": return .emptyArrayAction
            case "Resource", "NotResource": return .emptyArrayResource
            case "Statement": return .emptyArrayStatement
            case "Principal", "NotPrincipal": return .emptyArrayPrincipal
            default: return names.contains("Principal") || names.contains("NotPrincipal") ? .emptyArrayPrincipal : .emptyArrayCondition
            }
        case .missingEffect: return .missingEffect
        case .invalidEffect: return .invalidEffect
        case .missingAction: return .missingAction
        case .bothActionAndNotAction, .bothResourceAndNotResource, .bothPrincipalAndNotPrincipal:
            return .unsupportedElementCombination
        case .invalidActionFormat:
            // `kin*:PutRecord`, `Kinesis:PutRecord`: the service part itself is bad.
            let text = source.unquoted(error.range)
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty { return .invalidServiceInAction }
            return .invalidAction
        case .missingResource: return .missingResource
        case .invalidResourceFormat: return .invalidARNPrefix
        case .prohibitedPrincipal: return .unsupportedPrincipal
        case .missingPrincipal: return .missingPrincipal
        case .invalidPrincipal: return .invalidPrincipalFormat
        case .invalidConditionOperator:
            let name = source.unquoted(error.range)
            return name.hasSuffix("NullIfExists") ? .nullWithIfExists : .invalidConditionOperator
        case .invalidConditionKey: return .invalidConditionKeyFormat
        case .invalidSid: return .unsupportedSid
        case .duplicateSid: return .uniqueSidsRequired
        }
    }

    /// `Statement[2].Condition.StringEquals.aws:SourceVpce` (1-based) as path elements (0-based).
    static func path(_ text: String) -> [FindingLocation.PathElement] {
        guard !text.isEmpty else { return [] }
        var out: [FindingLocation.PathElement] = []
        var inCondition = false
        for component in text.split(separator: ".", omittingEmptySubsequences: false) {
            var name = Substring(component)
            var index: Int?
            if name.hasSuffix("]"), let open = name.lastIndex(of: "["),
               let n = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                index = n - 1
                name = name[..<open]
            }
            if !name.isEmpty {
                out.append(inCondition ? .key(String(name)) : .value(String(name)))
            }
            if name == "Condition" { inCondition = true }
            if let index { out.append(.index(index)) }
        }
        return out
    }

    private static func capitalized(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}
