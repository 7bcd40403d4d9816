/// The input of `IncreaseStreamRetentionPeriod` and `DecreaseStreamRetentionPeriod` (the same shape).
public struct StreamRetentionPeriodInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `RetentionPeriodHours` (required; AWS accepts 24 … 8760).
    public var retentionPeriodHours: Int?

    /// Creates an input.
    public init(_ target: StreamTarget, retentionPeriodHours: Int?) {
        self.target = target
        self.retentionPeriodHours = retentionPeriodHours
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        v.required(retentionPeriodHours, at: "retentionPeriodHours")
        // The model's floor; 1 … 23 and > 8760 are semantic errors with AWS's own messages.
        v.check(retentionPeriodHours, at: "retentionPeriodHours", range: 1...Int(Int32.max))
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// The retention AWS allows, in hours.
    static let retentionHours = 24...8760

    /// `IncreaseStreamRetentionPeriod`: a value at least the current one (equal is accepted).
    /// Records that already aged out stay gone.
    public mutating func increaseStreamRetentionPeriod(_ input: StreamRetentionPeriodInput, as caller: Caller) throws(KinesisError) {
        try changeRetention(input, increase: true, as: caller)
    }

    /// `DecreaseStreamRetentionPeriod`: a value at most the current one (equal is accepted).
    /// Records older than the new period become unreadable at once.
    public mutating func decreaseStreamRetentionPeriod(_ input: StreamRetentionPeriodInput, as caller: Caller) throws(KinesisError) {
        try changeRetention(input, increase: false, as: caller)
    }

    private mutating func changeRetention(_ input: StreamRetentionPeriodInput, increase: Bool, as caller: Caller) throws(KinesisError) {
        try input.validate()
        guard let hours = input.retentionPeriodHours else { return }
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, increase ? "kinesis:IncreaseStreamRetentionPeriod" : "kinesis:DecreaseStreamRetentionPeriod",
                      stream: ref)
        let now = self.now
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in
            // The order kinesalite captured from AWS: existence, bounds, then direction.
            if hours < Self.retentionHours.lowerBound {
                throw KinesisError(.invalidArgument,
                    "Minimum allowed retention period is 24 hours. Requested retention period (\(hours) hours) is too short.")
            }
            if hours > Self.retentionHours.upperBound {
                throw KinesisError(.invalidArgument,
                    "Maximum allowed retention period is 8760 hours. Requested retention period (\(hours) hours) is too long.")
            }
            try Self.requireActive(s)
            if increase && hours < s.retentionHours {
                throw KinesisError(.invalidArgument,
                    "Requested retention period (\(hours) hours) for stream \(s.name) can not be shorter than existing retention period (\(s.retentionHours) hours). Use DecreaseRetentionPeriod API.")
            }
            if !increase && hours > s.retentionHours {
                throw KinesisError(.invalidArgument,
                    "Requested retention period (\(hours) hours) for stream \(s.name) can not be longer than existing retention period (\(s.retentionHours) hours). Use IncreaseRetentionPeriod API.")
            }
            s.retentionHours = hours
            if !increase {
                let cutoff = now.milliseconds - Int64(hours) * 3_600_000
                for i in s.shards.indices { s.shards[i].records.trim(arrivedBefore: cutoff) }
            }
        }
    }
}
