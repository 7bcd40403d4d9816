/// A strict JSON reader (RFC 8259) that records where every value and key sits.
///
/// Foundation's reader cannot say where a value came from; policies need that so that
/// errors, matched statements and findings point into the learner's text.
public struct JSONReader: Sendable {
    /// What the reader refuses, so hostile input cannot exhaust memory or the stack.
    public struct Limits: Sendable, Equatable {
        /// Largest input accepted, in UTF-8 bytes.
        public var maxBytes: Int
        /// Deepest nesting of arrays and objects accepted.
        public var maxDepth: Int

        /// Creates limits.
        public init(maxBytes: Int = 131_072, maxDepth: Int = 64) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
        }

        /// The limits for a policy document: 128 KiB and 64 levels.
        public static let policy = Limits()
    }

    /// The limits in force.
    public var limits: Limits

    /// Creates a reader.
    public init(limits: Limits = .policy) {
        self.limits = limits
    }

    /// Reads one JSON value that must make up the whole text (surrounding white space allowed).
    public func read(_ text: String) throws(JSONReadError) -> JSONValue {
        fatalError("JSONReader.read is written by the json helper")
    }
}
