import Testing
@testable import IAMPolicy

@Suite struct CatalogTests {
    let catalog = ServiceCatalog.aws

    private func names(_ pattern: String) -> [String] {
        catalog.actions(matching: pattern).map(\.fullName)
    }

    // MARK: Counts and lookup

    @Test("Catalog holds 40 Kinesis and 55 KMS actions")
    func counts() throws {
        let kinesis = try #require(catalog.service(prefix: "kinesis"))
        let kms = try #require(catalog.service(prefix: "kms"))
        #expect(kinesis.actions.count == 40)
        #expect(kms.actions.count == 55)
        #expect(kinesis.name == "Amazon Kinesis Data Streams")
        #expect(kms.name == "AWS Key Management Service")
        #expect(catalog.allActions.count == 95)
        #expect(catalog.services.map(\.prefix) == ["kinesis", "kms"])
        #expect(Set(catalog.allActions.map { $0.fullName.lowercased() }).count == 95)
        #expect(kinesis.resourceTypes.map(\.name) == ["stream", "consumer", "kmsKey"])
        #expect(kms.resourceTypes.map(\.name) == ["alias", "key"])
    }

    @Test("Action lookup is case-insensitive", arguments: [
        "kinesis:PutRecord", "KINESIS:PUTRECORD", "kinesis:putrecord", "Kinesis:pUtReCoRd",
    ])
    func caseInsensitiveLookup(name: String) throws {
        let action = try #require(catalog.action(name))
        #expect(action.fullName == "kinesis:PutRecord")
        #expect(action.name == "PutRecord")
        #expect(action.servicePrefix == "kinesis")
        #expect(action.accessLevel == .write)
        #expect(action.resourceTypeNames == ["stream"])
        #expect(action.supportsResourceLevelPermissions)
        #expect(action.documentationURL == "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html")
    }

    @Test("Unknown or malformed action names are nil", arguments: [
        "kinesis:PutRecordz", "kinesis", "PutRecord", "s3:GetObject", "kinesis:Put*", "", "kinesis:",
    ])
    func unknownActions(name: String) {
        #expect(catalog.action(name) == nil)
    }

    @Test("Service lookup is case-insensitive; known-but-undetailed services are nil")
    func serviceLookup() {
        #expect(catalog.service(prefix: "KMS")?.prefix == "kms")
        #expect(catalog.service(prefix: "Kinesis")?.prefix == "kinesis")
        #expect(catalog.service(prefix: "s3") == nil)
        #expect(catalog.service(prefix: "kinesys") == nil)
    }

    // MARK: Wildcard expansion

    @Test("Wildcard patterns expand against the catalog", arguments: [
        ("kinesis:Get*", ["kinesis:GetRecords", "kinesis:GetResourcePolicy", "kinesis:GetShardIterator"]),
        ("kinesis:PutRecord*", ["kinesis:PutRecord", "kinesis:PutRecords"]),
        ("kinesis:*Records", ["kinesis:GetRecords", "kinesis:PutRecords"]),
        ("KINESIS:*records", ["kinesis:GetRecords", "kinesis:PutRecords"]),
        ("kinesis:?etRecords", ["kinesis:GetRecords"]),
        ("kinesis:PutRecord", ["kinesis:PutRecord"]),
        ("kinesis:putrecord", ["kinesis:PutRecord"]),
        ("kinesis:*StreamEncryption", ["kinesis:StartStreamEncryption", "kinesis:StopStreamEncryption"]),
        ("kms:*Alias", ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"]),
        ("kms:Generate*Pair*", ["kms:GenerateDataKeyPair", "kms:GenerateDataKeyPairWithoutPlaintext"]),
        ("k*:TagResource", ["kinesis:TagResource", "kms:TagResource"]),
        ("*:UntagResource", ["kinesis:UntagResource", "kms:UntagResource"]),
    ] as [(String, [String])])
    func expansion(pattern: String, expected: [String]) {
        #expect(names(pattern) == expected)
    }

    @Test("kinesis:Put* covers the record writers and PutResourcePolicy")
    func putStar() {
        #expect(names("kinesis:Put*") == ["kinesis:PutRecord", "kinesis:PutRecords", "kinesis:PutResourcePolicy"])
    }

    @Test("Whole-service and global wildcards")
    func broadWildcards() {
        #expect(catalog.actions(matching: "*").count == 95)
        #expect(catalog.actions(matching: "**").count == 95)
        #expect(catalog.actions(matching: "*:*").count == 95)
        #expect(catalog.actions(matching: "kinesis:*").count == 40)
        #expect(catalog.actions(matching: "KMS:*").count == 55)
    }

    @Test("Patterns that cover nothing", arguments: [
        "kinesisanalytics:*", "s3:*", "kinesis", "kin*", "Get*", "kinesis:Nope*", "", "kinesis:?",
        "kinesis:GetRecords?", "kinesis-:*",
    ])
    func emptyExpansions(pattern: String) {
        #expect(catalog.actions(matching: pattern).isEmpty)
    }

    // MARK: Resource types

    @Test("Actions without resource types require Resource \"*\"", arguments: [
        "kinesis:ListStreams", "kinesis:DescribeLimits", "kinesis:DescribeAccountSettings",
        "kinesis:UpdateAccountSettings", "kinesis:EnableEnhancedMonitoring",
        "kinesis:DisableEnhancedMonitoring", "kinesis:UpdateShardCount", "kinesis:UpdateStreamMode",
        "kinesis:InjectApiError", "kms:ListKeys", "kms:ListAliases", "kms:CreateKey", "kms:GenerateRandom",
    ])
    func wildcardOnly(name: String) throws {
        let action = try #require(catalog.action(name))
        #expect(action.requiresWildcardResource)
        #expect(!action.supportsResourceLevelPermissions)
        #expect(action.resourceTypes.isEmpty)
    }

    @Test("Every action's requiresWildcardResource agrees with its resource types")
    func wildcardConsistency() {
        for action in catalog.allActions {
            #expect(action.requiresWildcardResource == action.resourceTypes.isEmpty, "\(action.fullName)")
        }
        #expect(catalog.allActions.filter { $0.servicePrefix == "kinesis" && $0.requiresWildcardResource }.count == 9)
    }

    @Test("Stream encryption needs both the stream and the KMS key", arguments: [
        "kinesis:StartStreamEncryption", "kinesis:StopStreamEncryption",
    ])
    func streamEncryption(name: String) throws {
        let action = try #require(catalog.action(name))
        #expect(Set(action.resourceTypeNames) == ["stream", "kmsKey"])
        #expect(action.requiredResourceTypeNames.count == 2)
        #expect(!action.requiresWildcardResource)
    }

    @Test("Resource-type details: condition keys and dependent actions")
    func resourceTypeDetails() throws {
        let tag = try #require(catalog.action("kinesis:AddTagsToStream"))
        let stream = try #require(tag.resourceTypes.first)
        #expect(stream.required)
        #expect(stream.conditionKeys.contains("aws:RequestTag/${TagKey}"))
        let replicate = try #require(catalog.action("kms:ReplicateKey"))
        #expect(replicate.resourceTypes.first?.dependentActions.contains("kms:CreateKey") == true)
        let createKey = try #require(catalog.action("kms:CreateKey"))
        #expect(createKey.dependentActions == ["iam:CreateServiceLinkedRole", "kms:PutKeyPolicy", "kms:TagResource"])
        #expect(createKey.conditionKeys.contains("kms:BypassPolicyLockoutSafetyCheck"))
        let inject = try #require(catalog.action("kinesis:InjectApiError"))
        #expect(inject.conditionKeys == ["kinesis:FisActionId", "kinesis:FisTargetArns", "kinesis:FisInjectPercentage"])
        #expect(tag.allConditionKeys == ["aws:TagKeys", "aws:RequestTag/${TagKey}", "aws:ResourceTag/${TagKey}"])
    }

    @Test("resourceType(named:service:) is case-insensitive")
    func resourceTypeLookup() {
        #expect(catalog.resourceType(named: "stream", service: "kinesis")?.arnPattern
            == "arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}")
        #expect(catalog.resourceType(named: "KMSKEY", service: "Kinesis")?.name == "kmsKey")
        #expect(catalog.resourceType(named: "key", service: "kms")?.arnService == "kms")
        #expect(catalog.resourceType(named: "kmsKey", service: "kinesis")?.arnService == "kms")
        #expect(catalog.resourceType(named: "bucket", service: "s3") == nil)
        #expect(catalog.resourceType(named: "table", service: "kinesis") == nil)
    }

    // MARK: ARN classification

    @Test("ARNs classify by resource type", arguments: [
        ("arn:aws:kinesis:us-east-1:111122223333:stream/orders", ["kinesis/stream"]),
        ("arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/c:123", ["kinesis/consumer"]),
        ("arn:aws:kinesis:us-east-1:111122223333:stream/my.stream-1/consumer/app_1:1700000000",
         ["kinesis/consumer"]),
        ("arn:aws-cn:kinesis:cn-north-1:111122223333:stream/orders", ["kinesis/stream"]),
        ("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
         ["kms/key", "kinesis/kmsKey"]),
        ("arn:aws:kms:us-east-1:111122223333:alias/orders-key", ["kms/alias"]),
        ("arn:aws:kms:us-east-1:111122223333:alias/aws/kinesis", ["kms/alias"]),
        ("arn:aws:s3:::bucket/key", []),
        ("arn:aws:kinesis:us-east-1:111122223333:stream/", []),
        ("arn:aws:kinesis:us-east-1:111122223333:stream/a/b", []),
        ("arn:aws:kinesis:us-east-1:111122223333:table/orders", []),
        ("arn:aws:kinesis::111122223333:stream/orders", []),
        ("not an arn", []),
        ("", []),
    ] as [(String, [String])])
    func classify(arn: String, expected: [String]) {
        let found = catalog.resourceTypes(forARN: arn).map { "\($0.service.prefix)/\($0.resourceType.name)" }
        #expect(found == expected)
    }

    @Test("ResourceTypeDefinition.matches(arn:) for the stream pattern")
    func streamPattern() throws {
        let stream = try #require(catalog.resourceType(named: "stream", service: "kinesis"))
        #expect(stream.matches(arn: "arn:aws:kinesis:us-east-1:111122223333:stream/orders"))
        #expect(!stream.matches(arn: "arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/c:123"))
        #expect(!stream.matches(arn: "arn:aws:kinesis:us-east-1:111122223333:STREAM/orders"))
        #expect(!stream.matches(arn: "arn:aws:kinesis:us-east-1:111122223333:stream/orders/"))
        #expect(!stream.matches(arn: "arn:aws:kinesis:us-east-1:111122223333:stream"))
        let consumer = try #require(catalog.resourceType(named: "consumer", service: "kinesis"))
        #expect(consumer.matches(arn: "arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/c:123"))
        #expect(!consumer.matches(arn: "arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/c"))
        #expect(!consumer.matches(arn: "arn:aws:kinesis:us-east-1:111122223333:stream/orders"))
    }

    // MARK: Known services

    @Test("Known service prefixes", arguments: [
        "kinesis", "kms", "s3", "iam", "sts", "dynamodb", "lambda", "cloudwatch", "logs", "ec2", "firehose",
        "kinesisanalytics", "sns", "sqs", "organizations", "secretsmanager", "ssm", "glue", "athena",
        "cloudtrail", "events", "states", "elasticmapreduce", "ecs", "eks", "rds", "redshift", "route53",
        "acm", "apigateway", "cloudformation", "codebuild", "codecommit", "codepipeline", "cognito-idp",
        "cognito-identity", "config", "es", "iot", "kafka", "autoscaling", "elasticloadbalancing", "tag",
        "access-analyzer", "xray", "fis", "pipes", "kinesisvideo", "timestream", "backup", "guardduty",
        "securityhub", "waf", "wafv2", "shield", "servicequotas", "support", "health", "pricing", "ce",
        "budgets", "s3-object-lambda", "ecr", "batch", "sagemaker", "bedrock", "appsync", "elasticache",
        "dax", "emr-serverless", "airflow", "mq", "ses", "pinpoint", "cloudfront", "application-autoscaling",
        "resource-groups", "ram", "S3", "KMS", "Kinesis",
    ])
    func knownServices(prefix: String) {
        #expect(catalog.isKnownService(prefix))
    }

    @Test("Unknown service prefixes", arguments: ["kinesys", "kinesis-data-streams", "", "*", "aws", "s4"])
    func unknownServices(prefix: String) {
        #expect(!catalog.isKnownService(prefix))
    }

    @Test("The prefix list is sorted, unique and lower case")
    func prefixListShape() {
        let list = ServiceCatalog.knownServicePrefixList
        #expect(list == list.sorted())
        #expect(Set(list).count == list.count)
        #expect(list.allSatisfy { $0 == $0.lowercased() })
        #expect(ServiceCatalog.knownServicePrefixes.count == list.count)
        #expect(list.count >= 78)
    }

    // MARK: Condition keys and access levels

    @Test("Condition key types and multivaluedness")
    func conditionKeys() throws {
        let kinesis = try #require(catalog.service(prefix: "kinesis"))
        let tagKeys = try #require(kinesis.conditionKey("aws:TagKeys"))
        #expect(tagKeys.type == .arrayOfString)
        #expect(tagKeys.isMultivalued)
        #expect(kinesis.conditionKey("kinesis:FisTargetArns")?.type == .arrayOfARN)
        #expect(kinesis.conditionKey("kinesis:FisInjectPercentage")?.type == .numeric)
        #expect(kinesis.conditionKey("aws:ResourceTag/team")?.key == "aws:ResourceTag/${TagKey}")
        #expect(kinesis.conditionKey("AWS:RESOURCETAG/Team")?.type == .string)
        #expect(kinesis.conditionKey("aws:ResourceTag/") == nil)
        let kms = try #require(catalog.service(prefix: "kms"))
        #expect(kms.conditionKey("kms:ValidTo")?.type == .date)
        #expect(kms.conditionKey("kms:BypassPolicyLockoutSafetyCheck")?.type == .bool)
        #expect(kms.conditionKey("kms:EncryptionContext:aws:kinesis:arn")?.key
            == "kms:EncryptionContext:${EncryptionContextKey}")
        #expect(kms.conditionKey("kms:ViaService")?.rawType == "String")
        #expect(!ConditionKeyType.string.isMultivalued)
        #expect(ConditionKeyType.arrayOfARN.elementType == .arn)
    }

    @Test("Unknown AWS condition types fall back to String, keeping the spelling")
    func unknownConditionType() {
        let key = ConditionKeyDefinition(key: "x:Y", awsType: "Long")
        #expect(key.type == .string)
        #expect(key.rawType == "Long")
        #expect(ConditionKeyDefinition(key: "x:Y", awsType: "arrayofstring").type == .arrayOfString)
    }

    @Test("Access levels come through with AWS's spelling")
    func accessLevels() {
        #expect(catalog.action("kinesis:ListStreams")?.accessLevel == .list)
        #expect(catalog.action("kinesis:GetRecords")?.accessLevel == .read)
        #expect(catalog.action("kinesis:AddTagsToStream")?.accessLevel == .tagging)
        #expect(catalog.action("kms:PutKeyPolicy")?.accessLevel == .permissionsManagement)
        #expect(AccessLevel.permissionsManagement.rawValue == "Permissions management")
        let kmsPM = catalog.allActions.filter { $0.accessLevel == .permissionsManagement }.map(\.fullName)
        #expect(kmsPM == ["kms:CreateGrant", "kms:PutKeyPolicy", "kms:RetireGrant", "kms:RevokeGrant"])
    }

    @Test("Permission-changing actions", arguments: [
        ("kinesis:PutResourcePolicy", true), ("kinesis:DeleteResourcePolicy", true),
        ("kms:PutKeyPolicy", true), ("kms:CreateGrant", true), ("kms:RetireGrant", true),
        ("kms:RevokeGrant", true), ("kinesis:GetResourcePolicy", false), ("kinesis:PutRecord", false),
        ("kms:Decrypt", false), ("kinesis:AddTagsToStream", false),
    ] as [(String, Bool)])
    func permissionChanging(name: String, expected: Bool) throws {
        let action = try #require(catalog.action(name))
        #expect(catalog.isPermissionChanging(action) == expected)
    }
}
