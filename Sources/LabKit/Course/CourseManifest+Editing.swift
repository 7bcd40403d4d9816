import IAMPolicy

extension CourseManifest {
    /// `course.json`'s text with lab `id` appended to its `labs` list, the rest of the text
    /// (its layout, its other members) untouched; the text as it is when the list already
    /// names the lab; `nil` when the text has no `labs` list (the course orders its labs by
    /// their `order`, so there is nothing to add) or is not JSON.
    public static func addingLab(_ id: String, to text: String) -> String? {
        guard let json = try? JSONReader(limits: .init(maxBytes: 1_048_576, maxDepth: 16)).read(text),
              let labs = json["labs"], let elements = labs.elements else { return nil }
        if elements.contains(where: { $0.stringValue == id }) { return text }
        let quoted = JSONWriter.string(.string(id), pretty: false)
        var bytes = Array(text.utf8)
        if let last = elements.last {
            bytes.insert(contentsOf: Array((", " + quoted).utf8), at: last.range.end.offset)
        } else {
            // `[]`: inside the brackets, before the closing one.
            bytes.insert(contentsOf: Array(quoted.utf8), at: labs.range.end.offset - 1)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
