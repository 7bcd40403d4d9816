#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import LabCLI

// The whole CLI lives in LabCLI so it can be tested in-process; this file only hands over.
let status = KdslabCommand.main(arguments: Array(CommandLine.arguments.dropFirst()))
exit(status)
