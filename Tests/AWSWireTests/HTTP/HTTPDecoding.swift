import AWSWire

/// Test support: run a decoder over a byte stream fed in pieces and collect what it reports.
enum HTTPDecoding {
    /// What a decoder produced from a whole stream: its events, then the error if one ended it.
    struct Outcome: Equatable {
        var events: [HTTPDecodeEvent] = []
        var error: HTTPRequestDecodeError?

        /// The complete requests, without `continueExpected` events.
        var requests: [HTTPRequest] {
            events.compactMap { if case .request(let r, _) = $0 { r } else { nil } }
        }
        /// The keep-alive verdict of each request.
        var keepAlives: [Bool] {
            events.compactMap { if case .request(_, let k) = $0 { k } else { nil } }
        }
    }

    /// Feeds `bytes` split at `cuts` (sorted offsets), draining events after each piece.
    static func decode(_ bytes: [UInt8], cuts: [Int] = [], limits: HTTPLimits = HTTPLimits()) -> Outcome {
        var decoder = HTTPRequestDecoder(limits: limits)
        var outcome = Outcome()
        var start = 0
        for end in cuts + [bytes.count] where end >= start {
            decoder.feed(bytes[start..<end])
            start = end
            do {
                while let event = try decoder.next() { outcome.events.append(event) }
            } catch {
                outcome.error = error
                return outcome
            }
        }
        return outcome
    }

    /// Feeds `bytes` one byte at a time.
    static func decodeByteAtATime(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits()) -> Outcome {
        decode(bytes, cuts: bytes.isEmpty ? [] : Array(1..<bytes.count), limits: limits)
    }

    /// The text with `\n` turned into CRLF, as bytes.
    static func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
