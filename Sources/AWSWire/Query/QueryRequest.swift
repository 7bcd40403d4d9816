/// A query-protocol call (STS, IAM): the parameters from the URL and the form body.
public struct QueryRequest: Sendable {
    /// Every parameter in order: the URL's first, then the form body's.
    public var parameters: [(name: String, value: String)]

    /// The parameters of `request`: its query string, plus its body when that is a form
    /// (`application/x-www-form-urlencoded`, the content type botocore sends).
    public init(_ request: HTTPRequest) {
        parameters = URIEncoding.parameters(request.query, plusAsSpace: true)
        let type = request.header("Content-Type")?.lowercased() ?? ""
        if request.method == "POST", type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") {
            parameters += URIEncoding.parameters(String(decoding: request.body, as: UTF8.self), plusAsSpace: true)
        }
    }

    /// Creates a request from parameters.
    public init(parameters: [(name: String, value: String)]) {
        self.parameters = parameters
    }

    /// The last value of parameter `name`.
    public subscript(name: String) -> String? {
        parameters.last { $0.name == name }?.value
    }

    /// `Action`.
    public var action: String? { self["Action"] }

    /// The values of a list parameter: `NAME.member.1`, `NAME.member.2`, … in index order.
    public func list(_ name: String) -> [String] {
        let prefix = name + ".member."
        return parameters.compactMap { p -> (Int, String)? in
            guard p.name.hasPrefix(prefix), let i = Int(p.name.dropFirst(prefix.count)) else { return nil }
            return (i, p.value)
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The indexes `N` present in `NAME.member.N.…` parameters, sorted.
    public func memberIndexes(_ name: String) -> [Int] {
        let prefix = name + ".member."
        var out = Set<Int>()
        for p in parameters where p.name.hasPrefix(prefix) {
            let rest = p.name.dropFirst(prefix.count)
            if let i = Int(rest.prefix { $0 != "." }) { out.insert(i) }
        }
        return out.sorted()
    }

    /// The form body text again (`a=b&c=d`, in order) for the journal.
    public var formText: String {
        parameters.map { "\(URIEncoding.encode($0.name))=\(URIEncoding.encode($0.value))" }.joined(separator: "&")
    }
}
