/// Finding streams and changing them in place.
extension KinesisWorld {
    /// Resolves a target to the stream it names. A name means the caller's account and
    /// region; an ARN may name another account (cross-account access through a resource
    /// policy) but not another region. Giving neither, or both disagreeing, is refused.
    func resolve(_ target: StreamTarget, for caller: Caller) throws(KinesisError) -> StreamRef {
        if let arn = target.arn {
            guard let ref = StreamRef(arn: arn) else {
                throw KinesisError(.invalidArgument, "Invalid StreamARN: \(arn)")
            }
            if ref.region != caller.region {
                throw KinesisError(.invalidArgument,
                    "Invalid StreamARN: \(arn). The stream's region \(ref.region) does not match the request's region \(caller.region).")
            }
            if let name = target.name, name != ref.name {
                throw KinesisError(.invalidArgument, "StreamARN \(arn) and StreamName \(name) do not name the same stream.")
            }
            return ref
        }
        guard let name = target.name else {
            throw KinesisError(.invalidArgument, "Either StreamName or StreamARN should be provided.")
        }
        return StreamRef(account: caller.principal.account, region: caller.region, name: name)
    }

    /// The stream `ref` names, if it exists.
    func stream(_ ref: StreamRef) -> Stream? {
        accounts[ref.account]?.streams[ref.region]?[ref.name]
    }

    /// The stream `ref` names, or `ResourceNotFoundException`.
    func existingStream(_ ref: StreamRef) throws(KinesisError) -> Stream {
        guard let s = stream(ref) else { throw .streamNotFound(ref.name, account: ref.account) }
        return s
    }

    /// Runs `body` on the stream in place (no copy of it or its records), or throws
    /// `ResourceNotFoundException`.
    mutating func modifyStream<R>(_ ref: StreamRef, _ body: (inout Stream) throws(KinesisError) -> R) throws(KinesisError) -> R {
        var outcome: Result<R, KinesisError>?
        // Optional chaining through the subscripts' modify accessors: one lookup per level,
        // nothing copied, and nothing inserted when the stream is missing.
        accounts[ref.account]?.streams[ref.region]?[ref.name]?.inPlace { s in
            do throws(KinesisError) {
                outcome = .success(try body(&s))
            } catch {
                outcome = .failure(error)
            }
        }
        guard let outcome else { throw .streamNotFound(ref.name, account: ref.account) }
        return try outcome.get()
    }

    /// Authorizes `action` on the stream `ref` names, with its resource policy and tags when
    /// it exists. Authorization comes before existence, so a caller who may not act on a
    /// stream cannot learn whether it exists.
    func authorize(_ caller: Caller, _ action: String, stream ref: StreamRef,
                   requestTags: [String: String]? = nil, tagKeys: [String]? = nil) throws(KinesisError) {
        guard authorizesCalls else { return try expiryCheck(caller) }
        let existing = stream(ref)
        try authorize(caller, action, on: ref.arn, owner: ref.account, region: ref.region,
                      resourcePolicy: existing?.resourcePolicy,
                      resourceTags: existing?.tags ?? [:], requestTags: requestTags, tagKeys: tagKeys)
    }

    /// A stream's control-plane change needs it ACTIVE.
    static func requireActive(_ s: Stream) throws(KinesisError) {
        guard s.status == .active else { throw .streamNotActive(s.name, account: s.account, status: s.status) }
    }

    /// Open shards across every stream of `account` in `region`.
    func openShardCount(account: String, region: String) -> Int {
        (accounts[account]?.streams[region]?.values).map { $0.reduce(0) { $0 + $1.openShards.count } } ?? 0
    }
}
