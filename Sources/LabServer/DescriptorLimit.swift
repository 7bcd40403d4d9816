#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open descriptors (`RLIMIT_NOFILE`), which bounds how many
/// connections a server can hold.
enum DescriptorLimit {
    /// Raises the soft limit to the hard limit (on Darwin, to at most `OPEN_MAX`, above which
    /// `setrlimit` fails) and returns the soft limit now in force.
    @discardableResult
    static func raiseToHardLimit() -> Int {
        var limit = rlimit()
        guard get(&limit) else { return 1024 }
        var wanted = limit.rlim_max
        #if canImport(Darwin)
        wanted = min(wanted, rlim_t(OPEN_MAX))
        #endif
        // An unlimited hard limit may still be refused above the kernel's `nr_open`
        // (2^20 by default on Linux): then try that.
        for candidate in [wanted, min(wanted, 1 << 20)] where limit.rlim_cur < candidate {
            var raised = limit
            raised.rlim_cur = candidate
            if set(&raised) {
                limit = raised
                break
            }
        }
        return Int(clamping: limit.rlim_cur)
    }

    static func get(_ limit: inout rlimit) -> Bool {
        #if canImport(Glibc)
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0
        #else
        getrlimit(RLIMIT_NOFILE, &limit) == 0
        #endif
    }

    static func set(_ limit: inout rlimit) -> Bool {
        #if canImport(Glibc)
        setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0
        #else
        setrlimit(RLIMIT_NOFILE, &limit) == 0
        #endif
    }
}
