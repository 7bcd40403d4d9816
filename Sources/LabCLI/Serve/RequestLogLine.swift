import AWSWire

/// The line `kdslab serve` logs for each request: method, service and operation, status (with
/// the error code when it failed), time taken and the access key that signed it.
///
/// `POST kinesis GetRecords 400 AccessDeniedException 0.8 ms key=checkout-producer`
enum RequestLogLine {
    static func line(_ request: HTTPRequest, _ response: HTTPResponse, milliseconds: Double) -> String {
        let (service, keyId) = scope(request)
        var operation = "-"
        if let target = request.header("X-Amz-Target") {
            operation = target.split(separator: ".").last.map(String.init) ?? target
        } else if let action = QueryRequest(request).action {
            operation = action
        }
        var status = String(response.status)
        if response.status >= 300, let code = errorCode(response) { status += " " + code }
        let ms = (milliseconds * 10).rounded() / 10
        return "\(request.method) \(service ?? "-") \(operation) \(status) \(ms) ms" + (keyId.map { " key=\($0)" } ?? "")
    }

    /// The service and access key id from `Authorization: … Credential=KEY/DATE/REGION/SERVICE/aws4_request`.
    static func scope(_ request: HTTPRequest) -> (service: String?, keyId: String?) {
        guard let auth = request.header("Authorization"), let range = auth.range(of: "Credential=") else {
            return (request.header("X-Amz-Target") == nil ? nil : "kinesis", nil)
        }
        let credential = auth[range.upperBound...].prefix { $0 != "," && $0 != " " }
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false)
        return (parts.count == 5 ? String(parts[3]) : nil, parts.first.map(String.init))
    }

    /// `x-amzn-ErrorType`, or the query protocol's `<Code>`.
    static func errorCode(_ response: HTTPResponse) -> String? {
        if let type = response.header("x-amzn-ErrorType") { return type }
        let text = String(decoding: response.body.prefix(4096), as: UTF8.self)
        guard let open = text.range(of: "<Code>"), let close = text.range(of: "</Code>", range: open.upperBound..<text.endIndex) else {
            return nil
        }
        return String(text[open.upperBound..<close.lowerBound])
    }
}
