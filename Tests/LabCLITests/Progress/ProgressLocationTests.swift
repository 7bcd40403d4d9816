import Testing
@testable import LabCLI

@Suite struct ProgressLocationTests {
    @Test("KDSLAB_HOME, then XDG_STATE_HOME/kdslab, then ~/.local/state/kdslab", arguments: [
        (["KDSLAB_HOME": "/k", "XDG_STATE_HOME": "/x", "HOME": "/h"], "/k"),
        (["KDSLAB_HOME": "", "XDG_STATE_HOME": "/x/", "HOME": "/h"], "/x/kdslab"),
        (["XDG_STATE_HOME": "relative", "HOME": "/h"], "/h/.local/state/kdslab"),
        (["HOME": "/"], "/.local/state/kdslab"),
        ([:], nil),
    ] as [([String: String], String?)])
    func resolves(environment: [String: String], expected: String?) {
        #expect(ProgressLocation.resolve(environment: { environment[$0] }) == expected)
    }
}
