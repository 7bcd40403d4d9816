/// `UpdateStreamMode`'s input.
public struct UpdateStreamModeInput: Sendable, Equatable {
    /// `StreamARN` (required: this operation has no name form).
    public var streamARN: String?
    /// `StreamModeDetails.StreamMode` (required): `PROVISIONED` or `ON_DEMAND`.
    public var streamMode: String?
    /// `WarmThroughputMiBps` (accepted and ignored).
    public var warmThroughputMiBps: Int?

    /// Creates an input.
    public init(streamARN: String?, streamMode: String?, warmThroughputMiBps: Int? = nil) {
        self.streamARN = streamARN
        self.streamMode = streamMode
        self.warmThroughputMiBps = warmThroughputMiBps
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        v.required(streamARN, at: "streamARN")
        v.check(streamARN, at: "streamARN", length: 1...2048, pattern: .streamARN)
        v.required(streamMode, at: "streamModeDetails.streamMode")
        v.check(streamMode, at: "streamModeDetails.streamMode", oneOf: ["PROVISIONED", "ON_DEMAND"])
        v.check(warmThroughputMiBps, at: "warmThroughputMiBps", range: 0...Int(Int32.max))
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// Mode changes allowed per stream in any 24 hours.
    static let modeChangesPerDay = 2

    /// `UpdateStreamMode`: switches PROVISIONED ↔ ON_DEMAND, keeping the current shards. The
    /// stream goes UPDATING, then ACTIVE. `kinesis:UpdateStreamMode` has no resource type, so
    /// it is authorized on `*`.
    public mutating func updateStreamMode(_ input: UpdateStreamModeInput, as caller: Caller) throws(KinesisError) {
        try input.validate()
        let ref = try resolve(StreamTarget.arn(input.streamARN ?? ""), for: caller)
        try authorize(caller, "kinesis:UpdateStreamMode", on: "*", owner: ref.account, region: ref.region)
        // Validated above: one of the two modes.
        let mode = StreamMode(rawValue: input.streamMode ?? "") ?? .provisioned
        let onDemandCount = accounts[ref.account]?.streams[ref.region]?.values.filter { $0.mode == .onDemand }.count ?? 0
        let onDemandLimit = settings.onDemandStreamLimit
        let transition = updateTransition
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in
            if s.status == .deleting { throw .streamNotFound(s.name, account: s.account) }
            try Self.requireActive(s)
            if s.mode == mode {
                throw KinesisError(.invalidArgument, "Stream \(s.name) under account \(s.account) is already in \(mode.rawValue) mode.")
            }
            let dayAgo = transition.now.adding(milliseconds: -86_400_000)
            s.modeChangeHistory.removeAll { $0 <= dayAgo }
            if s.modeChangeHistory.count >= Self.modeChangesPerDay {
                throw KinesisError(.limitExceeded,
                    "Stream \(s.name) under account \(s.account) has already changed capacity mode \(s.modeChangeHistory.count) times in the last 24 hours; \(Self.modeChangesPerDay) changes are allowed per rolling 24-hour period.")
            }
            if mode == .onDemand && onDemandCount >= onDemandLimit {
                throw KinesisError(.limitExceeded,
                    "This request would exceed the limit of \(onDemandLimit) on-demand streams for the account \(s.account) in \(s.region).")
            }
            s.modeChangeHistory.append(transition.now)
            s.mode = mode
            transition.begin(on: &s)
        }
    }
}
