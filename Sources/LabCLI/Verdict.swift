import IAMPolicy

/// One simulated request's outcome with its explanation, ready to render.
struct Verdict {
    /// The decision and what decided it.
    var result: AuthorizationResult
    /// The decision told in plain language.
    var explanation: Explanation

    /// Judges `request` against `policies` and explains the result.
    init(_ request: AuthorizationRequest, against policies: PolicySet) {
        let authorizer = Authorizer()
        let result = authorizer.authorize(request, against: policies)
        self.init(result, policies: policies)
    }

    /// Explains an existing `result` (the request is traced again against `policies`).
    init(_ result: AuthorizationResult, policies: PolicySet) {
        self.result = result
        explanation = Explanation(result, trace: Authorizer().trace(result.request, against: policies))
    }

    /// AWS's exception name and message for a denial, as an SDK would print it.
    var accessDenied: String? {
        result.accessDeniedMessage.map { "AccessDeniedException: " + $0 }
    }
}
