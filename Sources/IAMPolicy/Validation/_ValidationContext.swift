/// What every rule reads: the parsed policy, its text, the catalog and the options.
struct _ValidationContext: Sendable {
    let source: _SourceText
    let policy: Policy
    let type: PolicyType
    let catalog: ServiceCatalog
    let options: PolicyValidator.Options

    typealias Path = [FindingLocation.PathElement]

    // MARK: Paths (0-based indexes, as Access Analyzer writes them)

    func path(_ s: Statement) -> Path {
        [.value("Statement"), .index(s.index)]
    }

    func actionPath(_ s: Statement, _ j: Int) -> Path {
        path(s) + [.value(s.action.isNegated ? "NotAction" : "Action"), .index(j)]
    }

    func resourcePath(_ s: Statement, _ j: Int) -> Path {
        path(s) + [.value(s.resource?.isNegated == true ? "NotResource" : "Resource"), .index(j)]
    }

    func conditionPath(_ s: Statement, _ c: Condition) -> Path {
        path(s) + [.value("Condition"), .key(c.op.description), .key(c.key)]
    }

    func conditionValuePath(_ s: Statement, _ c: Condition, _ k: Int) -> Path {
        conditionPath(s, c) + [.index(k)]
    }

    func location(_ path: Path, _ span: SourceRange) -> FindingLocation {
        FindingLocation(path: path, span: span)
    }

    // MARK: Actions

    /// What an action pattern reaches, as far as the catalog can tell.
    enum Reach {
        /// `*`: every action of every service.
        case everything
        /// A pattern of a detailed service: exactly these actions (maybe none).
        case detailed([ActionDefinition])
        /// A service the catalog does not detail (or a wildcard service part): unknown.
        case unknown
    }

    func reach(_ pattern: ActionPattern) -> Reach {
        let text = pattern.text
        if !text.isEmpty, text.utf8.allSatisfy({ $0 == UInt8(ascii: "*") }) { return .everything }
        guard let service = pattern.service, !Glob.hasWildcard(service),
              catalog.service(prefix: service) != nil else { return .unknown }
        return .detailed(catalog.actions(matching: text))
    }

    /// The detailed actions a list of patterns reaches; `nil` when any pattern reaches
    /// something the catalog cannot list (`*`, `s3:GetObject`).
    func detailedActions(_ patterns: [ActionPattern]) -> [ActionDefinition]? {
        var out: [ActionDefinition] = []
        var seen = Set<String>()
        for p in patterns {
            guard case .detailed(let actions) = reach(p) else { return nil }
            for a in actions where seen.insert(a.fullName).inserted { out.append(a) }
        }
        return out
    }

    /// `` `a`, `b` and 3 more `` for messages.
    static func list(_ names: [String], limit: Int = 4) -> String {
        let quoted = names.prefix(limit).map { "`\($0)`" }
        var text: String
        switch quoted.count {
        case 0: return ""
        case 1: text = quoted[0]
        default: text = quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
        }
        if names.count > limit {
            text = quoted.joined(separator: ", ") + " and \(names.count - limit) more"
        }
        return text
    }

    // MARK: Resources

    /// The glob a resource type's ARN pattern stands for: every `${...}` becomes `*`.
    static func glob(for type: ResourceTypeDefinition) -> String {
        var bytes: [UInt8] = []
        for part in type.compiledPattern.parts {
            switch part {
            case .literal(let literal): bytes += literal
            case .placeholder: bytes.append(UInt8(ascii: "*"))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every resource type (of any detailed service) whose ARNs name `service` in their service field.
    func resourceTypes(arnService service: String) -> [ResourceTypeDefinition] {
        catalog.services.flatMap(\.resourceTypes).filter { $0.arnService == service }
    }

    /// The resource type definitions an action can act on.
    func resourceTypes(of action: ActionDefinition) -> [ResourceTypeDefinition] {
        action.resourceTypes.compactMap { catalog.resourceType(named: $0.name, service: action.servicePrefix) }
    }
}
