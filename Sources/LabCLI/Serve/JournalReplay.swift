import AWSWire
import Foundation

/// Replays a state file's lines in chunks, reading (parsing) the next chunk on a second
/// thread while the service applies the current one: reading is about half of replay's
/// work, and the machine has a second core.
enum JournalReplay {
    /// Lines per chunk.
    static let chunkSize = 2048

    /// What a replay did.
    struct Outcome {
        /// Request entries applied (settings kdslab journaled are not requests).
        var entries = 0
        /// Records put back by records lines.
        var records = 0
        /// The indexes of the lines a compaction keeps as they are, in order.
        var kept: [Int] = []

        mutating func add(_ lines: [JournalLine]) {
            for line in lines {
                if line.isKeptByCompaction { kept.append(line.number - 1) }
                let restored = line.restoredRecordCount
                records += restored
                if line.isRequest { entries += 1 }
            }
        }
    }

    /// Replays `lines` (line 1 first) into `service`; what was applied, or the first line
    /// that cannot be read or no longer succeeds.
    static func replay(_ lines: [ArraySlice<UInt8>], into service: AWSService) throws(JournalReplayError) -> Outcome {
        let chunks = (lines.count + chunkSize - 1) / chunkSize
        var outcome = Outcome()
        guard chunks > 1 else {
            let read = lines.enumerated().map { JournalLine(number: $0.offset + 1, bytes: $0.element) }
            try service.replay(read)
            outcome.add(read)
            return outcome
        }
        let slots = ChunkSlots(count: chunks)
        let reader = Thread {
            for c in 0..<chunks where !slots.isCancelled {
                let range = c * chunkSize..<min(lines.count, (c + 1) * chunkSize)
                slots.put(c, range.map { JournalLine(number: $0 + 1, bytes: lines[$0]) })
            }
        }
        reader.name = "kdslab-replay-reader"
        reader.start()
        defer { slots.cancel() }
        for c in 0..<chunks {
            let read = slots.take(c)
            try service.replay(read)
            outcome.add(read)
        }
        return outcome
    }

    /// Chunks handed from the reading thread to the applying one; the reader stays at most
    /// ``lookahead`` chunks ahead, so read lines never pile up.
    private final class ChunkSlots: @unchecked Sendable {
        static let lookahead = 2
        private let condition = NSCondition()
        // INVARIANT: the variables below are read and written with `condition` locked.
        private var slots: [[JournalLine]?]
        private var taken = 0
        private var cancelled = false

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        /// Hands over chunk `index`, first waiting until the applier is near.
        func put(_ index: Int, _ lines: [JournalLine]) {
            condition.lock()
            while index - taken >= Self.lookahead && !cancelled { condition.wait() }
            slots[index] = lines
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for chunk `index` and hands it over (the slot is emptied).
        func take(_ index: Int) -> [JournalLine] {
            condition.lock()
            defer { condition.unlock() }
            while slots[index] == nil { condition.wait() }
            let lines = slots[index] ?? []
            slots[index] = nil
            taken = index + 1
            condition.broadcast()
            return lines
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }

        var isCancelled: Bool {
            condition.lock()
            defer { condition.unlock() }
            return cancelled
        }
    }
}
