import Foundation
import IAMPolicy
import Testing
import LabKit

/// The glossary answers terms, aliases and action names, and points at lessons that exist.
@Suite struct GlossaryTests {
    let glossary = Glossary.course

    @Test("terms the issue asks for are there", arguments: [
        "ARN", "principal", "implicit deny", "enhanced fan-out", "KCL", "KPL", "PrivateLink",
        "explicit deny", "permissions boundary", "trust policy", "FIPS endpoint", "interface VPC endpoint",
    ])
    func termIsDefined(term: String) {
        guard case .entries(let entries) = glossary.lookUp(term) else {
            Issue.record("no entry for \(term)")
            return
        }
        #expect(entries.first?.term.lowercased() == term.lowercased())
    }

    @Test("an alias or any case finds the term", arguments: [
        ("amazon resource name", "ARN"), ("EFO", "enhanced fan-out"), ("Kinesis Client Library", "KCL"), ("scp", "SCP"),
    ])
    func aliasFindsTheTerm(query: String, term: String) {
        guard case .entries(let entries) = glossary.lookUp(query) else {
            Issue.record("nothing for \(query)")
            return
        }
        #expect(entries.map(\.term) == [term])
    }

    @Test func aWordInADefinitionFindsEveryEntryThatMentionsIt() {
        guard case .entries(let entries) = glossary.lookUp("DynamoDB") else {
            Issue.record("nothing for DynamoDB")
            return
        }
        #expect(entries.map(\.term).contains("KCL"))
    }

    @Test("an action is answered from the catalog", arguments: [
        ("PutRecord", "kinesis:PutRecord", false), ("kinesis:updateshardcount", "kinesis:UpdateShardCount", true),
        ("GenerateDataKey", "kms:GenerateDataKey", false),
    ])
    func actionFromTheCatalog(query: String, action: String, starOnly: Bool) {
        guard case .action(let a) = glossary.lookUp(query) else {
            Issue.record("\(query) is not answered as an action")
            return
        }
        #expect(a.fullName == action)
        #expect(a.requiresWildcardResource == starOnly)
    }

    @Test func anUnknownWordSuggestsTheNearestTerm() {
        #expect(glossary.lookUp("prinicpal") == .nothing(suggestion: "principal"))
        #expect(glossary.lookUp("zzzzzz") == .nothing(suggestion: nil))
    }

    @Test func everyEntryNamesLessonsThatExist() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("content")
        let count = try FileManager.default.contentsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".md") }.count
        for entry in glossary.entries {
            #expect(!entry.lessons.isEmpty, "\(entry.term) names no lesson")
            #expect(entry.lessons.allSatisfy { (1...count).contains($0) }, "\(entry.term): \(entry.lessons)")
        }
        #expect(Set(glossary.entries.map { $0.term.lowercased() }).count == glossary.entries.count, "a term is defined twice")
    }
}

/// The cheat sheet is read from the catalog: every `*`-only action, and each role's actions
/// with the resource types the grader uses.
@Suite struct CheatSheetTests {
    let sheet = CheatSheet.course()

    @Test func theStarOnlySectionIsEveryCatalogActionWithoutAResourceType() throws {
        let section = try #require(sheet.sections.first { $0.title == "*-only actions" })
        let expected = ServiceCatalog.aws.allActions.filter(\.requiresWildcardResource).map(\.fullName)
        #expect(section.entries.map(\.action) == expected)
        #expect(section.entries.allSatisfy { $0.resources == "* only" })
        for name in ["kinesis:ListStreams", "kinesis:DescribeLimits", "kinesis:UpdateShardCount", "kinesis:UpdateStreamMode"] {
            #expect(expected.contains(name), "\(name) should take only *")
        }
    }

    @Test("each role's actions carry the catalog's resource types", arguments: [
        ("producer", "kinesis:PutRecord", "stream"),
        ("enhanced fan-out consumer", "kinesis:SubscribeToShard", "consumer"),
        ("resharding operator", "kinesis:UpdateShardCount", "* only"),
        ("administrator", "kinesis:StartStreamEncryption", "kmsKey + stream"),
        ("consumer", "kms:Decrypt", "key"),
    ])
    func roleEntry(role: String, action: String, resources: String) throws {
        let section = try #require(sheet.sections.first { $0.title == role })
        let entry = try #require(section.entries.first { $0.action == action })
        #expect(entry.resources == resources)
    }

    @Test func permissionChangingActionsAreMarked() throws {
        let sharing = try #require(sheet.sections.first { $0.title.hasPrefix("sharing") })
        #expect(sharing.entries.first { $0.action == "kinesis:PutResourcePolicy" }?.changesPermissions == true)
        let producer = try #require(sheet.sections.first { $0.title == "producer" })
        #expect(producer.entries.allSatisfy { !$0.changesPermissions })
    }

    @Test func sectionsNarrowByRoleThenByAction() {
        #expect(sheet.sections(matching: "resharding").map(\.title) == ["resharding operator"])
        let byAction = sheet.sections(matching: "subscribetoshard")
        #expect(byAction.map(\.title) == ["enhanced fan-out consumer"])
        #expect(byAction.first?.entries.map(\.action) == ["kinesis:SubscribeToShard"])
        #expect(sheet.sections(matching: "").count == sheet.sections.count)
        #expect(sheet.sections(matching: "nothing-like-this").isEmpty)
    }

    @Test func everyRoleActionIsInTheCatalog() {
        let names = CheatSheet.course().sections.flatMap(\.entries).map(\.action)
        #expect(names.allSatisfy { ServiceCatalog.aws.action($0) != nil })
        #expect(sheet.sections.filter { !$0.title.hasPrefix("*") }.allSatisfy { !$0.entries.isEmpty })
    }
}
