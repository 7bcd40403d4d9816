#if os(Linux)
#if canImport(Glibc)
import Glibc
#endif

/// `Readiness` over Linux `epoll`: every worker waits in `epoll_wait` on the one instance,
/// and `EPOLLONESHOT` hands each ready socket to exactly one of them.
///
/// Swift's Glibc module does not import `<sys/epoll.h>`, and the package has no C target, so
/// the three calls are looked up by name in the C library (`dlsym`) and `struct epoll_event`
/// is laid out by hand; `make()` returns `nil` if the lookup fails and the server falls
/// back to `poll`. The constants are the kernel's ABI, the same on every architecture.
final class EpollReadiness: Readiness, @unchecked Sendable {
    typealias CreateFunction = @convention(c) (Int32) -> Int32
    typealias ControlFunction = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    typealias WaitFunction = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32

    static let epollIn: UInt32 = 0x001
    static let epollOut: UInt32 = 0x004
    static let epollOneShot: UInt32 = 1 << 30
    static let controlAdd: Int32 = 1
    static let controlDelete: Int32 = 2
    static let controlModify: Int32 = 3

    // `struct epoll_event` is { uint32_t events; uint64_t data; }, packed on x86-64 only.
    #if arch(x86_64)
    static let eventSize = 12
    static let dataOffset = 4
    #else
    static let eventSize = 16
    static let dataOffset = 8
    #endif

    /// The token reported for the wake pipe (never a connection's).
    static let wakeToken = UInt64.max

    /// The C library's functions, looked up once.
    static let functions: (create: CreateFunction, control: ControlFunction, wait: WaitFunction)? = {
        guard let library = dlopen(nil, RTLD_NOW),
            let create = dlsym(library, "epoll_create1"),
            let control = dlsym(library, "epoll_ctl"),
            let wait = dlsym(library, "epoll_wait")
        else { return nil }
        return (unsafeBitCast(create, to: CreateFunction.self), unsafeBitCast(control, to: ControlFunction.self),
                unsafeBitCast(wait, to: WaitFunction.self))
    }()

    let epollFD: Int32
    let wakeRead: Int32
    let wakeWrite: Int32
    let control: ControlFunction
    let wait: WaitFunction

    /// An epoll instance with the wake pipe registered, or `nil` without `epoll`.
    static func make() throws(HTTPServerError) -> EpollReadiness? {
        guard let functions else { return nil }
        let epollFD = functions.create(O_CLOEXEC)
        guard epollFD >= 0 else { return nil }
        let (wakeRead, wakeWrite): (Int32, Int32)
        do {
            (wakeRead, wakeWrite) = try Socket.makeWakePipe()
        } catch {
            close(epollFD)
            throw error
        }
        let readiness = EpollReadiness(
            epollFD: epollFD, wakeRead: wakeRead, wakeWrite: wakeWrite, control: functions.control,
            wait: functions.wait)
        // Level-triggered and never disarmed: once written, it wakes every waiter.
        guard readiness.change(Self.controlAdd, wakeRead, events: Self.epollIn, token: Self.wakeToken) else {
            readiness.dispose()
            return nil
        }
        return readiness
    }

    init(epollFD: Int32, wakeRead: Int32, wakeWrite: Int32, control: @escaping ControlFunction,
         wait: @escaping WaitFunction) {
        self.epollFD = epollFD
        self.wakeRead = wakeRead
        self.wakeWrite = wakeWrite
        self.control = control
        self.wait = wait
    }

    func register(_ fd: Int32, token: UInt64, interest: ReadinessInterest) -> Bool {
        change(Self.controlAdd, fd, events: Self.events(interest), token: token)
    }

    func rearm(_ fd: Int32, token: UInt64, interest: ReadinessInterest) {
        _ = change(Self.controlModify, fd, events: Self.events(interest), token: token)
    }

    func deregister(_ fd: Int32) {
        _ = change(Self.controlDelete, fd, events: 0, token: 0)
    }

    func nextReady(timeoutMilliseconds: Int32) -> UInt64? {
        withUnsafeTemporaryAllocation(byteCount: Self.eventSize, alignment: 8) { event in
            let n = wait(epollFD, event.baseAddress, 1, timeoutMilliseconds)
            guard n == 1 else { return nil }  // timeout, or EINTR: the caller waits again
            let token = event.loadUnaligned(fromByteOffset: Self.dataOffset, as: UInt64.self)
            return token == Self.wakeToken ? nil : token
        }
    }

    func wakeAll() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    func dispose() {
        close(epollFD)
        close(wakeRead)
        close(wakeWrite)
    }

    static func events(_ interest: ReadinessInterest) -> UInt32 {
        (interest == .readable ? epollIn : epollOut) | epollOneShot
    }

    /// One `epoll_ctl` call; `false` if it failed.
    func change(_ operation: Int32, _ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        withUnsafeTemporaryAllocation(byteCount: Self.eventSize, alignment: 8) { event in
            event.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            event.storeBytes(of: token, toByteOffset: Self.dataOffset, as: UInt64.self)
            return control(epollFD, operation, fd, event.baseAddress) == 0
        }
    }
}
#endif
