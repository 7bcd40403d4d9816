import KinesisSim
import LabKit
import Testing
@testable import LabCLI

@Suite struct ServedWorldTests {
    @Test func theDefaultWorldAnswersForUSEast1Only() {
        #expect(ServedWorld.defaultWorld().service.regions == ["us-east-1"])
    }

    @Test func aLabWorldAnswersForEveryRegionItsStreamsAndKeysLiveIn() {
        let spec = WorldSpec(region: "us-east-1", streams: [
            StreamSpec(name: "a", account: "111122223333", region: "us-east-1"),
            StreamSpec(name: "b", account: "111122223333", region: "us-east-2"),
        ])
        #expect(ServedWorld.regions(of: spec) == ["us-east-1", "us-east-2"])
    }
}
