import IAMPolicy
import Foundation

/// The opaque NextToken of ListShards and ListStreams: a versioned list of fields, base64
/// encoded. It names what is being listed, where the last page stopped and when it was
/// issued, so it can expire.
// INVARIANT: no field contains `|` (stream names, shard ids, accounts and regions cannot).
struct PageToken: Equatable {
    /// Which listing the token continues (its first field).
    var kind: String
    /// The listing's fields.
    var fields: [String]
    /// When the token was issued.
    var issuedAt: Timestamp

    /// The token's text.
    var encoded: String {
        let text = (["v1", kind, String(issuedAt.milliseconds)] + fields).joined(separator: "|")
        return Data(text.utf8).base64EncodedString()
    }

    /// Decodes a token of `kind` with `count` fields; `nil` when it is not one.
    static func decode(_ text: String, kind: String, count: Int) -> PageToken? {
        guard let data = Data(base64Encoded: text), let plain = String(data: data, encoding: .utf8) else { return nil }
        let parts = plain.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == count + 3, parts[0] == "v1", parts[1] == kind, let ms = Int64(parts[2]),
              let issued = Timestamp(wireMilliseconds: ms) else { return nil }
        return PageToken(kind: kind, fields: Array(parts.dropFirst(3)), issuedAt: issued)
    }

    /// Throws `ExpiredNextTokenException` when the token is older than `lifetime` ms at `now`.
    func checkFresh(now: Timestamp, lifetime: Int64) throws(KinesisError) {
        guard now.milliseconds - issuedAt.milliseconds > lifetime else { return }
        throw KinesisError(.expiredNextToken,
            "The NextToken has expired. It was issued at \(issuedAt) and is valid for \(lifetime / 1000) seconds; it is now \(now).")
    }

    /// `InvalidArgumentException` for a token that is not one of ours.
    static func invalid(_ text: String) -> KinesisError {
        KinesisError(.invalidArgument, "Invalid NextToken: \(text)")
    }
}
