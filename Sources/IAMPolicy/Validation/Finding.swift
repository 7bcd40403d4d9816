/// One result of validating a policy, shaped like Access Analyzer's `ValidatePolicyFinding`.
public struct Finding: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// How much it matters.
    public var findingType: FindingType
    /// What kind of problem it is.
    public var issueCode: IssueCode
    /// One line saying what is wrong and where, quoting the policy's text in backticks.
    public var findingDetails: String
    /// Documentation about this kind of finding.
    public var learnMoreLink: String
    /// The places in the policy the finding is about; the first is the main one.
    public var locations: [FindingLocation]

    /// Creates a finding with explicit metadata.
    public init(
        findingType: FindingType, issueCode: IssueCode, findingDetails: String,
        learnMoreLink: String, locations: [FindingLocation]
    ) {
        self.findingType = findingType
        self.issueCode = issueCode
        self.findingDetails = findingDetails
        self.learnMoreLink = learnMoreLink
        self.locations = locations
    }

    /// Creates a finding whose type and link come from the code's metadata.
    init(_ code: IssueCode, _ details: String, at locations: [FindingLocation]) {
        self.init(
            findingType: code.findingType, issueCode: code, findingDetails: details,
            learnMoreLink: code.learnMoreLink, locations: locations)
    }

    /// Creates a finding about one place.
    init(_ code: IssueCode, _ details: String, path: [FindingLocation.PathElement], span: SourceRange) {
        self.init(code, details, at: [FindingLocation(path: path, span: span)])
    }

    /// The main span: the first location's, or the start of the text.
    public var span: SourceRange {
        locations.first?.span ?? SourceRange(at: .start)
    }

    /// `line:column: TYPE ISSUE_CODE: details`.
    public var description: String {
        "\(span.start): \(findingType.rawValue) \(issueCode.rawValue): \(findingDetails)"
    }
}
