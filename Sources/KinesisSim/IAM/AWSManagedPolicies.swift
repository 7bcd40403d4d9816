import IAMPolicy

/// The AWS managed policies every world has, by ARN. Only those kdslab's worlds use:
/// `AdministratorAccess` (the default world's administrator has it attached).
public enum AWSManagedPolicies {
    /// `arn:aws:iam::aws:policy/AdministratorAccess`.
    public static let administratorAccessArn = "arn:aws:iam::aws:policy/AdministratorAccess"

    /// The policy text of AWS's `AdministratorAccess`.
    public static let administratorAccessText = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}
        """

    /// Every AWS managed policy, by ARN.
    public static let all: [String: ManagedPolicy] = {
        var out: [String: ManagedPolicy] = [:]
        // INVARIANT: the text above parses; a policy that did not would be missing, never a crash.
        if let document = try? NamedPolicy(name: administratorAccessArn, text: administratorAccessText) {
            out[administratorAccessArn] = ManagedPolicy(
                name: "AdministratorAccess", owner: "aws", document: document,
                createDate: Timestamp(milliseconds: 1_423_180_800_000), policyId: "ANPAIWMBCKSKIEE64ZLYK")
        }
        return out
    }()
}
