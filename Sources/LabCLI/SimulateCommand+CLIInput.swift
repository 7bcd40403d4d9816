import IAMPolicy

extension SimulateCommand {
    /// Limits on the `--cli-input-json` document (it holds whole policies as strings).
    static let inputLimits = JSONReader.Limits(maxBytes: SourceFile.readLimit, maxDepth: 64)

    /// `--cli-input-json FILE|-`: `aws iam simulate-custom-policy`'s input and output.
    func runCLIInput(_ path: String, format: OutputFormat, style: TerminalStyle) throws(CommandFailure) -> Int32 {
        let bytes = try SourceFile.bytes(path, io: io)
        let name = SourceFile.displayName(path)
        let root: JSONValue
        do {
            root = try JSONReader(limits: Self.inputLimits).read(bytes: bytes)
        } catch {
            throw CommandFailure(lines: error.report(file: name, text: String(decoding: bytes, as: UTF8.self)))
        }
        let input: CustomPolicySimulationInput
        let response: SimulationResponse
        do {
            input = try CustomPolicySimulationInput(cliInputJSON: root)
            response = try CustomPolicySimulator().simulate(input)
        } catch {
            var lines = [error.description]
            if let (id, parseError) = error.policyError, let text = Self.policies(of: root)[id] {
                lines += SourceExcerpt(text).underlined(SourceRange(at: parseError.range.start), maxLines: 1, style: .plain) { $0 }
            }
            throw CommandFailure(lines: lines)
        }
        switch format {
        case .json:
            io.line(JSONWriter.string(response.jsonValue, pretty: true))
        case .text:
            let sources = Self.policies(of: root)
            let policies = Self.policySet(input)
            write(response.results.map { Verdict($0.result, policies: policies) }, sources: sources, format: .text, style: style)
            if response.isTruncated, let marker = response.marker {
                io.line(style.dim("More results follow: run again with \"Marker\": \"\(marker)\"."))
            }
        }
        return 0
    }

    /// The input's policies by the ids results give them (`PolicyInputList.1`, ...).
    static func policies(of root: JSONValue) -> [String: String] {
        var out: [String: String] = [:]
        for key in ["PolicyInputList", "PermissionsBoundaryPolicyInputList"] {
            for (i, v) in (root[key]?.elements ?? []).enumerated() {
                if let s = v.stringValue { out["\(key).\(i + 1)"] = s }
            }
        }
        if let s = root["ResourcePolicy"]?.stringValue { out["ResourcePolicy"] = s }
        return out
    }

    /// The policy set the simulator built (it has already parsed every policy), for traces.
    static func policySet(_ input: CustomPolicySimulationInput) -> PolicySet {
        var set = PolicySet()
        for (i, text) in input.policyInputList.enumerated() {
            if let p = try? AttachedPolicy(id: "PolicyInputList.\(i + 1)", text: text) { set.identityPolicies.append(p) }
        }
        if let text = input.permissionsBoundaryPolicyInputList.first {
            set.permissionsBoundary = try? AttachedPolicy(id: "PermissionsBoundaryPolicyInputList.1", text: text)
        }
        if let text = input.resourcePolicy {
            set.resourcePolicy = try? AttachedPolicy(id: "ResourcePolicy", text: text, type: .resource)
        }
        return set
    }
}
