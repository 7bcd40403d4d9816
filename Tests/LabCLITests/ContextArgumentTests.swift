import IAMPolicy
import Testing
@testable import LabCLI

@Suite("--context")
struct ContextArgumentTests {
    @Test("KEY=TYPE:VALUE, lists split on commas, KEY=VALUE is a string", arguments: [
        ("aws:SecureTransport=boolean:false", "aws:SecureTransport", ContextValue(type: .boolean, values: ["false"])),
        ("aws:TagKeys=stringList:team,env", "aws:TagKeys", ContextValue(type: .stringList, values: ["team", "env"])),
        ("aws:SourceIp=IP:10.0.0.1", "aws:SourceIp", ContextValue(type: .ip, values: ["10.0.0.1"])),
        ("aws:SourceArn=arn:aws:kinesis:us-east-1:1:stream/a", "aws:SourceArn",
         ContextValue(type: .string, values: ["arn:aws:kinesis:us-east-1:1:stream/a"])),
        ("aws:username=a,b", "aws:username", ContextValue(type: .string, values: ["a,b"])),
        ("k=", "k", ContextValue(type: .string, values: [""])),
    ])
    func parses(text: String, key: String, value: ContextValue) throws {
        let argument = try ContextArgument(parsing: text)
        #expect(argument.key == key)
        #expect(argument.value == value)
    }

    @Test("no key or no '=' is bad usage", arguments: ["aws:SecureTransport", "=x", ""])
    func refuses(text: String) {
        #expect(throws: CommandFailure.self) { try ContextArgument(parsing: text) }
    }

    @Test("a key given twice is bad usage")
    func duplicate() {
        #expect(throws: CommandFailure.self) { try ContextArgument.context(["a:b=1", "A:B=2"]) }
    }
}
