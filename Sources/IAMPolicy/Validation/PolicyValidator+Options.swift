extension PolicyValidator {
    /// What the validator measures against.
    public struct Options: Sendable, Equatable {
        /// The size quota an identity policy is held to.
        public var identityPolicyQuota: IdentityPolicyQuota
        /// The size quota, in characters, for resource-based policies.
        ///
        /// Default 20,480: the Kinesis Data Streams resource-policy limit as we understand it
        /// (20 KB). **Uncertain:** AWS states KMS key policies as 32,768 bytes; pass `32_768`
        /// when validating a key policy.
        public var resourcePolicyQuota: Int
        /// The size quota, in characters, for role trust policies (IAM's default 2,048).
        public var trustPolicyQuota: Int
        /// The size quota, in characters, for service control policies (5,120).
        public var serviceControlPolicyQuota: Int

        /// Creates options; the defaults are a managed identity policy and the figures above.
        public init(
            identityPolicyQuota: IdentityPolicyQuota = .managed, resourcePolicyQuota: Int = 20_480,
            trustPolicyQuota: Int = 2_048, serviceControlPolicyQuota: Int = 5_120
        ) {
            self.identityPolicyQuota = identityPolicyQuota
            self.resourcePolicyQuota = resourcePolicyQuota
            self.trustPolicyQuota = trustPolicyQuota
            self.serviceControlPolicyQuota = serviceControlPolicyQuota
        }

        /// IAM's size quotas for identity policies (whitespace outside strings not counted).
        public enum IdentityPolicyQuota: String, Sendable, Equatable, CaseIterable {
            /// Inline policies of one user, together: 2,048 characters.
            case inlineUser
            /// Inline policies of one group, together: 5,120 characters.
            case inlineGroup
            /// Inline policies of one role, together: 10,240 characters.
            case inlineRole
            /// One customer managed policy: 6,144 characters.
            case managed

            /// The quota in characters.
            public var characters: Int {
                switch self {
                case .inlineUser: 2_048
                case .inlineGroup: 5_120
                case .inlineRole: 10_240
                case .managed: 6_144
                }
            }

            /// How IAM words the kind of policy (`managed policy`).
            var wording: String {
                switch self {
                case .inlineUser: "inline policies of a user"
                case .inlineGroup: "inline policies of a group"
                case .inlineRole: "inline policies of a role"
                case .managed: "a managed policy"
                }
            }
        }
    }
}
