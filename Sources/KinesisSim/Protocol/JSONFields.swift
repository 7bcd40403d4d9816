import IAMPolicy

/// Reads the members of a Kinesis JSON request body, turning wrong JSON types into
/// `SerializationException` as the service does (before any model validation).
///
/// A JSON `null` counts as an absent member. Unknown members are ignored, as Coral ignores them.
struct JSONFields {
    let members: [String: JSONValue]

    /// Reads `body`, which must be a JSON object.
    init(_ body: JSONValue) throws(KinesisError) {
        guard let list = body.members else {
            throw KinesisError(.serialization, "Start of structure or map expected, found \(body.typeName).")
        }
        var m: [String: JSONValue] = [:]
        for member in list where member.value.kind != .null { m[member.key] = member.value }
        members = m
    }

    private static func found(_ v: JSONValue) -> String {
        switch v.kind {
        case .string: "STRING_VALUE"
        case .number(let n): n.contains(".") || n.contains("e") || n.contains("E") ? "DECIMAL_VALUE" : "NUMBER_VALUE"
        case .bool(let b): b ? "TRUE_VALUE" : "FALSE_VALUE"
        case .null: "NULL_VALUE"
        case .array: "START_ARRAY"
        case .object: "START_OBJECT"
        }
    }

    private static func mismatch(_ v: JSONValue, _ expected: String) -> KinesisError {
        switch v.kind {
        case .object: KinesisError(.serialization, "Start of structure or map found where not expected.")
        case .array: KinesisError(.serialization, "Start of list found where not expected")
        default: KinesisError(.serialization, "\(found(v)) can not be converted to \(expected)")
        }
    }

    /// A string member.
    func string(_ name: String) throws(KinesisError) -> String? {
        guard let v = members[name] else { return nil }
        guard case .string(let s) = v.kind else {
            if case .number = v.kind { throw KinesisError(.serialization, "NUMBER_VALUE cannot be converted to String") }
            throw Self.mismatch(v, "String")
        }
        return s
    }

    /// An integer member.
    func int(_ name: String) throws(KinesisError) -> Int? {
        guard let v = members[name] else { return nil }
        guard case .number(let n) = v.kind else { throw Self.mismatch(v, "an Integer") }
        guard let i = Int(n), i >= Int(Int32.min), i <= Int(Int32.max) else {
            throw KinesisError(.serialization, "\(Self.found(v)) can not be converted to an Integer")
        }
        return i
    }

    /// A boolean member.
    func bool(_ name: String) throws(KinesisError) -> Bool? {
        guard let v = members[name] else { return nil }
        guard case .bool(let b) = v.kind else { throw Self.mismatch(v, "a Boolean") }
        return b
    }

    /// A timestamp member: epoch seconds as a JSON number (fractions kept to the millisecond).
    /// A number that is no date between the years 1 and 9999 (`1e16`, `1e999`) is
    /// `InvalidArgumentException`.
    func timestamp(_ name: String) throws(KinesisError) -> Timestamp? {
        guard let v = members[name] else { return nil }
        guard case .number(let n) = v.kind, let seconds = Double(n) else {
            throw Self.mismatch(v, "a Timestamp")
        }
        guard let t = Timestamp(wireEpochSeconds: seconds) else {
            throw KinesisError(.invalidArgument,
                "\(name) `\(n)` is out of range: give epoch seconds from -62135596800 (0001-01-01) to 253402300799 (9999-12-31).")
        }
        return t
    }

    /// A blob member: standard base64 with padding inside a JSON string.
    func blob(_ name: String) throws(KinesisError) -> [UInt8]? {
        guard let s = try string(name) else { return nil }
        return try Self.decodeBase64(s)
    }

    static func decodeBase64(_ s: String) throws(KinesisError) -> [UInt8] {
        if s.utf8.count % 4 != 0 {
            throw KinesisError(.serialization, "Base64 encoded length is expected a multiple of 4 bytes but found: \(s.utf8.count)")
        }
        guard let bytes = Base64.decode(s) else {
            throw KinesisError(.serialization, "Invalid Base64 character in the blob value.")
        }
        return bytes
    }

    /// A list of strings.
    func strings(_ name: String) throws(KinesisError) -> [String]? {
        guard let v = members[name] else { return nil }
        guard let elements = v.elements else { throw Self.mismatch(v, "a List") }
        var out: [String] = []
        for e in elements {
            guard case .string(let s) = e.kind else { throw Self.mismatch(e, "String") }
            out.append(s)
        }
        return out
    }

    /// A map of strings to strings.
    func stringMap(_ name: String) throws(KinesisError) -> [String: String]? {
        guard let v = members[name] else { return nil }
        guard let list = v.members else {
            if case .array = v.kind { throw KinesisError(.serialization, "Start of list found where not expected") }
            throw Self.mismatch(v, "a Map")
        }
        var out: [String: String] = [:]
        for m in list {
            guard case .string(let s) = m.value.kind else { throw Self.mismatch(m.value, "String") }
            out[m.key] = s
        }
        return out
    }

    /// A nested structure.
    func object(_ name: String) throws(KinesisError) -> JSONFields? {
        guard let v = members[name] else { return nil }
        guard v.members != nil else { throw Self.mismatch(v, "a Structure") }
        return try JSONFields(v)
    }

    /// A list of structures.
    func objects(_ name: String) throws(KinesisError) -> [JSONFields]? {
        guard let v = members[name] else { return nil }
        guard let elements = v.elements else { throw Self.mismatch(v, "a List") }
        var out: [JSONFields] = []
        for e in elements {
            guard e.members != nil else { throw Self.mismatch(e, "a Structure") }
            out.append(try JSONFields(e))
        }
        return out
    }

    /// `StreamName` and `StreamARN` as a target.
    func streamTarget() throws(KinesisError) -> StreamTarget {
        StreamTarget(name: try string("StreamName"), arn: try string("StreamARN"))
    }
}
