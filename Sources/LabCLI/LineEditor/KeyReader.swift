#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Keys read from a terminal, with what was read past the last line kept for whoever reads
/// next: two line editors on one terminal (the prompt's and `paste`'s) share one reader, so
/// a block pasted right after `paste` reaches the paste, not the prompt.
final class KeyReader {
    /// The terminal's file descriptor.
    let fd: Int32
    private var decoder = KeyDecoder()
    private var queued: [Key] = []

    /// How long to wait after an Escape for the rest of a sequence, in milliseconds.
    static let escapeTimeout: Int32 = 50

    init(fd: Int32) {
        self.fd = fd
    }

    /// Whether keys already read are waiting (a paste arrives many keys at a time).
    var hasQueuedKeys: Bool { !queued.isEmpty }

    /// The next key, reading more input as needed; `nil` when the input closed or failed.
    func nextKey() -> Key? {
        var chunk = [UInt8](repeating: 0, count: 256)
        while queued.isEmpty {
            if decoder.hasPending, !inputArrives(within: Self.escapeTimeout) {
                queued += decoder.flush()
                continue
            }
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            queued += decoder.feed(chunk[0..<count])
        }
        return queued.removeFirst()
    }

    private func inputArrives(within milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            return ready > 0
        }
    }
}
