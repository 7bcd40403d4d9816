import Testing
@testable import LabCLI
