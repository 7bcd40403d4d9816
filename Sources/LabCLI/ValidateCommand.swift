import IAMPolicy

/// `kdslab policy validate FILE`: Access Analyzer's ValidatePolicy findings for one policy.
struct ValidateCommand {
    /// Where input comes from and output goes.
    let io: CommandIO

    /// Runs the command; returns the exit status.
    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        throw .usage("'policy validate' is not available yet")
    }
}
