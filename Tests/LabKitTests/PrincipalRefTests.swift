import Testing
@testable import LabKit

@Suite struct PrincipalRefTests {
    @Test("Accepted forms", arguments: [
        ("role/checkout-producer", PrincipalRef(kind: .role, name: "checkout-producer")),
        ("user/auditor", PrincipalRef(kind: .user, name: "auditor")),
        ("444455556666:role/reader", PrincipalRef(kind: .role, name: "reader", account: "444455556666")),
        ("arn:aws:iam::444455556666:user/ana", PrincipalRef(kind: .user, name: "ana", account: "444455556666")),
    ])
    func accepted(text: String, expected: PrincipalRef) {
        #expect(PrincipalRef(parsing: text) == expected)
        #expect(PrincipalRef(parsing: expected.description) == expected)
    }

    @Test("Refused forms", arguments: ["", "role/", "group/admins", "checkout", "12:role/x", "arn:aws:s3:::bucket/x", "role/a b"])
    func refused(text: String) {
        #expect(PrincipalRef(parsing: text) == nil)
    }

    @Test func arnUsesHomeAccountWhenNoneGiven() {
        #expect(PrincipalRef(kind: .role, name: "r").arn(home: "111122223333") == "arn:aws:iam::111122223333:role/r")
    }
}
