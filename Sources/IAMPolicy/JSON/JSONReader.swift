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
    ///
    /// See `read(bytes:)` for the exact rules; this reads the string's UTF-8 in place.
    public func read(_ text: String) throws(JSONReadError) -> JSONValue {
        let size = text.utf8.count
        guard size <= limits.maxBytes else {
            throw JSONReadError(.tooLarge(bytes: size, limit: limits.maxBytes), at: .start)
        }
        let inPlace = text.utf8.withContiguousStorageIfAvailable { buffer in
            parse(buffer)
        }
        if let inPlace {
            return try inPlace.get()
        }
        // Bridged or otherwise non-contiguous strings: copy the bytes out first.
        return try read(bytes: Array(text.utf8))
    }

    /// Reads one JSON value that must make up all of `bytes` (surrounding white space allowed).
    ///
    /// The grammar is RFC 8259's, with no extensions: no comments, no trailing commas,
    /// no single quotes, no `NaN`/`Infinity`, numbers without leading zeros, `+` or bare `.`.
    /// Where the RFC leaves the choice to the implementation, this reader decides:
    ///
    /// - Encoding: the input must be well-formed UTF-8 (no overlong forms, no encoded
    ///   surrogates, nothing past U+10FFFF); otherwise `.invalidUTF8` at the first bad byte.
    ///   UTF-16 and Latin-1 input is therefore refused.
    /// - Byte order mark: a UTF-8 BOM at the start is refused with `.unexpectedCharacter`
    ///   at 1:1 rather than skipped: a policy document pasted into IAM should not carry one,
    ///   so the learner hears about it here. (U+FEFF elsewhere is an unexpected character.)
    /// - Malformed `\u` escapes (fewer than four hex digits) are `.invalidUnicodeEscape` at
    ///   the backslash, or `.unexpectedEnd` when the input stops inside them.
    /// - `\u` escapes: a lone or inverted surrogate (`\uD800`, `\uDC00`, `\uDC00\uD800`)
    ///   is refused with `.invalidUnicodeEscape` at the backslash; a pair decodes to one
    ///   scalar. `\u0000` is accepted and yields U+0000.
    /// - Numbers: any length or exponent is accepted; the literal text is kept unchanged,
    ///   so nothing overflows or rounds here.
    /// - Objects: duplicated keys are all kept, in document order; the policy parser decides.
    /// - Depth: arrays and objects nested deeper than `limits.maxDepth` are refused with
    ///   `.tooDeep` at the opening bracket that goes too deep. The reader recurses once per
    ///   level, so it never goes deeper than that limit (keep it modest, as `.policy` does).
    /// - Size: more than `limits.maxBytes` bytes is refused with `.tooLarge` at 1:1 before
    ///   anything is read.
    ///
    /// Positions: lines and columns are 1-based, columns count Unicode scalars, offsets
    /// count UTF-8 bytes from 0; `\n`, `\r\n` and a lone `\r` each end a line.
    public func read(bytes: [UInt8]) throws(JSONReadError) -> JSONValue {
        guard bytes.count <= limits.maxBytes else {
            throw JSONReadError(.tooLarge(bytes: bytes.count, limit: limits.maxBytes), at: .start)
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            parse(buffer)
        }.get()
    }

    /// Runs the parser over a buffer that stays valid for the call.
    private func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONReadError> {
        var parser = JSONByteParser(bytes: buffer, maxDepth: limits.maxDepth)
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
