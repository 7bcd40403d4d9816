import IAMPolicy
import KinesisSim

/// STS and IAM over the query protocol: form parameters decoded to a typed request, the
/// world's typed answer encoded as XML.
extension AWSService {
    func handleQuery(_ request: HTTPRequest, now: Timestamp, requestId: String) -> ServiceAnswer {
        let q = QueryRequest(request)
        var position: UInt64?
        // Until the signature names the service, guess it from the API version.
        var namespace = q["Version"] == "2011-06-15" ? QueryNamespace.sts : QueryNamespace.iam
        let key: AccessKey
        let auth: SigV4Authorization
        do {
            (auth, key) = try authenticate(request, now: now, checkScope: checkQueryScope)
        } catch {
            return ServiceAnswer(response: Self.xmlError(QueryError(error.queryCode, error.message, status: error.status(json: false)),
                                                         namespace: namespace, requestId: requestId),
                                 requestId: requestId, namespace: namespace)
        }
        func answer(_ response: HTTPResponse) -> ServiceAnswer {
            ServiceAnswer(response: response, journalPosition: position, requestId: requestId, namespace: namespace)
        }
        let service = auth.scope.service
        switch service {
        case "sts": namespace = QueryNamespace.sts
        case "iam": namespace = QueryNamespace.iam
        default:
            return answer(Self.xmlError(QueryError("InvalidAction", "The service `\(service)` named in the credential scope is not simulated; use kinesis, sts or iam."),
                                        namespace: namespace, requestId: requestId))
        }
        guard let action = q.action else {
            return answer(Self.xmlError(QueryError("MissingAction", "Missing Action"), namespace: namespace, requestId: requestId))
        }
        let call: QueryCall
        do {
            call = try QueryCall(service: service, action: action, q)
        } catch {
            return answer(Self.xmlError(error, namespace: namespace, requestId: requestId))
        }
        let connection = self.connection
        let (outcome, after) = state.withLock { s -> (Result<[XMLNode]?, QueryError>, UInt64?) in
            s.world.advance(to: now)
            let before = s.journalPosition
            let outcome = Result { () throws(QueryError) -> [XMLNode]? in
                try s.perform(call, action: action, body: q.formText, key: key, region: auth.scope.region, connection: connection)
            }
            return (outcome, s.journalPosition == before ? nil : s.journalPosition)
        }
        position = after
        switch outcome {
        case .failure(let error):
            return answer(Self.xmlError(error, namespace: namespace, requestId: requestId))
        case .success(let result):
            var children: [XMLNode] = []
            if let r = result { children.append(.element("\(action)Result", r)) }
            children.append(.element("ResponseMetadata", [.text("RequestId", requestId)]))
            return answer(Self.xml(.element("\(action)Response", children), namespace: namespace, status: 200, requestId: requestId))
        }
    }

    /// STS answers in this endpoint's regions and in `us-east-1` (its global endpoint's
    /// scope); IAM, a global service, only in `us-east-1`. Other services are refused after
    /// authentication, as not simulated.
    func checkQueryScope(_ auth: SigV4Authorization) throws(SigV4Error) {
        switch auth.scope.service {
        case "sts": try checkRegion(auth, allowed: regions + ["us-east-1"])
        case "iam": try checkRegion(auth, allowed: ["us-east-1"])
        default: break
        }
    }

    static func xml(_ root: XMLNode, namespace: String, status: Int, requestId: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("x-amzn-RequestId", requestId), ("Content-Type", "text/xml")],
                     body: Array(root.document(namespace: namespace).utf8))
    }

    /// `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
    static func xmlError(_ error: QueryError, namespace: String, requestId: String) -> HTTPResponse {
        xml(.element("ErrorResponse", [
            .element("Error", [.text("Type", error.type), .text("Code", error.code), .text("Message", error.message)]),
            .text("RequestId", requestId),
        ]), namespace: namespace, status: error.status, requestId: requestId)
    }
}

extension ServiceState {
    /// Performs a decoded STS or IAM call (`body`: its form parameters) as the key's owner,
    /// journaling it when it changed state; the children of its result element.
    mutating func perform(_ call: QueryCall, action: String, body: String, key: AccessKey, region: String,
                          connection: Connection) throws(QueryError) -> [XMLNode]? {
        guard let caller = caller(for: key, region: region, connection: connection) else {
            throw QueryError("InvalidClientTokenId", SigV4Error.invalidTokenMessage, status: 403)
        }
        issuer.issued = []
        let result: [XMLNode]?
        let service: String
        do {
            switch call {
            case .iam(let request):
                service = "iam"
                result = try world.perform(request, as: caller, issuer: &issuer).resultNodes
            case .sts(let request):
                service = "sts"
                result = try world.perform(request, as: caller, issuer: &issuer).resultNodes
            }
        } catch {
            throw QueryError(error)
        }
        if journaling, call.changesState {
            record(JournalEntry(time: world.now, service: service, operation: action, accessKeyId: key.accessKeyId,
                                callerArn: caller.principal.arn, region: region, body: body, issued: issuer.issued))
        }
        return result
    }
}
