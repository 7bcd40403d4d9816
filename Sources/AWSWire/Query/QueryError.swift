/// An error of a query service (STS, IAM), rendered as
/// `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…`.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error code (`AccessDenied`, `NoSuchEntity`, `MalformedPolicyDocument`).
    public var code: String
    /// The message, in AWS's words.
    public var message: String
    /// The HTTP status.
    public var status: Int

    /// Creates an error.
    public init(_ code: String, _ message: String, status: Int = 400) {
        self.code = code
        self.message = message
        self.status = status
    }

    /// `Code: message`.
    public var description: String { "\(code): \(message)" }

    /// `Sender` for client errors, `Receiver` for server faults.
    public var type: String { status >= 500 ? "Receiver" : "Sender" }

    /// `AccessDenied` (403).
    static func accessDenied(_ message: String) -> QueryError { QueryError("AccessDenied", message, status: 403) }
    /// `NoSuchEntity` (404).
    static func noSuchEntity(_ message: String) -> QueryError { QueryError("NoSuchEntity", message, status: 404) }
    /// `EntityAlreadyExists` (409).
    static func alreadyExists(_ message: String) -> QueryError { QueryError("EntityAlreadyExists", message, status: 409) }
    /// `ValidationError` (400) for a missing required parameter.
    static func missing(_ name: String) -> QueryError {
        QueryError("ValidationError", "1 validation error detected: Value null at '\(name.prefix(1).lowercased() + name.dropFirst())' failed to satisfy constraint: Member must not be null")
    }
}
