import KinesisSim

/// Random Kinesis JSON request bodies from a seed: the members operations read, filled with
/// values of every JSON type (huge, negative and fractional numbers, NaN-like and very long
/// strings, nested junk), plus members no operation knows.
struct FuzzBodies {
    var random: SplitMix64
    /// Strings that reach past validation: real names, ARNs, iterators and sequence numbers
    /// from the world under test, enum values, and hostile text.
    var strings: [String]

    init(seed: UInt64, worldStrings: [String]) {
        random = SplitMix64(seed: seed)
        strings = worldStrings + Self.hostileStrings + Self.enumValues
    }

    /// Every member name the Kinesis JSON handlers read.
    static let members = [
        "AdjacentShardToMerge", "ConsumerARN", "ConsumerName", "Data", "EncryptionType", "EnforceConsumerDeletion",
        "ExclusiveStartShardId", "ExclusiveStartStreamName", "ExclusiveStartTagKey", "ExplicitHashKey", "KeyId", "Limit",
        "MaxRecordSizeInKiB", "MaxResults", "NewStartingHashKey", "NextToken", "PartitionKey", "Policy", "Records",
        "ResourceARN", "RetentionPeriodHours", "ScalingType", "SequenceNumberForOrdering", "ShardCount", "ShardFilter",
        "ShardId", "ShardIterator", "ShardIteratorType", "ShardLevelMetrics", "ShardToMerge", "ShardToSplit",
        "StartingSequenceNumber", "StreamARN", "StreamCreationTimestamp", "StreamModeDetails", "StreamName", "TagKeys",
        "Tags", "TargetShardCount", "Timestamp", "WarmThroughputMiBps", "StreamId", "Junk", "",
    ]

    static let hostileStrings = [
        "", "NaN", "Infinity", "-Infinity", "1e999", "-0", "0", "-1", "9223372036854775808", "4294967296",
        "340282366920938463463374607431768211456", "340282366920938463463374607431768211455", "aGk=", "aGk", "====",
        "\u{0}", "é\u{301}😀", "a/b", "arn:aws-cn:kinesis:us-east-1:111122223333:stream/orders",
        "arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/app:99999999999999999999",
        "arn:aws:kinesis:eu-west-1:111122223333:stream/orders", "shardId-999999999999", "shardId-9223372036854775807",
        "49" + String(repeating: "9", count: 56), String(repeating: "1", count: 58), String(repeating: "x", count: 3000),
        String(repeating: "A", count: 600), "alias/aws/kinesis", #"{"Version":"2012-10-17","Statement":[]}"#,
    ]

    static let enumValues = [
        "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP", "AFTER_SHARD_ID",
        "AT_TRIM_HORIZON", "FROM_TRIM_HORIZON", "AT_LATEST", "FROM_TIMESTAMP", "KMS", "NONE", "ON_DEMAND", "PROVISIONED",
        "UNIFORM_SCALING", "ALL", "IncomingBytes", "orders", "app",
    ]

    static let numbers = [
        "0", "1", "-1", "2", "24", "168", "8760", "8761", "100", "500", "501", "1000", "1024", "10000", "10001", "10240",
        "100000", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "1e16", "9.3e15", "-9.3e15", "1e308", "1e999", "-1e999", "0.5", "1.5e-300", "-0",
        "1E3", "1767225600", "1767225600.123", "253402300799", "253402300800", "-62135596801",
        "123456789012345678901234567890",
    ]

    mutating func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
    mutating func chance(_ n: UInt64) -> Bool { random.next() % n == 0 }

    /// A JSON value, `depth` levels deep at most.
    mutating func value(depth: Int = 3) -> String {
        switch random.next() % (depth > 0 ? 10 : 7) {
        case 0, 1, 2: return Self.quoted(pick(strings))
        case 3, 4: return pick(Self.numbers)
        case 5:
            let n = Int64(bitPattern: random.next())
            return chance(2) ? String(n) : "\(Double(n) / Double(UInt64(1) << (random.next() % 64)))"
        case 6: return pick(["true", "false", "null"])
        case 7: return "[" + (0..<Int(random.next() % 4)).map { _ in value(depth: depth - 1) }.joined(separator: ",") + "]"
        case 8: return object(depth: depth - 1)
        default: return recordsOrFilter(depth: depth - 1)
        }
    }

    /// An object of random members.
    mutating func object(depth: Int) -> String {
        let count = Int(random.next() % 5)
        return "{" + (0..<count).map { _ in Self.quoted(pick(Self.members)) + ":" + value(depth: depth) }.joined(separator: ",") + "}"
    }

    /// Shapes operations nest: a Records list (sometimes past 500 entries), a ShardFilter,
    /// StreamModeDetails, Tags.
    mutating func recordsOrFilter(depth: Int) -> String {
        switch random.next() % 4 {
        case 0:
            let count = chance(8) ? 501 : Int(random.next() % 4)
            return "[" + (0..<count).map { _ in
                #"{"Data":\#(value(depth: 0)),"PartitionKey":\#(value(depth: 0)),"ExplicitHashKey":\#(value(depth: 0))}"#
            }.joined(separator: ",") + "]"
        case 1: return #"{"Type":\#(value(depth: 0)),"ShardId":\#(value(depth: 0)),"Timestamp":\#(value(depth: 0))}"#
        case 2: return #"{"StreamMode":\#(value(depth: 0))}"#
        default: return #"{"k":\#(value(depth: 0)),"\#(pick(strings).prefix(200))":"v"}"#
        }
    }

    /// A request body: each member with probability 1/3, sometimes broken JSON.
    mutating func body() -> String {
        var parts: [String] = []
        for name in Self.members where chance(3) {
            parts.append(Self.quoted(name) + ":" + value())
        }
        let text = "{" + parts.joined(separator: ",") + "}"
        if chance(50) { return String(text.prefix(Int(random.next() % UInt64(text.count + 1)))) }
        if chance(100) { return pick(["[]", "1", "\"x\"", "null", ""]) }
        return text
    }

    /// `s` as a JSON string literal.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
