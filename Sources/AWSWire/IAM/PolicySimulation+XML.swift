import IAMPolicy
import KinesisSim

/// The simulator's answer in IAM's XML: `EvaluationResults`, `IsTruncated`, `Marker`.
extension PolicySimulation {
    var resultNodes: [XMLNode] {
        var results: [XMLNode] = []
        for result in response.results {
            results.append(XMLNode.from(name: "member", json: Self.renamed(result.jsonValue, sources), maps: ["EvalDecisionDetails"]))
        }
        var out: [XMLNode] = [.element("EvaluationResults", results), .text("IsTruncated", response.isTruncated ? "true" : "false")]
        if let marker = response.marker { out.append(.text("Marker", marker)) }
        return out
    }

    /// `json` with each `SourcePolicyId`/`SourcePolicyType` pair renamed through `sources`.
    private static func renamed(_ json: JSONValue, _ sources: [String: SimulatedPolicySource]) -> JSONValue {
        guard !sources.isEmpty else { return json }
        switch json.kind {
        case .array(let elements):
            return .array(elements.map { renamed($0, sources) })
        case .object(let members):
            if let id = json["SourcePolicyId"]?.stringValue, let source = sources[id] {
                return .object(members.map { m in
                    switch m.key {
                    case "SourcePolicyId": ("SourcePolicyId", .string(source.id))
                    case "SourcePolicyType": ("SourcePolicyType", .string(source.type))
                    default: (m.key, m.value)
                    }
                })
            }
            return .object(members.map { ($0.key, renamed($0.value, sources)) })
        default:
            return json
        }
    }
}
