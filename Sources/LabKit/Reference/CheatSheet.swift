import IAMPolicy

/// The Kinesis and KMS actions each stream role needs, with each action's access level and
/// resource types read from the bundled action catalog, and every action that takes only
/// `"Resource": "*"`. `cheatsheet` in the REPL prints it.
public struct CheatSheet: Sendable, Equatable {
    /// One action as the catalog describes it.
    public struct Entry: Sendable, Equatable {
        /// `kinesis:PutRecord`.
        public var action: String
        /// `Write`, `Read`, …
        public var accessLevel: String
        /// The resource types the action takes (`stream`, `consumer`, `kmsKey + stream`), or
        /// `* only`.
        public var resources: String
        /// Whether the catalog counts it as changing who may access something.
        public var changesPermissions: Bool
        /// Why the role needs it, when the role's list alone does not say.
        public var note: String?
    }

    /// One role, or one list.
    public struct Section: Sendable, Equatable {
        /// `producer`.
        public var title: String
        /// What the role does, and what it must not hold.
        public var summary: String
        /// The actions.
        public var entries: [Entry]
    }

    /// The sections, roles first, then the `*`-only actions.
    public var sections: [Section]

    /// A role's actions before the catalog is asked: (action, note).
    typealias Plan = (title: String, summary: String, actions: [(String, String?)])

    static let roles: [Plan] = [
        ("producer", "Writes records. Never reads, never changes the stream.", [
            ("kinesis:PutRecord", nil), ("kinesis:PutRecords", nil),
            ("kinesis:ListShards", "discovery: one of ListShards, DescribeStreamSummary or DescribeStream"),
            ("kinesis:DescribeStreamSummary", "discovery (one of three)"), ("kinesis:DescribeStream", "discovery (one of three)"),
            ("kms:GenerateDataKey", "with a customer managed key; condition kms:ViaService"),
        ]),
        ("consumer", "Reads records by polling. Never writes. The KCL also needs its DynamoDB lease table and CloudWatch PutMetricData.", [
            ("kinesis:GetShardIterator", nil), ("kinesis:GetRecords", nil),
            ("kinesis:ListShards", "discovery: one of ListShards, DescribeStreamSummary or DescribeStream"),
            ("kinesis:DescribeStreamSummary", "discovery (one of three)"), ("kinesis:DescribeStream", "discovery (one of three)"),
            ("kms:Decrypt", "with a customer managed key; condition kms:ViaService"),
        ]),
        ("enhanced fan-out consumer", "Reads records pushed to its own registered consumer. Name its consumer ARN, consumer/NAME:*, not consumer/*.", [
            ("kinesis:RegisterStreamConsumer", nil), ("kinesis:SubscribeToShard", "on the consumer's ARN"),
            ("kinesis:DescribeStreamConsumer", "on the consumer's ARN"), ("kinesis:DeregisterStreamConsumer", "optional clean-up"),
            ("kinesis:ListShards", "discovery (one of three)"),
            ("kms:Decrypt", "with a customer managed key; condition kms:ViaService"),
        ]),
        ("resharding operator", "Changes capacity. Never reads or writes records.", [
            ("kinesis:SplitShard", nil), ("kinesis:MergeShards", nil), ("kinesis:ListShards", nil),
            ("kinesis:DescribeStreamSummary", nil), ("kinesis:UpdateShardCount", "on every stream of the account, or none"),
        ]),
        ("administrator", "Creates, configures and deletes streams. Never touches records or resource policies.", [
            ("kinesis:CreateStream", nil), ("kinesis:DeleteStream", nil), ("kinesis:DescribeStreamSummary", nil),
            ("kinesis:AddTagsToStream", nil), ("kinesis:RemoveTagsFromStream", nil), ("kinesis:ListTagsForStream", nil),
            ("kinesis:IncreaseStreamRetentionPeriod", nil), ("kinesis:DecreaseStreamRetentionPeriod", nil),
            ("kinesis:StartStreamEncryption", "the key's ARN too"), ("kinesis:StopStreamEncryption", "the key's ARN too"),
            ("kinesis:UpdateStreamMode", nil), ("kinesis:ListStreams", nil),
            ("kms:DescribeKey", "to pick the key"), ("kms:ListAliases", "to pick the key"),
        ]),
        ("sharing (whoever decides who else may use a stream)", "Changes or reads who may access a stream or consumer. Keep it away from producers and consumers; `kinesis:Put*` and `kinesis:Get*` include two of these.", [
            ("kinesis:PutResourcePolicy", nil), ("kinesis:DeleteResourcePolicy", nil), ("kinesis:GetResourcePolicy", nil),
        ]),
    ]

    /// The cheat sheet for the course, built from `catalog`.
    public static func course(catalog: ServiceCatalog = .aws) -> CheatSheet {
        var sections = roles.map { plan in
            Section(title: plan.title, summary: plan.summary,
                    entries: plan.actions.compactMap { name, note in entry(name, note: note, catalog: catalog) })
        }
        let starOnly = catalog.allActions.filter(\.requiresWildcardResource)
        sections.append(Section(title: "*-only actions",
                                summary: "No resource type in IAM: only \"Resource\": \"*\" grants them, on every resource at once.",
                                entries: starOnly.compactMap { entry($0.fullName, note: nil, catalog: catalog) }))
        return CheatSheet(sections: sections)
    }

    /// The catalog's view of one action, or `nil` when the catalog does not have it.
    static func entry(_ name: String, note: String?, catalog: ServiceCatalog) -> Entry? {
        guard let a = catalog.action(name) else { return nil }
        let resources = a.requiresWildcardResource ? "* only" : a.resourceTypeNames.joined(separator: " + ")
        return Entry(action: a.fullName, accessLevel: a.accessLevel.rawValue, resources: resources,
                     changesPermissions: catalog.isPermissionChanging(a), note: note)
    }

    /// The sections whose title starts with `word`, else those with an action containing it
    /// (ignoring case), with only the matching actions; every section for an empty word.
    public func sections(matching word: String) -> [Section] {
        let w = word.lowercased()
        if w.isEmpty { return sections }
        let byTitle = sections.filter { $0.title.lowercased().hasPrefix(w) }
        if !byTitle.isEmpty { return byTitle }
        return sections.compactMap { s in
            let hits = s.entries.filter { $0.action.lowercased().contains(w) }
            return hits.isEmpty ? nil : Section(title: s.title, summary: s.summary, entries: hits)
        }
    }
}
