import IAMPolicy
import KinesisSim

/// Kinesis's JSON 1.1 protocol over HTTP: `X-Amz-Target: Kinesis_20131202.<Operation>`.
extension AWSService {
    static let jsonContentType = "application/x-amz-json-1.1"

    /// The Kinesis operations served.
    static let kinesisOperations = Set(KinesisWorld.supportedOperations)

    /// The largest JSON body accepted (PutRecords carries up to 5 MiB of data as base64).
    static let jsonLimits = JSONReader.Limits(maxBytes: 16 << 20, maxDepth: 32)

    func handleKinesis(_ request: HTTPRequest, target: String, now: Timestamp, requestId: String) -> ServiceAnswer {
        func answer(_ response: HTTPResponse, position: UInt64? = nil) -> ServiceAnswer {
            ServiceAnswer(response: response, journalPosition: position, requestId: requestId, namespace: nil)
        }
        func fail(_ code: String, _ message: String, status: Int = 400) -> ServiceAnswer {
            answer(Self.jsonError(code, message, status: status, requestId: requestId))
        }
        guard request.method == "POST" else {
            return fail("AccessDeniedException", "Unable to determine service/operation name to be authorized", status: 403)
        }
        let operation = target.hasPrefix(KinesisWorld.targetPrefix) ? String(target.dropFirst(KinesisWorld.targetPrefix.count)) : ""
        guard Self.kinesisOperations.contains(operation) else {
            return fail("UnknownOperationException", "")
        }
        let key: AccessKey
        let auth: SigV4Authorization
        do {
            (auth, key) = try authenticate(request, now: now, checkScope: checkKinesisScope)
        } catch {
            return fail(error.jsonCode, error.message, status: error.status(json: true))
        }
        // The Java SDKs send CBOR unless told not to; kdslab speaks the JSON 1.1 protocol only,
        // so say how to switch rather than fail on the bytes.
        if let type = request.header("Content-Type"), type.lowercased().contains("cbor") {
            return fail("SerializationException",
                        "kdslab serve speaks Kinesis's JSON 1.1 protocol, not CBOR: set AWS_CBOR_DISABLE=true (or the Java system property com.amazonaws.sdk.disableCbor=true) so the SDK sends JSON.")
        }
        let text = String(decoding: request.body, as: UTF8.self)
        let body: JSONValue
        do {
            body = try JSONReader(limits: Self.jsonLimits).read(text.isEmpty ? "" : text)
        } catch {
            return fail("SerializationException", "Start of structure or map found where not expected.")
        }
        guard body.members != nil else {
            return fail("SerializationException", "Start of structure or map found where not expected.")
        }
        let connection = self.connection
        let (result, position) = state.withLock { s -> (KinesisJSONResponse?, UInt64?) in
            s.world.advance(to: now)
            let before = s.journalPosition
            let result = s.performKinesis(operation, body: body, text: text, key: key, region: auth.scope.region, connection: connection)
            return (result, s.journalPosition == before ? nil : s.journalPosition)
        }
        guard let result else {
            return fail("UnrecognizedClientException", SigV4Error.invalidTokenMessage)
        }
        if let error = result.error {
            return fail(error.code.rawValue, error.message, status: result.status)
        }
        var response = HTTPResponse(status: result.status, headers: [
            ("x-amzn-RequestId", requestId), ("Content-Type", Self.jsonContentType),
        ])
        if let out = result.encodedBody() { response.body = out }
        return answer(response, position: position)
    }

    /// A Kinesis signature is scoped to `kinesis` in one of this endpoint's regions and
    /// covers `X-Amz-Target`, which picks the operation (an unsigned one could be swapped).
    func checkKinesisScope(_ auth: SigV4Authorization) throws(SigV4Error) {
        guard auth.scope.service == "kinesis" else {
            throw SigV4Error(.signatureDoesNotMatch, "Credential should be scoped to correct service: 'kinesis'. ")
        }
        try checkRegion(auth, allowed: regions)
        guard auth.signs("x-amz-target") else {
            throw SigV4Error(.incompleteSignature, "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.")
        }
    }

    /// The scope's region is one `allowed`.
    func checkRegion(_ auth: SigV4Authorization, allowed: [String]) throws(SigV4Error) {
        guard allowed.contains(auth.scope.region) else {
            throw SigV4Error(.signatureDoesNotMatch, "Credential should be scoped to a valid region. ")
        }
    }

    /// `{"__type": CODE, "message": MESSAGE}` with `x-amzn-ErrorType`.
    static func jsonError(_ code: String, _ message: String, status: Int, requestId: String) -> HTTPResponse {
        let body = JSONValue.object([("__type", .string(code)), ("message", .string(message))])
        return HTTPResponse(status: status, headers: [
            ("x-amzn-RequestId", requestId), ("x-amzn-ErrorType", code), ("Content-Type", jsonContentType),
        ], body: JSONWriter.bytes(body))
    }
}

extension ServiceState {
    /// Whether a Kinesis operation changes state (and so is journaled): everything but the
    /// Describe, List and Get operations.
    static func kinesisChangesState(_ operation: String) -> Bool {
        !(operation.hasPrefix("Describe") || operation.hasPrefix("List") || operation.hasPrefix("Get"))
    }

    /// Performs a Kinesis operation as the key's owner; `nil` when the key's user is gone.
    mutating func performKinesis(_ operation: String, body: JSONValue, text: String, key: AccessKey, region: String,
                                 connection: Connection) -> KinesisJSONResponse? {
        guard let caller = caller(for: key, region: region, connection: connection) else { return nil }
        let result = world.perform(operation, body: body, as: caller)
        if journaling, result.error == nil, Self.kinesisChangesState(operation) {
            record(JournalEntry(time: world.now, service: "kinesis", operation: operation, accessKeyId: key.accessKeyId,
                                        callerArn: caller.principal.arn, region: region, body: text))
        }
        return result
    }
}
