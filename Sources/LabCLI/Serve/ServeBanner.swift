/// What `kdslab serve` prints once it listens: what is served and where, the keys to sign
/// in with, two commands to try, and what happens to the state.
struct ServeBanner {
    var served: ServedWorld
    var host: String
    var port: Int
    var statePath: String?
    var replayed: Int
    var restoredRecords = 0
    var quiet: Bool
    var transitions = ServeTransitions.standard

    /// `http://HOST:PORT` (IPv6 addresses in brackets).
    var endpointURL: String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    /// ` (also us-east-2)` when the world spans more regions than its home one.
    var otherRegions: String {
        let others = served.service.regions.filter { $0 != served.region }
        return others.isEmpty ? "" : " (also \(others.joined(separator: ", ")))"
    }

    var text: String {
        let url = endpointURL
        var lines = [
            "kdslab serve: \(served.summary)",
            "Endpoint: \(url)  region \(served.region)" + otherRegions,
            "",
            "Access keys (access key id = secret access key):",
        ]
        let width = served.keys.map(\.accessKeyId.count).max() ?? 0
        for key in served.keys {
            let id = key.accessKeyId + String(repeating: " ", count: width - key.accessKeyId.count)
            lines.append(key.accessKeyId == key.secretAccessKey
                ? "  \(id)  \(key.owner)"
                : "  \(id)  secret \(key.secretAccessKey)  \(key.owner)")
        }
        lines += [
            "",
            "Try it in another terminal:",
            "  export AWS_ACCESS_KEY_ID=admin AWS_SECRET_ACCESS_KEY=admin AWS_DEFAULT_REGION=\(served.region)",
            "  aws --endpoint-url \(url) kinesis list-streams",
        ]
        if let principal = served.keys.dropFirst().first {
            let id = principal.accessKeyId
            lines.append("  AWS_ACCESS_KEY_ID=\(id) AWS_SECRET_ACCESS_KEY=\(principal.secretAccessKey) aws --endpoint-url \(url) sts get-caller-identity")
        } else {
            lines.append("  aws --endpoint-url \(url) sts get-caller-identity")
        }
        lines.append("")
        lines.append(transitions.bannerLine)
        switch statePath {
        case nil: lines.append("State: in memory only; pass --state FILE to keep it across restarts.")
        case let path?:
            let records = restoredRecords == 0 ? "" : ", \(restoredRecords) record\(restoredRecords == 1 ? "" : "s") put back"
            lines.append("State: \(path) (\(replayed) request\(replayed == 1 ? "" : "s") replayed\(records)); each change is on disk before it is acknowledged.")
        }
        lines.append(quiet ? "Ctrl-C stops the server." : "Requests are logged below; Ctrl-C stops the server.")
        return lines.joined(separator: "\n") + "\n"
    }
}
