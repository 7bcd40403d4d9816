import IAMPolicy

/// One graded check of a lab, as its `lab.json` defines it.
public struct CheckSpec: Sendable, Equatable {
    /// A stable id, unique in the lab (`producer-can-put`).
    public var id: String
    /// What the check verifies, in a few words for the learner.
    public var title: String
    /// Points awarded when it passes.
    public var points: Int
    /// The hint ladder for this check, gentle to specific.
    public var hints: [String]
    /// What is checked.
    public var kind: Kind
    /// Where the check is written in `lab.json`.
    public var line: Int

    /// The kinds of check.
    public enum Kind: Sendable, Equatable {
        /// A request must be allowed or denied.
        case access(AccessCheckSpec)
        /// The set of grants must contain `required` and stay within `required` ∪ `optional`.
        case exactAccess(ExactAccessSpec)
        /// A script of Kinesis calls, each expecting success or a given error.
        case workload(WorkloadSpec)
        /// No validation findings at or above a severity; named issue codes absent.
        case findings(FindingsSpec)
        /// A quiz: the learner's predicted decisions must match the evaluator's.
        case predict(PredictSpec)
        /// A multiple-choice quiz for ideas that are not policies to write.
        case choice(ChoiceSpec)
    }

    /// Creates a check spec.
    public init(id: String, title: String, points: Int = 1, hints: [String] = [], kind: Kind, line: Int = 0) {
        self.id = id
        self.title = title
        self.points = points
        self.hints = hints
        self.kind = kind
        self.line = line
    }

    /// The kind's name as lab files and reports write it.
    public var kindName: String {
        switch kind {
        case .access: "access"
        case .exactAccess: "exact-access"
        case .workload: "workload"
        case .findings: "findings"
        case .predict: "predict"
        case .choice: "choice"
        }
    }

    /// Every kind name a lab file may use.
    public static let kindNames = ["access", "exact-access", "workload", "findings", "predict", "choice"]
}

/// One request a check asks about: who, what, on what, how.
public struct AccessRequestSpec: Sendable, Equatable {
    /// The caller (a role acts through a session of that role).
    public var principal: PrincipalRef
    /// `service:Action`.
    public var action: String
    /// The resource ARN (short forms already expanded), or `*`.
    public var resource: String
    /// Extra context keys.
    public var context: [String: ContextValue]
    /// How the request arrives.
    public var via: ConnectionSpec

    /// Creates a request spec.
    public init(principal: PrincipalRef, action: String, resource: String, context: [String: ContextValue] = [:],
                via: ConnectionSpec = .https) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.context = context
        self.via = via
    }

    /// Whether `action` is a pattern (`kinesis:*`, only in `access` checks): the check is
    /// then about every action it matches that acts on the resource.
    public var isEveryAction: Bool { Glob.hasWildcard(action) }

    /// The actions the request names: `action` itself, or for a pattern every action of the
    /// catalog it matches whose resource types take `resource` (`*` for the actions that
    /// take no resource), in catalog order.
    public var actions: [String] {
        guard isEveryAction else { return [action] }
        let catalog = ServiceCatalog.aws
        return catalog.actions(matching: action).filter { a in
            if resource == "*" { return a.resourceTypes.isEmpty }
            return a.resourceTypes.contains { t in
                catalog.resourceType(named: t.name, service: a.servicePrefix)?.matches(arn: resource) ?? false
            }
        }.map(\.fullName)
    }

    /// `kinesis:PutRecord on arn:…:stream/orders as role/checkout-producer`; for a pattern,
    /// `every kinesis:* action on …`.
    public var summary: String {
        var s = isEveryAction ? "every \(action) action on \(resource) as \(principal)" : "\(action) on \(resource) as \(principal)"
        if via != .https { s += " \(via.summary)" }
        return s
    }
}

/// What an `access` check (or a quiz answer) expects.
public enum AccessExpectation: String, Sendable, Equatable, CaseIterable {
    /// The request must be allowed.
    case allowed
    /// The request must be denied, explicitly or implicitly.
    case denied
    /// A Deny statement must deny it.
    case explicitDeny
    /// Nothing may allow it (and nothing denies it).
    case implicitDeny

    /// Whether `decision` meets the expectation.
    public func isMet(by decision: Decision) -> Bool {
        switch self {
        case .allowed: decision == .allowed
        case .denied: decision != .allowed
        case .explicitDeny: decision == .explicitDeny
        case .implicitDeny: decision == .implicitDeny
        }
    }

    /// Reads `allowed`, `denied`, `explicitDeny`/`explicit deny`/`explicit-deny`, and the
    /// same for implicit (any case).
    public init?(parsing text: String) {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "")
            .replacingOccurrences(of: "_", with: "")
        switch t {
        case "allowed", "allow": self = .allowed
        case "denied", "deny": self = .denied
        case "explicitdeny", "explicitlydenied": self = .explicitDeny
        case "implicitdeny", "implicitlydenied": self = .implicitDeny
        default: return nil
        }
    }
}

/// An `access` check: one request and the decision it must get.
public struct AccessCheckSpec: Sendable, Equatable {
    /// The request.
    public var request: AccessRequestSpec
    /// The decision it must get.
    public var expect: AccessExpectation

    /// Creates an access check.
    public init(request: AccessRequestSpec, expect: AccessExpectation) {
        self.request = request
        self.expect = expect
    }
}

/// An (action, resource) pair a policy grants.
public struct Grant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `service:Action` in the catalog's spelling.
    public var action: String
    /// A resource ARN, or `*`.
    public var resource: String

    /// Creates a grant.
    public init(action: String, resource: String) {
        self.action = action
        self.resource = resource
    }

    public var description: String { "\(action) on \(resource)" }

    public static func < (a: Grant, b: Grant) -> Bool { (a.action, a.resource) < (b.action, b.resource) }
}

/// An `exact-access` check.
public struct ExactAccessSpec: Sendable, Equatable {
    /// Whose grants are measured.
    public var principal: PrincipalRef
    /// How its requests arrive (and any extra context), for every request measured.
    public var via: ConnectionSpec
    /// Extra context keys for every request measured.
    public var context: [String: ContextValue]
    /// Grants that must be present.
    public var required: [Grant]
    /// Grants that may be present.
    public var optional: [Grant]
    /// Required groups that any one of their actions meets (`oneOf` in `lab.json`).
    public var requiredOneOf: [GrantChoice]

    /// Creates an exact-access check.
    public init(principal: PrincipalRef, via: ConnectionSpec = .https, context: [String: ContextValue] = [:],
                required: [Grant], optional: [Grant] = [], requiredOneOf: [GrantChoice] = []) {
        self.principal = principal
        self.via = via
        self.context = context
        self.required = required
        self.optional = optional
        self.requiredOneOf = requiredOneOf
    }
}

/// A `workload` check: Kinesis calls in order.
public struct WorkloadSpec: Sendable, Equatable {
    /// The calls.
    public var steps: [WorkloadStep]

    /// Creates a workload.
    public init(steps: [WorkloadStep]) {
        self.steps = steps
    }
}

/// One call of a workload (possibly repeated).
public struct WorkloadStep: Sendable, Equatable {
    /// Who calls.
    public var principal: PrincipalRef
    /// How the call arrives.
    public var via: ConnectionSpec
    /// The Kinesis operation (`PutRecord`).
    public var call: String
    /// The request body in the Kinesis API's JSON shape. Two conveniences: `"Text"` in place
    /// of `"Data"` gives the data as text (base64-encoded for you); `"$ShardIterator"` as a
    /// value stands for the last iterator a step returned. In `repeat`ed steps, `${n}` in a
    /// string is the 1-based repetition number.
    public var input: JSONValue
    /// How many times to make the call.
    public var repeatCount: Int
    /// What each call must give.
    public var expect: StepExpectation
    /// For GetRecords: the records it must return.
    public var records: RecordExpectation?
    /// What the step does, for the learner ("the producer writes 20 orders").
    public var title: String?
    /// Where the step is written in `lab.json`.
    public var line: Int

    /// Creates a step.
    public init(principal: PrincipalRef, via: ConnectionSpec = .https, call: String, input: JSONValue,
                repeatCount: Int = 1, expect: StepExpectation = .success, records: RecordExpectation? = nil,
                title: String? = nil, line: Int = 0) {
        self.principal = principal
        self.via = via
        self.call = call
        self.input = input
        self.repeatCount = repeatCount
        self.expect = expect
        self.records = records
        self.title = title
        self.line = line
    }
}

/// What a workload call must give.
public enum StepExpectation: Sendable, Equatable, CustomStringConvertible {
    /// Success.
    case success
    /// The error with this code (`AccessDeniedException`).
    case error(String)

    public var description: String {
        switch self {
        case .success: "success"
        case .error(let code): code
        }
    }
}

/// The records a GetRecords step must return, in order.
public struct RecordExpectation: Sendable, Equatable {
    /// How many.
    public var count: Int
    /// Their data as text: a template where `${n}` is the record's 1-based position, or `nil`
    /// to check only the count.
    public var text: String?

    /// Creates a record expectation.
    public init(count: Int, text: String? = nil) {
        self.count = count
        self.text = text
    }
}

/// A `findings` check.
public struct FindingsSpec: Sendable, Equatable {
    /// No finding at or above this severity may remain (`nil`: no severity limit).
    public var failAt: FindingType?
    /// Issue codes that must not appear.
    public var absent: [String]

    /// Creates a findings check.
    public init(failAt: FindingType? = nil, absent: [String] = []) {
        self.failAt = failAt
        self.absent = absent
    }
}

/// A `predict` quiz.
public struct PredictSpec: Sendable, Equatable {
    /// One question: a request whose decision the learner predicts.
    public struct Question: Sendable, Equatable {
        /// The answer key's id (`q1`).
        public var id: String
        /// The question as the learner reads it.
        public var prompt: String
        /// The request.
        public var request: AccessRequestSpec
        /// The lesson section to read again after a wrong answer, if the lab names one.
        public var section: LessonSectionRef?

        /// Creates a question.
        public init(id: String, prompt: String, request: AccessRequestSpec, section: LessonSectionRef? = nil) {
            self.id = id
            self.prompt = prompt
            self.request = request
            self.section = section
        }
    }

    /// The questions.
    public var questions: [Question]

    /// Creates a quiz.
    public init(questions: [Question]) {
        self.questions = questions
    }
}

/// A `choice` quiz: multiple-choice questions with an answer key.
public struct ChoiceSpec: Sendable, Equatable {
    /// One question.
    public struct Question: Sendable, Equatable {
        /// The answer key's id (`q1`).
        public var id: String
        /// The question.
        public var prompt: String
        /// The choices, in order: (letter or short key, text).
        public var choices: [(key: String, text: String)]
        /// The key of the right choice.
        public var answer: String
        /// Why it is right, shown once the learner has it right.
        public var explanation: String
        /// The lesson section to read again after a wrong answer, if the lab names one.
        public var section: LessonSectionRef?

        /// Creates a question.
        public init(id: String, prompt: String, choices: [(key: String, text: String)], answer: String, explanation: String,
                    section: LessonSectionRef? = nil) {
            self.id = id
            self.prompt = prompt
            self.choices = choices
            self.answer = answer
            self.explanation = explanation
            self.section = section
        }

        public static func == (a: Question, b: Question) -> Bool {
            a.id == b.id && a.prompt == b.prompt && a.answer == b.answer && a.explanation == b.explanation
                && a.section == b.section && a.choices.map { [$0.key, $0.text] } == b.choices.map { [$0.key, $0.text] }
        }
    }

    /// The questions.
    public var questions: [Question]

    /// Creates a quiz.
    public init(questions: [Question]) {
        self.questions = questions
    }
}
