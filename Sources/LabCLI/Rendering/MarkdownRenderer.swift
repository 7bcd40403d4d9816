import LabKit

/// Renders a parsed Markdown document as terminal lines of a given width.
///
/// Pure: document in, lines out. With colour off the lines hold no escape codes; emphasis
/// markers are dropped and code spans keep their backticks.
struct MarkdownRenderer {
    /// The screen width in cells; narrower than 20 is treated as 20.
    var width: Int
    /// Colour or not.
    var style: TerminalStyle

    /// Creates a renderer.
    init(width: Int, style: TerminalStyle) {
        self.width = max(20, width)
        self.style = style
    }

    /// The document's lines, without trailing newlines.
    func render(_ document: MarkdownDocument) -> [String] {
        blocks(document.blocks, width: width, listDepth: 0, tight: false).map(style.paint)
    }

    /// The document as one text ending in a newline.
    func renderText(_ document: MarkdownDocument) -> String {
        render(document).joined(separator: "\n") + "\n"
    }

    var layout: InlineLayout { InlineLayout(colour: style.enabled) }

    /// Blocks one after another: separated by a blank line, or not at all when `tight`.
    func blocks(_ blocks: [MarkdownBlock], width: Int, listDepth: Int, tight: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        for block in blocks {
            let lines = self.block(block, width: width, listDepth: listDepth)
            guard !lines.isEmpty else { continue }
            if !out.isEmpty, !tight { out.append(StyledLine()) }
            out += lines
        }
        return out
    }

    private func block(_ block: MarkdownBlock, width: Int, listDepth: Int) -> [StyledLine] {
        let width = max(1, width)
        switch block.content {
        case .heading(let level, let text):
            return heading(level: level, text: text, width: width)
        case .paragraph(let inlines):
            return layout.wrap(inlines, width: width)
        case .list(let list):
            return self.list(list, width: width, depth: listDepth)
        case .quote(let inner):
            let bar = TextStyle(dim: true)
            return blocks(inner, width: width - 2, listDepth: listDepth, tight: false).map { line in
                var prefixed = StyledLine(line.fragments.isEmpty ? "│" : "│ ", style: bar)
                prefixed.append(line)
                return prefixed
            }
        case .code(let info, let lines):
            let json = info.split(separator: " ").first?.lowercased() == "json"
            return lines.map { raw in
                let text = raw  // the parser has already expanded tabs
                var line = StyledLine("  ")
                line.append(json && style.enabled ? JSONHighlighter.highlight(text) : StyledLine(text))
                return line.truncated(to: width)
            }
        case .table(let table):
            return self.table(table, width: width)
        case .rule:
            return [StyledLine(String(repeating: "─", count: width), style: TextStyle(dim: true))]
        case .comment:
            return []
        }
    }

    private func heading(level: Int, text: [MarkdownInline], width: Int) -> [StyledLine] {
        let lines = layout.wrap(text, width: width).map { line in
            line.restyled { $0.bold = true; $0.italic = $0.italic || level >= 4 }
        }
        guard level <= 2 else { return lines }
        let ruleWidth = min(width, lines.map(\.width).max() ?? 0)
        return lines + [StyledLine(String(repeating: level == 1 ? "═" : "─", count: ruleWidth))]
    }

    private func list(_ list: MarkdownList, width: Int, depth: Int) -> [StyledLine] {
        let markers: [String]
        if let start = list.start {
            let numbers = list.items.indices.map { String(start + $0) + "." }
            let widest = numbers.map(\.count).max() ?? 0
            markers = numbers.map { String(repeating: " ", count: widest - $0.count) + $0 + " " }
        } else {
            let bullet = ["•", "◦", "▪"][min(depth, 2)]
            markers = Array(repeating: bullet + " ", count: list.items.count)
        }
        var out: [StyledLine] = []
        for (item, marker) in zip(list.items, markers) {
            let indent = DisplayWidth.of(text: marker)
            let body = blocks(item.blocks, width: width - indent, listDepth: depth + 1, tight: true)
            for (index, line) in (body.isEmpty ? [StyledLine()] : body).enumerated() {
                var prefixed = StyledLine(index == 0 ? marker : String(repeating: " ", count: indent))
                if line.fragments.isEmpty, index > 0 { prefixed = StyledLine() }
                prefixed.append(line)
                out.append(prefixed)
            }
        }
        return out
    }
}
