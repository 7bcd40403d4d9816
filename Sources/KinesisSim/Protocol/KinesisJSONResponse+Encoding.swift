import IAMPolicy

/// The body as JSON bytes. GetRecords and PutRecord, on every data-plane request's path,
/// are written straight from their typed output; the text is the same as `JSONWriter`'s
/// for ``KinesisJSONResponse/body``.
extension KinesisJSONResponse {
    /// The body as compact JSON (UTF-8), or `nil` when the operation has no output.
    public func encodedBody() -> [UInt8]? {
        switch payload {
        case .json(let value):
            return value.map { JSONWriter.bytes($0) }
        case .getRecords(let out):
            return Self.encode(out)
        case .putRecord(let out):
            var bytes: [UInt8] = []
            bytes.reserveCapacity(160)
            Self.appendLiteral(#"{"ShardId":"#, to: &bytes)
            JSONWriter.appendString(out.shardId, to: &bytes)
            Self.appendLiteral(#","SequenceNumber":"#, to: &bytes)
            JSONWriter.appendString(out.sequenceNumber, to: &bytes)
            if let type = out.encryptionType {
                Self.appendLiteral(#","EncryptionType":"#, to: &bytes)
                JSONWriter.appendString(type, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
            return bytes
        }
    }

    private static func encode(_ out: GetRecordsOutput) -> [UInt8] {
        var bytes: [UInt8] = []
        var size = 128 + (out.nextShardIterator?.utf8.count ?? 0)
        for r in out.records { size += 160 + r.data.count * 4 / 3 + r.partitionKey.utf8.count }
        bytes.reserveCapacity(size)
        appendLiteral(#"{"Records":["#, to: &bytes)
        for (n, r) in out.records.enumerated() {
            if n > 0 { bytes.append(UInt8(ascii: ",")) }
            appendLiteral(#"{"SequenceNumber":"#, to: &bytes)
            JSONWriter.appendString(r.sequenceNumber, to: &bytes)
            appendLiteral(#","ApproximateArrivalTimestamp":"#, to: &bytes)
            appendTimestamp(r.approximateArrivalTimestamp, to: &bytes)
            appendLiteral(#","Data":""#, to: &bytes)
            Base64.append(encoding: r.data, to: &bytes)
            appendLiteral(#"","PartitionKey":"#, to: &bytes)
            JSONWriter.appendString(r.partitionKey, to: &bytes)
            if let type = r.encryptionType {
                appendLiteral(#","EncryptionType":"#, to: &bytes)
                JSONWriter.appendString(type, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        if let next = out.nextShardIterator {
            appendLiteral(#","NextShardIterator":"#, to: &bytes)
            JSONWriter.appendString(next, to: &bytes)
        }
        appendLiteral(#","MillisBehindLatest":"#, to: &bytes)
        appendDecimal(out.millisBehindLatest, to: &bytes)
        if let children = out.childShards {
            // Only at the end of a closed shard: the general writer will do.
            appendLiteral(#","ChildShards":"#, to: &bytes)
            bytes.append(contentsOf: JSONWriter.bytes(JSONOutput.childShards(children)))
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// Appends a literal's bytes (no `String` in between).
    @inline(__always)
    private static func appendLiteral(_ text: StaticString, to bytes: inout [UInt8]) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Epoch seconds with millisecond precision, as ``JSONOutput/timestamp(_:)`` writes them.
    private static func appendTimestamp(_ t: Timestamp, to bytes: inout [UInt8]) {
        let ms = t.milliseconds
        guard ms >= 0 else {
            // Before 1970 (never in a stream, but the text must match): the general writer.
            bytes.append(contentsOf: JSONWriter.bytes(JSONOutput.timestamp(t)))
            return
        }
        appendDecimal(ms / 1000, to: &bytes)
        let frac = ms % 1000
        guard frac != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(frac / 100))
        bytes.append(UInt8(ascii: "0") + UInt8(frac / 10 % 10))
        bytes.append(UInt8(ascii: "0") + UInt8(frac % 10))
    }

    /// `n` in decimal, as `String(n)` writes it.
    private static func appendDecimal(_ n: Int64, to bytes: inout [UInt8]) {
        if n < 0 {
            bytes.append(contentsOf: String(n).utf8)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var v = UInt64(n)
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[23 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(24 - count)...]))
        }
    }
}
