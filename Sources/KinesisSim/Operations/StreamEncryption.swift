/// The input of `StartStreamEncryption` and `StopStreamEncryption` (the same shape).
public struct StreamEncryptionInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `EncryptionType` (required): `KMS` or `NONE` in the model; only `KMS` is accepted.
    public var encryptionType: String?
    /// `KeyId` (required): a key ARN, an alias ARN, a key id, or an alias name such as `alias/aws/kinesis`.
    public var keyId: String?

    /// Creates an input.
    public init(_ target: StreamTarget, encryptionType: String? = "KMS", keyId: String?) {
        self.target = target
        self.encryptionType = encryptionType
        self.keyId = keyId
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        v.required(encryptionType, at: "encryptionType")
        v.check(encryptionType, at: "encryptionType", oneOf: ["NONE", "KMS"])
        v.required(keyId, at: "keyId")
        v.check(keyId, at: "keyId", length: 1...2048)
        try v.throwIfAny()
    }

    /// `NONE` passes the model but names no encryption to start or stop.
    func requireKMS() throws(KinesisError) {
        guard encryptionType == "KMS" else {
            throw KinesisError(.invalidArgument,
                "Invalid EncryptionType \(encryptionType ?? "null"). The only supported EncryptionType is KMS.")
        }
    }
}

extension KinesisWorld {
    /// `StartStreamEncryption`: server-side encryption with a KMS key. The caller needs
    /// `kinesis:StartStreamEncryption` on the stream ARN and on the key ARN, and (except for the
    /// AWS managed `alias/aws/kinesis` key, created on first use) `kms:GenerateDataKey` on the key,
    /// which the key policy must allow too. The stream goes UPDATING, then ACTIVE; records
    /// written afterwards are encrypted. A stream already encrypted switches to the new key.
    public mutating func startStreamEncryption(_ input: StreamEncryptionInput, as caller: Caller) throws(KinesisError) {
        try input.validate()
        guard let keyId = input.keyId else { return }
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:StartStreamEncryption", stream: ref)
        try input.requireKMS()
        let stream = try existingStream(ref)
        try Self.requireActive(stream)
        if Self.namesAWSManagedKinesisKey(keyId, account: ref.account, region: ref.region) {
            addAWSManagedKinesisKey(account: ref.account, region: ref.region)
        }
        guard let key = key(named: keyId, account: ref.account, region: ref.region) else {
            throw KinesisError(.kmsNotFound,
                "Key '\(keyId)' does not exist (Service: AWSKMS; Status Code: 400; Error Code: NotFoundException)")
        }
        // The action's second resource type: the Kinesis statement must name the key too.
        // The call is to the stream's Kinesis endpoint, so aws:RequestedRegion is the stream's region.
        try authorize(caller, "kinesis:StartStreamEncryption", on: key.arn, owner: ref.account, region: ref.region,
                      resourcePolicy: stream.resourcePolicy)
        // State checks, then the key policy and the caller's KMS permissions.
        try authorizeKMS(caller, "kms:GenerateDataKey", keyId: key.arn, stream: stream)
        let transition = updateTransition
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in
            s.encryption = .kms(keyId: keyId)
            transition.begin(on: &s)
        }
    }

    /// `StopStreamEncryption`: back to no encryption. `KeyId` must name the key the stream is
    /// encrypted with (any of its names); the caller needs `kinesis:StopStreamEncryption` on the
    /// stream ARN and the key ARN. Records already written stay encrypted.
    public mutating func stopStreamEncryption(_ input: StreamEncryptionInput, as caller: Caller) throws(KinesisError) {
        try input.validate()
        guard let keyId = input.keyId else { return }
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:StopStreamEncryption", stream: ref)
        try input.requireKMS()
        let stream = try existingStream(ref)
        try Self.requireActive(stream)
        guard case .kms(let current) = stream.encryption else {
            throw KinesisError(.invalidArgument, "Stream \(stream.name) under account \(stream.account) is not encrypted.")
        }
        let given = key(named: keyId, account: ref.account, region: ref.region)
        let existing = key(named: current, account: ref.account, region: ref.region)
        let same = keyId == current || (given != nil && given?.arn == existing?.arn)
        guard same else {
            throw KinesisError(.invalidArgument,
                "The KeyId \(keyId) does not match the key stream \(stream.name) under account \(stream.account) is encrypted with.")
        }
        let keyARN = existing?.arn ?? given?.arn ?? Self.keyARN(for: current, account: ref.account, region: ref.region)
        try authorize(caller, "kinesis:StopStreamEncryption", on: keyARN, owner: ref.account, region: ref.region,
                      resourcePolicy: stream.resourcePolicy)
        let transition = updateTransition
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in
            s.encryption = .none
            transition.begin(on: &s)
        }
    }

    /// Whether `keyId` is `alias/aws/kinesis`, by name or as this account's alias ARN.
    static func namesAWSManagedKinesisKey(_ keyId: String, account: String, region: String) -> Bool {
        keyId == "alias/aws/kinesis" || keyId == "arn:aws:kms:\(region):\(account):alias/aws/kinesis"
    }

    /// The ARN a key name stands for when the key itself is gone: ARNs as given, ids as key ARNs.
    static func keyARN(for keyId: String, account: String, region: String) -> String {
        if keyId.hasPrefix("arn:") { return keyId }
        if keyId.hasPrefix("alias/") { return "arn:aws:kms:\(region):\(account):\(keyId)" }
        return "arn:aws:kms:\(region):\(account):key/\(keyId)"
    }
}
