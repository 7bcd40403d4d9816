import Testing

/// Groups the value-parser suites so `swift test --filter Values` selects them all.
@Suite("Values") enum ValuesTests {}
