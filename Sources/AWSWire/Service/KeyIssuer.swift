import Digests
import KinesisSim

/// Where `serve` draws new credentials from: the system's random source, or during replay
/// the values the journal entry recorded. What the call under way drew is kept in
/// ``issued`` for its journal entry.
///
/// INVARIANT: `serial` advances once per value drawn, over the service's whole life, so
/// replaying a journal written before entries recorded their values (no `issued` member)
/// regenerates the same keys by the old derivation.
struct KeyIssuer: CredentialIssuer, Sendable {
    /// How many values have been drawn.
    var serial: UInt64 = 0
    /// What the call under way drew, in order.
    var issued: [String] = []
    /// During replay: the values the entry records, handed out in order; `nil` outside
    /// replay. An empty list (an entry from before values were recorded) derives them from
    /// `serial` as kdslab did then.
    var replaying: [String]?

    /// `count` characters of `alphabet` drawn from the system's random source (uniformly:
    /// `Int.random(in:using:)` rejects the biased draws), or during replay the next value the
    /// journal entry recorded.
    mutating func issue(_ count: Int, from alphabet: String) -> String {
        serial += 1
        let out: String
        if var recorded = replaying, !recorded.isEmpty {
            out = recorded.removeFirst()
            replaying = recorded
        } else if replaying != nil {
            out = Self.legacyDerivation(count, from: alphabet, serial: serial)
        } else {
            let letters = Array(alphabet)
            var random = SystemRandomNumberGenerator()
            out = String((0..<count).map { _ in letters[Int.random(in: 0..<letters.count, using: &random)] })
        }
        issued.append(out)
        return out
    }

    /// How kdslab derived keys from the call count before journal entries recorded them (so
    /// anyone could predict them); kept only to replay such journals.
    static func legacyDerivation(_ count: Int, from alphabet: String, serial: UInt64) -> String {
        let letters = Array(alphabet)
        var out = ""
        var block: UInt64 = 0
        while out.count < count {
            for byte in SHA256.hash(Array("kdslab-\(serial)-\(block)".utf8)) where out.count < count {
                out.append(letters[Int(byte) % letters.count])
            }
            block += 1
        }
        return out
    }
}
