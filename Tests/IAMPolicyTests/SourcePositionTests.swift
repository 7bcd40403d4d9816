import Testing
@testable import IAMPolicy

@Suite struct SourcePositionTests {
    @Test func positionsOrderByOffset() {
        let a = SourcePosition(line: 1, column: 5, offset: 4)
        let b = SourcePosition(line: 2, column: 1, offset: 10)
        #expect(a < b)
        #expect(SourceRange(at: a).union(SourceRange(at: b)) == SourceRange(start: a, end: b))
        #expect(a.description == "1:5")
    }
}
