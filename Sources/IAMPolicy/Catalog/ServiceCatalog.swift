/// The IAM action catalog: detailed definitions of some services (Kinesis Data Streams and KMS
/// in `aws`) plus the prefixes of other well-known services.
///
/// Lookups are case-insensitive, as IAM's action matching is. The value is immutable; indexes
/// are built once in `init`.
public struct ServiceCatalog: Sendable {
    /// The Kinesis Data Streams + KMS catalog, compiled in from `ServiceCatalog+Data.swift`.
    public static let aws = ServiceCatalog(services: generatedServices())

    /// The detailed services, in catalog order.
    public let services: [ServiceDefinition]
    /// Every action of every detailed service, in catalog order.
    public let allActions: [ActionDefinition]
    /// Lower-cased prefix -> index into `services`.
    private let serviceIndex: [String: Int]
    /// Lower-cased `prefix:name` -> action.
    private let actionIndex: [String: ActionDefinition]
    /// Lower-cased prefixes of services known but not detailed, plus the detailed ones.
    private let knownPrefixes: Set<String>

    /// Creates a catalog of `services`; `knownPrefixes` (default: `knownServicePrefixes`) name
    /// services that exist but are not detailed.
    public init(services: [ServiceDefinition], knownPrefixes: Set<String> = ServiceCatalog.knownServicePrefixes) {
        self.services = services
        self.allActions = services.flatMap(\.actions)
        var serviceIndex: [String: Int] = [:]
        for (i, service) in services.enumerated() {
            serviceIndex[service.prefix.lowercased()] = serviceIndex[service.prefix.lowercased()] ?? i
        }
        self.serviceIndex = serviceIndex
        var actionIndex: [String: ActionDefinition] = [:]
        actionIndex.reserveCapacity(allActions.count)
        for action in allActions {
            actionIndex[action.fullName.lowercased()] = actionIndex[action.fullName.lowercased()] ?? action
        }
        self.actionIndex = actionIndex
        self.knownPrefixes = Set(knownPrefixes.map { $0.lowercased() }).union(serviceIndex.keys)
    }

    /// The detailed service with this prefix, case-insensitively; `nil` for unknown services and
    /// for known services the catalog does not detail (`s3`).
    public func service(prefix: String) -> ServiceDefinition? {
        serviceIndex[prefix.lowercased()].map { services[$0] }
    }

    /// The action `service:Action` (`kinesis:putrecord`), case-insensitively; no wildcards.
    public func action(_ name: String) -> ActionDefinition? {
        actionIndex[name.lowercased()]
    }

    /// Whether `prefix` names an AWS service: a detailed one or a well-known one. Case-insensitive.
    public func isKnownService(_ prefix: String) -> Bool {
        knownPrefixes.contains(prefix.lowercased())
    }

    /// The detailed actions an IAM action pattern covers, in catalog order.
    ///
    /// `*` and `?` are wildcards and matching is case-insensitive: `kinesis:Get*`,
    /// `KINESIS:*records`, `kinesis:?etRecords`. A pattern made only of `*` covers every action;
    /// any other pattern without a `:` covers nothing. Actions of services the catalog does not
    /// detail are never returned (`s3:*` is empty).
    public func actions(matching pattern: String) -> [ActionDefinition] {
        if !pattern.isEmpty, pattern.utf8.allSatisfy({ $0 == UInt8(ascii: "*") }) {
            return allActions
        }
        guard let colon = pattern.firstIndex(of: ":") else { return [] }
        guard Glob.hasWildcard(pattern) else {
            return action(pattern).map { [$0] } ?? []
        }
        // A literal service part narrows the search to that service.
        let servicePart = String(pattern[..<colon])
        let candidates: [ActionDefinition]
        if Glob.hasWildcard(servicePart) {
            candidates = allActions
        } else if let service = service(prefix: servicePart) {
            candidates = service.actions
        } else {
            return []
        }
        let tokens = Glob.compile(pattern, caseInsensitive: true)
        return candidates.filter { action in
            var name = action.fullName
            return name.withUTF8 { Glob.matches(tokens, $0, caseInsensitive: true) }
        }
    }

    /// The resource type `name` of the detailed service `service`, both case-insensitive.
    public func resourceType(named name: String, service: String) -> ResourceTypeDefinition? {
        self.service(prefix: service)?.resourceType(named: name)
    }

    /// The resource types whose ARN pattern the concrete `arn` fits.
    ///
    /// Types of the service that owns the ARN (its third field) come first, so a KMS key ARN
    /// gives `kms`/`key` before Kinesis's reference type `kinesis`/`kmsKey`. Otherwise catalog
    /// order is kept. Empty for ARNs of other services and for malformed ARNs.
    public func resourceTypes(forARN arn: String) -> [(service: ServiceDefinition, resourceType: ResourceTypeDefinition)] {
        let fields = arn.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count > 3, fields[0] == "arn" else { return [] }
        let arnService = String(fields[2])
        var owned: [(service: ServiceDefinition, resourceType: ResourceTypeDefinition)] = []
        var referenced: [(service: ServiceDefinition, resourceType: ResourceTypeDefinition)] = []
        for service in services {
            for type in service.resourceTypes where type.matches(arn: arn) {
                if service.prefix == arnService {
                    owned.append((service, type))
                } else {
                    referenced.append((service, type))
                }
            }
        }
        return owned + referenced
    }

    /// Whether granting `action` lets a principal change who may do what: access level
    /// `Permissions management`, plus Kinesis's `PutResourcePolicy` and `DeleteResourcePolicy`,
    /// which AWS files under `Write` but which change a stream's or consumer's resource policy.
    public func isPermissionChanging(_ action: ActionDefinition) -> Bool {
        if action.accessLevel == .permissionsManagement { return true }
        return ServiceCatalog.permissionChangingActions.contains(action.fullName.lowercased())
    }

    /// Actions treated as permission-changing whatever their access level (lower case).
    static let permissionChangingActions: Set<String> = [
        "kinesis:putresourcepolicy",
        "kinesis:deleteresourcepolicy",
    ]
}
