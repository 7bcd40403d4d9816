/// A token bucket on the world's clock: refills at a rate per second up to a burst, in
/// thousandths of a token so millisecond refills stay exact.
struct TokenBucket: Sendable {
    /// Thousandths of a token; may go negative when a read runs into debt.
    private var milliTokens: Int64 = 0
    /// When the bucket was last refilled (epoch ms); `nil` until first use (then it is full).
    private var updatedAt: Int64?

    /// Refills for the time since the last use, up to `burst` tokens at `rate` per second.
    private mutating func refill(now: Int64, rate: Int64, burst: Int64) {
        guard let last = updatedAt else {
            milliTokens = burst * 1000
            updatedAt = now
            return
        }
        let elapsed = max(0, now - last)
        // elapsed ms × rate/s = elapsed × rate thousandths of a token.
        let (gain, overflow) = elapsed.multipliedReportingOverflow(by: rate)
        milliTokens = overflow ? burst * 1000 : min(burst * 1000, milliTokens + gain)
        updatedAt = now
    }

    /// Takes `tokens` if the bucket holds them all.
    mutating func take(_ tokens: Int64, now: Int64, rate: Int64, burst: Int64) -> Bool {
        refill(now: now, rate: rate, burst: burst)
        guard milliTokens >= tokens * 1000 else { return false }
        milliTokens -= tokens * 1000
        return true
    }

    /// Whether `tokens` are available, without taking them.
    mutating func has(_ tokens: Int64, now: Int64, rate: Int64, burst: Int64) -> Bool {
        refill(now: now, rate: rate, burst: burst)
        return milliTokens >= tokens * 1000
    }

    /// Whether the bucket is out of debt (holds more than nothing).
    mutating func isPositive(now: Int64, rate: Int64, burst: Int64) -> Bool {
        refill(now: now, rate: rate, burst: burst)
        return milliTokens > 0
    }

    /// Takes `tokens` unconditionally, running into debt if need be.
    mutating func charge(_ tokens: Int64, now: Int64, rate: Int64, burst: Int64) {
        refill(now: now, rate: rate, burst: burst)
        milliTokens -= tokens * 1000
    }
}
