/// What a query operation produced: the children of its `<ActionResult>` element (no
/// result element when `nil`), and whether it changed state (and so is journaled).
struct QueryOutcome: Sendable {
    var result: [XMLNode]?
    var changesState: Bool
}
