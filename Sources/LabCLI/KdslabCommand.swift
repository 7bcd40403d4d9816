import IAMPolicy

/// The `kdslab` command line: parses arguments, runs a command, returns the exit status.
public enum KdslabCommand {
    /// Runs `kdslab` with `arguments` (without the program name) and returns the exit status.
    public static func main(arguments: [String]) -> Int32 {
        0
    }
}
