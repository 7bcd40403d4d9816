import IAMPolicy
import LabKit

/// Completion of `explain ACTION RESOURCE [as NAME] [over …] [via …] …` from the current
/// lab: actions from the catalog, the world's resources in short form, its principals, the
/// clause words and their values.
extension ReplCompleter {
    /// The words that may come after `args` (the words typed after `explain`).
    func explainCandidates(after args: [String]) -> [String] {
        switch args.count {
        case 0:
            return Self.actions
        case 1:
            return resources(for: args[0])
        default:
            let clauses = ExplainQuestion.clauses.map(\.word)
            let last = args[args.count - 1].lowercased()
            switch last {
            case "as": return principals
            case "over": return ["http", "https", "fips"]
            case "via": return endpointIDs
            case "from", "at", "with": return []
            default:
                let used = Set(args.dropFirst(2).map { $0.lowercased() })
                return clauses.filter { !used.contains($0) }
            }
        }
    }

    /// Kinesis actions by their short names, then every catalog action by its full name.
    static let actions: [String] = {
        let catalog = ServiceCatalog.aws
        return catalog.allActions.filter { $0.servicePrefix == "kinesis" }.map(\.name) + catalog.allActions.map(\.fullName)
    }()

    /// The world's resources as `explain` takes them: `stream/NAME` for the home account's
    /// streams (others by ARN), keys and aliases, `*`; and roles and users for IAM and STS
    /// actions.
    func resources(for action: String) -> [String] {
        guard let world = lab?.world else { return [] }
        var out: [String] = []
        for s in world.streams {
            out.append(s.account == world.account && s.region == world.region && world.stream(s.name) == s ? "stream/\(s.name)" : s.arn)
        }
        for k in world.keys {
            out.append("key/\(k.id)")
            out += k.aliases.map { $0.hasPrefix("alias/") ? $0 : "alias/\($0)" }
        }
        let service = action.lowercased().split(separator: ":").first.map(String.init) ?? ""
        if service == "sts" || service == "iam" {
            out += world.roles.map { "role/\($0.name)" } + world.users.map { "user/\($0.name)" }
        }
        return out + ["*"]
    }

    /// The world's users and roles: by name, and as `role/NAME` or `user/NAME`.
    var principals: [String] {
        guard let world = lab?.world else { return [] }
        let names = world.roles.map(\.name) + world.users.map(\.name)
        return names + world.roles.map { "role/\($0.name)" } + world.users.map { "user/\($0.name)" }
    }

    /// The VPC endpoint ids the lab's checks use.
    var endpointIDs: [String] {
        guard let lab else { return [] }
        var ids: [String] = []
        for check in lab.checks {
            switch check.kind {
            case .access(let a): ids += [a.request.via.vpce].compactMap { $0 }
            case .exactAccess(let e): ids += [e.via.vpce].compactMap { $0 }
            case .workload(let w): ids += w.steps.compactMap(\.via.vpce)
            case .predict(let p): ids += p.questions.compactMap(\.request.via.vpce)
            case .findings, .choice: break
            }
        }
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
