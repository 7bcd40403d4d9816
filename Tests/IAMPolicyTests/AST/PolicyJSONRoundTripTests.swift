import Testing
@testable import IAMPolicy

@Suite("Policy JSON encoding")
struct PolicyJSONRoundTripTests {
    /// Every policy of every evaluation fixture, labelled `file/row/slot`.
    static let corpus: [(label: String, text: String, type: PolicyType)] = EvaluationFixture.files.flatMap { file in
        EvaluationFixture.all(in: file).flatMap { row in
            row.policyTexts.map { ("\(file)/\(row.name)/\($0.label)", $0.text, $0.type) }
        }
    }

    @Test("the fixtures hold a large corpus of policies to round-trip")
    func corpusIsLarge() {
        #expect(Self.corpus.count > 400)
    }

    @Test("parse → encode → parse gives the same policy, and encoding is a fixpoint",
          arguments: EvaluationFixture.files)
    func roundTripIsStable(_ file: String) throws {
        for (label, text, type) in Self.corpus where label.hasPrefix(file + "/") {
            let first = try PolicyParser(type: type).parse(text)
            let encoded = JSONWriter.string(first.jsonValue)
            let second = try PolicyParser(type: type).parse(encoded)
            #expect(first.jsonValue.withoutRanges == second.jsonValue.withoutRanges, "\(label)")
            #expect(JSONWriter.string(second.jsonValue) == encoded, "\(label)")
            // The AST agrees too, node by node, once ranges are set aside.
            #expect(first.version == second.version && first.id == second.id, "\(label)")
            #expect(first.statements.count == second.statements.count, "\(label)")
            for (a, b) in zip(first.statements, second.statements) {
                #expect(a.effect == b.effect && a.sid == b.sid, "\(label)")
                #expect(a.action.isNegated == b.action.isNegated, "\(label)")
                #expect(a.action.patterns.map(\.text) == b.action.patterns.map(\.text), "\(label)")
                #expect(a.resource?.isNegated == b.resource?.isNegated, "\(label)")
                #expect(a.resource?.patterns.map(\.text) == b.resource?.patterns.map(\.text), "\(label)")
                #expect(a.principal?.isNegated == b.principal?.isNegated, "\(label)")
                #expect(a.principal?.set.entries.map { "\($0.type):\($0.value)" } == b.principal?.set.entries.map { "\($0.type):\($0.value)" }, "\(label)")
                #expect(a.conditions.map { "\($0.op) \($0.key) \($0.values.map { "\($0.writtenAs):\($0.text)" })" }
                        == b.conditions.map { "\($0.op) \($0.key) \($0.values.map { "\($0.writtenAs):\($0.text)" })" }, "\(label)")
            }
        }
    }

    @Test("the encoder writes the canonical member order and keeps condition value types")
    func canonicalShape() throws {
        let text = #"{"Statement":{"Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"k":[1,2.50]}},"Resource":["a","arn:x"],"Action":"kinesis:Get*","Effect":"Deny","Sid":"S1"},"Id":"x","Version":"2012-10-17"}"#
        let identity = try PolicyParser().parse(text.replacingOccurrences(of: #"["a","arn:x"]"#, with: #"["*","arn:x"]"#))
        #expect(JSONWriter.string(identity.jsonValue) ==
            #"{"Version":"2012-10-17","Id":"x","Statement":[{"Sid":"S1","Effect":"Deny","Action":"kinesis:Get*","Resource":["*","arn:x"],"Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"k":[1,2.50]}}}]}"#)
    }

    @Test("principals are grouped by type and the bare star stays a string")
    func principalEncoding() throws {
        let text = #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::111122223333:user/a"],"Service":"lambda.amazonaws.com"},"Action":"kinesis:Get*","Resource":"*"},{"Effect":"Deny","NotPrincipal":"*","Action":"*","Resource":"*"}]}"#
        let policy = try PolicyParser(type: .resource).parse(text)
        #expect(JSONWriter.string(policy.jsonValue) ==
            #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::111122223333:user/a"],"Service":"lambda.amazonaws.com"},"Action":"kinesis:Get*","Resource":"*"},{"Effect":"Deny","NotPrincipal":"*","Action":"*","Resource":"*"}]}"#)
    }
}
