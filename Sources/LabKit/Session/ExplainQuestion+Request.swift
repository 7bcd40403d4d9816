extension ExplainQuestion {
    /// The question that asks about `request` in `world`, in the short forms a learner types:
    /// a Kinesis action without its prefix, `stream/NAME`, a principal by name.
    public init(asking request: AccessRequestSpec, in world: WorldSpec) {
        let action = request.action.hasPrefix("kinesis:") ? String(request.action.dropFirst(8)) : request.action
        var resource = request.resource
        if let s = world.streams.first(where: { $0.arn == request.resource }), s.account == world.account,
           s.region == world.region, world.stream(s.name) == s {
            resource = "stream/\(s.name)"
        }
        let ref = request.principal
        let sameName = (world.users + world.roles).filter { $0.name == ref.name }.count
        let principal = sameName == 1 ? ref.name : ref.description
        self.init(action: action, resource: resource, principal: principal)
        switch request.via.endpoint {
        case .https: break
        case .http: over = "http"
        case .fips: over = "fips"
        case .vpce: via = request.via.vpce ?? ConnectionSpec.defaultEndpointID
        }
        from = request.via.sourceIp
        for (key, value) in request.context.sorted(by: { $0.key < $1.key }) {
            switch key.lowercased() {
            case "aws:currenttime": at = value.values.first
            case "aws:epochtime" where request.context.keys.contains { $0.lowercased() == "aws:currenttime" }: continue
            default: with.append(ContextPair(key: key, value: value.values.joined(separator: ",")))
            }
        }
    }

    /// The line to type: `explain GetRecords stream/orders as fraud-scorer over http`.
    public var commandLine: String {
        var words = ["explain", action, resource]
        if let principal { words += ["as", principal] }
        if let over { words += ["over", over] }
        if let via { words += ["via", via] }
        if let from { words += ["from", from] }
        if let at { words += ["at", at] }
        if !with.isEmpty { words += ["with"] + with.map { "\($0.key)=\($0.value)" } }
        return words.joined(separator: " ")
    }
}
