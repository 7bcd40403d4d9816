/// Value types of condition keys: the catalog's service keys plus the global `aws:` keys
/// commonly used with Kinesis and KMS (IAM User Guide, global condition context keys).
enum _ConditionKeyTypes {
    /// Global keys, lower-cased.
    static let global: [String: ConditionKeyType] = [
        "aws:securetransport": .bool, "aws:sourcevpce": .string, "aws:sourcevpc": .string,
        "aws:vpcsourceip": .ipAddress, "aws:sourceip": .ipAddress, "aws:principalarn": .arn,
        "aws:principalaccount": .string, "aws:principalorgid": .string,
        "aws:principalorgpaths": .arrayOfString, "aws:principaltype": .string,
        "aws:username": .string, "aws:userid": .string, "aws:multifactorauthpresent": .bool,
        "aws:multifactorauthage": .numeric, "aws:currenttime": .date, "aws:epochtime": .date,
        "aws:tokenissuetime": .date, "aws:requestedregion": .string, "aws:viaawsservice": .bool,
        "aws:calledvia": .arrayOfString, "aws:calledviafirst": .string, "aws:calledvialast": .string,
        "aws:principalservicename": .string, "aws:principalservicenameslist": .arrayOfString,
        "aws:principalisawsservice": .bool, "aws:sourcearn": .arn, "aws:sourceaccount": .string,
        "aws:sourceorgid": .string, "aws:sourceorgpaths": .arrayOfString,
        "aws:resourceaccount": .string, "aws:resourceorgid": .string,
        "aws:resourceorgpaths": .arrayOfString, "aws:referer": .string, "aws:useragent": .string,
        "aws:tagkeys": .arrayOfString, "aws:sourceidentity": .string,
        "aws:federatedprovider": .string,
    ]

    /// Global keys with a tag-name suffix, all single-valued strings.
    static let taggedPrefixes = ["aws:principaltag/", "aws:resourcetag/", "aws:requesttag/"]

    /// Global keys present in every authenticated request (so a policy variable on them resolves).
    static let alwaysPresent: Set<String> = [
        "aws:userid", "aws:principalarn", "aws:principalaccount", "aws:principaltype",
        "aws:currenttime", "aws:epochtime", "aws:requestedregion", "aws:securetransport",
    ]

    /// The key's type, or `nil` when neither the global table nor the catalog knows it.
    static func type(of key: String, catalog: ServiceCatalog) -> ConditionKeyType? {
        let lowered = key.lowercased()
        if let t = global[lowered] { return t }
        if taggedPrefixes.contains(where: { lowered.hasPrefix($0) && lowered.count > $0.count }) { return .string }
        for service in catalog.services {
            if let definition = service.conditionKey(key) { return definition.type }
        }
        return nil
    }
}
