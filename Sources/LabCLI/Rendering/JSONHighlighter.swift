/// Colours one line of JSON: keys, strings, numbers, literals and punctuation.
///
/// Works line by line and never fails: text it does not recognise stays plain, so a
/// half-written policy in a lesson is shown as written.
enum JSONHighlighter {
    static let key = TextStyle(bold: true, colour: .blue)
    static let string = TextStyle(colour: .green)
    static let number = TextStyle(colour: .yellow)
    static let literal = TextStyle(colour: .magenta)
    static let punctuation = TextStyle(dim: true)

    /// `line` as styled fragments.
    static func highlight(_ line: String) -> StyledLine {
        let chars = Array(line)
        var out = StyledLine()
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                var j = i + 1
                while j < chars.count, chars[j] != "\"" {
                    j += chars[j] == "\\" ? 2 : 1
                }
                j = min(j + 1, chars.count)
                var k = j
                while k < chars.count, chars[k] == " " { k += 1 }
                let isKey = k < chars.count && chars[k] == ":"
                out.append(String(chars[i..<j]), isKey ? key : string)
                i = j
            } else if "{}[]:,".contains(c) {
                out.append(String(c), punctuation)
                i += 1
            } else if c == "-" || c.isASCII && c.isNumber {
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isNumber || ".eE+-".contains(chars[j]) { j += 1 }
                out.append(String(chars[i..<j]), number)
                i = j
            } else if c.isLetter {
                var j = i + 1
                while j < chars.count, chars[j].isLetter { j += 1 }
                let word = String(chars[i..<j])
                out.append(word, ["true", "false", "null"].contains(word) ? literal : .plain)
                i = j
            } else {
                var j = i + 1
                while j < chars.count, !"\"{}[]:,-".contains(chars[j]), !chars[j].isLetter, !(chars[j].isASCII && chars[j].isNumber) { j += 1 }
                out.append(String(chars[i..<j]))
                i = j
            }
        }
        return out
    }
}
