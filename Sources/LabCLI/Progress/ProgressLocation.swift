/// Where progress lives: `$KDSLAB_HOME`, else `$XDG_STATE_HOME/kdslab`, else
/// `$HOME/.local/state/kdslab`.
enum ProgressLocation {
    /// The directory for `environment`, or `nil` when none of the variables is usable.
    ///
    /// Empty values count as unset; a relative `XDG_STATE_HOME` is ignored, as the XDG Base
    /// Directory specification asks.
    static func resolve(environment: (String) -> String?) -> String? {
        func value(_ name: String) -> String? {
            guard let v = environment(name), !v.isEmpty else { return nil }
            return v
        }
        if let home = value("KDSLAB_HOME") { return home }
        if let state = value("XDG_STATE_HOME"), state.hasPrefix("/") { return trimmed(state) + "/kdslab" }
        if let home = value("HOME") { return trimmed(home) + "/.local/state/kdslab" }
        return nil
    }

    private static func trimmed(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return p == "/" ? "" : String(p)
    }
}
