/// A policy text with `${...}` variables, compiled once and filled in per request.
///
/// Under Version 2012-10-17, `${aws:username}` takes the request's value for that key,
/// `${aws:PrincipalTag/team, 'default'}` falls back to the quoted default, and `${*}`,
/// `${?}`, `${$}` stand for literal `*`, `?`, `$`. Characters produced by substitution are
/// literal: they never act as wildcards, even under `StringLike` (AWS leaves the case of a
/// `*` inside a user name open; treating it as literal is the safer reading).
public struct PolicyVariableTemplate: Sendable, Equatable {
    /// One piece of the text.
    public enum Part: Sendable, Equatable {
        /// Text as written: its `*` and `?` keep their wildcard meaning.
        case text(String)
        /// A literal character from `${*}`, `${?}` or `${$}`.
        case literal(String)
        /// A variable: the lower-cased context key and the optional default value.
        case variable(key: String, written: String, defaultValue: String?)
    }

    /// The parts in order.
    public var parts: [Part]

    /// Compiles `text`; `nil` when it holds no variable (the common case).
    public init?(_ text: String) {
        guard text.contains("${") else { return nil }
        var parts: [Part] = []
        var buffer = ""
        var rest = Substring(text)
        while let dollar = Self.variableStart(in: rest) {
            let innerStart = rest.index(dollar, offsetBy: 2)
            guard let close = rest[innerStart...].firstIndex(of: "}") else { break }
            buffer += rest[..<dollar]
            let inner = rest[innerStart..<close]
            switch inner {
            case "*", "?", "$":
                if !buffer.isEmpty { parts.append(.text(buffer)); buffer = "" }
                parts.append(.literal(String(inner)))
            default:
                if !buffer.isEmpty { parts.append(.text(buffer)); buffer = "" }
                parts.append(Self.variable(inner))
            }
            rest = rest[rest.index(after: close)...]
        }
        buffer += rest
        if !buffer.isEmpty { parts.append(.text(buffer)) }
        self.parts = parts
    }

    /// Where the next `${` begins.
    private static func variableStart(in s: Substring) -> Substring.Index? {
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "$" {
                let next = s.index(after: i)
                if next < s.endIndex && s[next] == "{" { return i }
            }
            i = s.index(after: i)
        }
        return nil
    }

    private static func variable(_ inner: Substring) -> Part {
        // `key, 'default'`: a comma, optional spaces, then a single-quoted value.
        if let comma = inner.firstIndex(of: ",") {
            let key = inner[..<comma].trimmingSpaces
            let rest = inner[inner.index(after: comma)...].trimmingSpaces
            if rest.count >= 2, rest.first == "'", rest.last == "'" {
                return .variable(key: key.lowercased(), written: String(key),
                                 defaultValue: String(rest.dropFirst().dropLast()))
            }
        }
        let key = inner.trimmingSpaces
        return .variable(key: key.lowercased(), written: String(key), defaultValue: nil)
    }

    /// The context keys the template reads, as written.
    public var variableKeys: [String] {
        parts.compactMap {
            if case .variable(_, let written, _) = $0 { return written }
            return nil
        }
    }

    /// Fills in the variables from `context`; `nil` when one cannot be resolved (then the
    /// value matches nothing). `wildcards` keeps `*`/`?` of the written text as glob tokens.
    public func resolve(in context: RequestContext, wildcards: Bool, caseInsensitive: Bool = false) -> [Glob.Token]? {
        var tokens: [Glob.Token] = []
        for part in parts {
            switch part {
            case .text(let s):
                if wildcards {
                    tokens += Glob.compile(s, caseInsensitive: caseInsensitive)
                } else {
                    tokens += s.utf8.map { .byte(caseInsensitive ? Glob.lowerASCII($0) : $0) }
                }
            case .literal(let s):
                tokens += s.utf8.map { .byte($0) }
            case .variable(let key, _, let defaultValue):
                let value: String
                if let v = context.value(forNormalizedKey: key), v.values.count == 1, !v.type.isList {
                    value = v.values[0]
                } else if let d = defaultValue {
                    value = d
                } else {
                    return nil
                }
                tokens += value.utf8.map { .byte(caseInsensitive ? Glob.lowerASCII($0) : $0) }
            }
        }
        return tokens
    }

    /// Fills in the variables as plain text (no wildcards); `nil` when one cannot be resolved.
    public func resolvedString(in context: RequestContext) -> String? {
        guard let tokens = resolve(in: context, wildcards: false) else { return nil }
        let bytes = tokens.map { token -> UInt8 in
            if case .byte(let b) = token { return b }
            return 0
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
