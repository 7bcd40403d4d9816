import Testing
@testable import IAMPolicy

/// Every check: a policy that triggers it (with the expected span marked) and one that does not.
@Suite struct ValidationRuleTests {
    typealias P = JSONPolicy
    static let s = P.stream

    static let positive: [ValidationCase] = [
        // Actions
        .init(.invalidServiceInAction, P.allow("⟦\"kinesys:PutRecord\"⟧", s)),
        .init(.invalidAction, P.allow("⟦\"kinesis:PutRecrod\"⟧", s)),
        .init(.invalidAction, P.allow("[\"kinesis:PutRecord\", ⟦\"kms:Decrpyt\"⟧]", "\"*\"")),
        .init(.invalidAction, P.allow("⟦\"kinesis:Put*Foo\"⟧", s)),
        .init(.invalidServiceInAction, P.allow("⟦\"kin*:PutRecord\"⟧", s)),
        // ARNs
        .init(.missingARNField, P.allow("\"kinesis:PutRecord\"", "⟦\"arn:aws:kinesis:us-east-1:stream/orders\"⟧")),
        .init(.invalidPartition, P.allow("\"kinesis:PutRecord\"", "⟦\"arn:amazon:kinesis:us-east-1:111122223333:stream/orders\"⟧")),
        .init(.missingARNField, P.allow("\"kinesis:PutRecord\"", "⟦\"arn:aws::us-east-1:111122223333:stream/orders\"⟧")),
        .init(.invalidARNServiceCase, P.allow("\"kinesis:PutRecord\"", "⟦\"arn:aws:Kinesis:us-east-1:111122223333:stream/orders\"⟧")),
        .init(.invalidService, P.allow("\"kinesis:PutRecord\"", "⟦\"arn:aws:kinesys:us-east-1:111122223333:stream/orders\"⟧")),
        .init(.wildcardInARNService, P.allow("\"kinesis:PutRecord\"", "⟦\"arn:aws:kin*:us-east-1:111122223333:stream/orders\"⟧")),
        .init(.missingARNRegion, P.allow("\"kinesis:PutRecord\"", "⟦\"arn:aws:kinesis::111122223333:stream/orders\"⟧")),
        .init(.invalidARNResource, P.allow("\"kinesis:PutRecord\"", "⟦\"arn:aws:kinesis:us-east-1:111122223333:streams/orders\"⟧")),
        .init(.invalidARNPrefix, P.allow("\"kinesis:PutRecord\"", "⟦\"stream/orders\"⟧")),
        .init(.unsupportedResourceARNInPolicy, P.allow("\"kinesis:PutRecord\"", "⟦\"arn:aws:s3:::orders-bucket\"⟧")),
        .init(.unsupportedResourceARNInPolicy, P.allow("\"kinesis:PutRecord\"", "⟦\"arn:aws:kms:us-east-1:111122223333:key/1234abcd\"⟧")),
        // Over-granting
        .init(.overlyPermissive, P.allow("⟦\"kinesis:*\"⟧", "\"*\"")),
        .init(.overlyPermissive, P.allow("⟦\"*\"⟧", "\"*\"")),
        .init(.overlyPermissive, P.allow("⟦\"kms:*\"⟧", "[\(s), \"*\"]")),
        .init(.wildcardResourceWithResourceLevelActions, P.allow("[\"kinesis:PutRecord\", \"kinesis:ListStreams\"]", "⟦\"*\"⟧")),
        .init(.actionRequiresWildcardResource, P.allow("[\"kinesis:DescribeStream\", ⟦\"kinesis:ListStreams\"⟧]", s)),
        .init(.actionRequiresWildcardResource, P.allow("⟦\"kinesis:UpdateShardCount\"⟧", P.allStreams)),
        .init(.permissionChangingActionsViaWildcard, P.allow("⟦\"kinesis:Put*\"⟧", s)),
        .init(.permissionChangingActionsViaWildcard, P.allow("⟦\"kms:*Grant\"⟧", "\"arn:aws:kms:us-east-1:111122223333:key/1234abcd\"")),
        .init(.allowWithNotAction, MarkedPolicy.document("""
            { "Effect": "Allow", "NotAction": ⟦"iam:*"⟧, "Resource": "*" }
        """)),
        .init(.allowWithNotResource, MarkedPolicy.document("""
            { "Effect": "Allow", "Action": "kinesis:PutRecord", "NotResource": ⟦"arn:aws:kinesis:us-east-1:111122223333:stream/audit"⟧ }
        """)),
        .init(.allowWithNotPrincipal, P.resourcePolicy("Allow", principal: "\"NotPrincipal\": ⟦{\"AWS\": \"arn:aws:iam::111122223333:root\"}⟧"), type: .resource),
        // Passing roles and creating service-linked roles
        .init(.passRoleWithStarInResource, P.allow("⟦\"iam:PassRole\"⟧", "\"*\"")),
        .init(.passRoleWithStarInResource, P.allow("[\"kinesis:PutRecord\", ⟦\"IAM:passrole\"⟧]", "\"arn:aws:iam::111122223333:role/*\"")),
        .init(.passRoleWithStarInActionAndResource, P.allow("⟦\"iam:Pass*\"⟧", "\"*\"")),
        .init(.passRoleWithStarInActionAndResource, P.allow("⟦\"iam:*\"⟧", "\"*\"")),
        .init(.passRoleWithStarInActionAndResource, P.allow("⟦\"*\"⟧", "\"*\"")),
        .init(.passRoleWithStarInActionAndResource, P.allow("⟦\"iam:*\"⟧", "[\(s), \"*\"]",
                                                           "\"Condition\": {\"StringNotEquals\": {\"iam:PassedToService\": \"lambda.amazonaws.com\"}}")),
        .init(.createSLRWithStarInResource, P.allow("⟦\"iam:CreateServiceLinkedRole\"⟧", "\"*\"")),
        .init(.createSLRWithStarInActionAndResource, P.allow("⟦\"iam:*\"⟧", "\"*\"")),
        .init(.createSLRWithStarInActionAndResource, P.allow("⟦\"*\"⟧", "\"*\"")),
        // Trust policies
        .init(.publicTrustPolicy, P.trust("⟦\"*\"⟧"), type: .trust),
        .init(.publicTrustPolicy, P.trust("{\"AWS\": ⟦\"*\"⟧}", action: "\"sts:AssumeRole*\""), type: .trust),
        .init(.publicTrustPolicy, P.trust("{\"AWS\": [\"arn:aws:iam::111122223333:root\", ⟦\"*\"⟧]}",
                                          extra: "\"Condition\": {\"StringNotEquals\": {\"aws:PrincipalAccount\": \"444455556666\"}}"), type: .trust),
        .init(.publicTrustPolicy, P.trust("{\"AWS\": ⟦\"*\"⟧}",
                                          extra: "\"Condition\": {\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/deployer\"}}"), type: .trust),
        .init(.publicTrustPolicy, P.trust("{\"AWS\": ⟦\"*\"⟧}",
                                          extra: "\"Condition\": {\"StringEqualsIfExists\": {\"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"}}"), type: .trust),
        .init(.publicTrustPolicy, P.trust("{\"AWS\": ⟦\"*\"⟧}",
                                          extra: "\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"0.0.0.0/0\"]}}"), type: .trust),
        .init(.assumeRoleActionsViaWildcard, P.trust("{\"AWS\": \"arn:aws:iam::111122223333:user/ci\"}", action: "⟦\"sts:AssumeRole*\"⟧"), type: .trust),
        .init(.assumeRoleActionsViaWildcard, P.trust("{\"AWS\": \"arn:aws:iam::111122223333:user/ci\"}",
                                                     action: "[\"sts:TagSession\", ⟦\"sts:*\"⟧]"), type: .trust),
        .init(.assumeRoleActionsViaWildcard, P.trust("{\"AWS\": \"arn:aws:iam::111122223333:user/ci\"}", action: "⟦\"*\"⟧"), type: .trust),
        // Redundancy
        .init(.redundantAction, P.allow("[\"kinesis:Get*\", ⟦\"kinesis:GetRecords\"⟧]", s)),
        .init(.redundantAction, P.allow("[\"kinesis:PutRecord\", ⟦\"KINESIS:putrecord\"⟧]", s)),
        .init(.redundantResource, P.allow("\"kinesis:PutRecord\"", "[\(P.allStreams), ⟦\(s)⟧]")),
        .init(.redundantStatement, MarkedPolicy.document("""
            { "Effect": "Allow", "Action": "kinesis:Put*", "Resource": \(P.allStreams) },
            ⟦{ "Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": \(s),
              "Condition": {"Bool": {"aws:SecureTransport": "true"}} }⟧
        """)),
        .init(.redundantStatement, MarkedPolicy.document("""
            { "Effect": "Allow", "Action": "kinesis:PutRecords", "Resource": \(s) },
            ⟦{ "Effect": "Allow", "Action": "kinesis:PutRecords", "Resource": \(s) }⟧
        """)),
        // Versions and variables
        .init(.variableUnsupportedInVersion, MarkedPolicy.document(
            P.statement(action: "\"kinesis:PutRecord\"", resource: "⟦\"arn:aws:kinesis:us-east-1:111122223333:stream/${aws:username}\"⟧"),
            version: "2008-10-17")),
        .init(.variableUnsupportedInVersion, MarkedPolicy.document(
            P.statement(action: "\"kinesis:PutRecord\"", resource: s,
                        extra: "\"Condition\": {\"StringEquals\": {\"aws:ResourceTag/owner\": ⟦\"${aws:username}\"⟧}}"),
            version: nil)),
        .init(.invalidVariableForOperator, P.condition("{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": ⟦\"${aws:EpochTime}\"⟧}}")),
        .init(.denyWithPossiblyAbsentVariable, P.condition(
            "{\"StringNotEquals\": {\"aws:ResourceTag/team\": ⟦\"${aws:PrincipalTag/team}\"⟧}}", effect: "Deny")),
        .init(.denyWithPossiblyAbsentVariable, P.deny("\"kinesis:*\"", "⟦\"arn:aws:kinesis:*:111122223333:stream/${aws:username}-*\"⟧")),
        // Condition qualifiers
        .init(.forAllValuesWithSingleValuedKey, P.condition("{\"ForAllValues:StringEquals\": {⟦\"aws:SourceVpce\"⟧: \"vpce-1a2b3c4d\"}}")),
        .init(.forAnyValueWithSingleValuedKey, P.condition("{\"ForAnyValue:StringLike\": {⟦\"aws:PrincipalTag/team\"⟧: \"data-*\"}}")),
        .init(.forAllValuesWithoutNullCheck, P.condition("{\"ForAllValues:StringEquals\": {⟦\"aws:TagKeys\"⟧: [\"team\", \"env\"]}}")),
        .init(.missingQualifier, P.condition("{\"StringEquals\": {⟦\"aws:TagKeys\"⟧: \"team\"}}")),
        .init(.missingQualifier, P.condition("{\"ArnLike\": {⟦\"kinesis:FisTargetArns\"⟧: \"arn:aws:fis:*\"}}")),
        .init(.missingQualifier, P.condition("{\"StringEquals\": {⟦\"aws:CalledVia\"⟧: \"athena.amazonaws.com\"}}")),
        // Condition values
        .init(.typeMismatchDate, P.condition("{\"DateGreaterThan\": {\"aws:CurrentTime\": ⟦\"tomorrow\"⟧}}")),
        .init(.dateWithoutTimeZone, P.condition("{\"DateLessThan\": {\"aws:CurrentTime\": ⟦\"2026-06-01T00:00:00\"⟧}}")),
        .init(.typeMismatchNumber, P.condition("{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": ⟦\"one hour\"⟧}}")),
        .init(.typeMismatchBoolean, P.condition("{\"Bool\": {\"aws:SecureTransport\": ⟦\"yes\"⟧}}")),
        .init(.typeMismatchBoolean, P.condition("{\"Null\": {\"aws:SourceVpce\": ⟦\"no\"⟧}}")),
        .init(.nonLowercaseBoolean, P.condition("{\"Bool\": {\"aws:SecureTransport\": ⟦\"True\"⟧}}")),
        .init(.typeMismatchIPRange, P.condition("{\"IpAddress\": {\"aws:SourceIp\": ⟦\"203.0.113.0/33\"⟧}}")),
        .init(.typeMismatchIPRange, P.condition("{\"NotIpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", ⟦\"localhost\"⟧]}}")),
        .init(.cidrHostBitsSet, P.condition("{\"IpAddress\": {\"aws:SourceIp\": ⟦\"10.0.0.1/8\"⟧}}")),
        .init(.ipv6WithoutPrefix, P.condition("{\"IpAddress\": {\"aws:SourceIp\": ⟦\"2001:db8::1\"⟧}}")),
        .init(.typeMismatchBinary, P.condition("{\"BinaryEquals\": {\"aws:ResourceTag/blob\": ⟦\"not base64!\"⟧}}")),
        // Operator types
        .init(.typeMismatch, P.condition("{\"StringEquals\": {⟦\"aws:SecureTransport\"⟧: \"true\"}}")),
        .init(.typeMismatch, P.condition("{\"StringEqualsIfExists\": {⟦\"aws:MultiFactorAuthPresent\"⟧: \"true\"}}")),
        .init(.typeMismatch, P.condition("{\"StringLike\": {⟦\"aws:ViaAWSService\"⟧: \"t*\"}}")),
        .init(.typeMismatch, P.condition("{\"StringEquals\": {⟦\"aws:PrincipalIsAWSService\"⟧: \"false\"}}")),
        .init(.typeMismatch, P.condition("{\"Bool\": {⟦\"aws:SourceVpce\"⟧: \"true\"}}")),
        .init(.typeMismatch, P.condition("{\"NumericLessThan\": {⟦\"aws:CurrentTime\"⟧: \"1735689600\"}}")),
        .init(.typeMismatch, P.condition("{\"StringEquals\": {⟦\"aws:SourceIp\"⟧: \"203.0.113.10\"}}")),
        .init(.typeMismatch, P.condition("{\"IpAddress\": {⟦\"aws:SourceVpc\"⟧: \"10.0.0.0/16\"}}")),
        .init(.typeMismatch, P.condition("{\"DateGreaterThan\": {⟦\"aws:MultiFactorAuthAge\"⟧: \"2026-01-01T00:00:00Z\"}}")),
        .init(.typeMismatch, P.condition("{\"ForAnyValue:NumericEquals\": {⟦\"aws:TagKeys\"⟧: \"1\"}}")),
        .init(.typeMismatch, P.condition("{\"StringEquals\": {⟦\"kinesis:FisInjectPercentage\"⟧: \"10\"}}")),
        // Parse errors become ERROR findings
        .init(.nullWithIfExists, P.condition("{⟦\"NullIfExists\"⟧: {\"aws:SourceVpce\": \"true\"}}")),
        .init(.invalidConditionOperator, P.condition("{⟦\"StringEqual\"⟧: {\"aws:SourceVpce\": \"vpce-1\"}}")),
        .init(.invalidEffect, MarkedPolicy.document("""
            { "Effect": ⟦"allow"⟧, "Action": "kinesis:PutRecord", "Resource": \(s) }
        """)),
        .init(.emptyArrayAction, P.allow("⟦[]⟧", s)),
        .init(.invalidPolicyElement, MarkedPolicy.document("""
            { "Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": \(s), ⟦"Condtion"⟧: {} }
        """)),
        .init(.unsupportedPrincipal, P.resourcePolicy("Allow", principal: "⟦\"Principal\"⟧: {\"AWS\": \"111122223333\"}")),
        .init(.missingPrincipal, MarkedPolicy.document("""
            ⟦⟧{ "Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": \(s) }
        """), type: .resource),
        .init(.uniqueSidsRequired, MarkedPolicy.document("""
            { "Sid": "Write", "Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": \(s) },
            ⟦{ "Sid": "Write", "Effect": "Allow", "Action": "kinesis:PutRecords", "Resource": \(s) }⟧
        """)),
    ]

    @Test("Each check reports its code at the marked span", arguments: positive)
    func reportsAtMarkedSpan(_ row: ValidationCase) throws {
        let findings = row.policy.findings(row.type)
        let finding = try #require(findings.first { $0.issueCode == row.code }, "no \(row.code.rawValue) in \(findings)")
        #expect(finding.findingType == row.code.findingType)
        #expect(finding.span.start.description == row.policy.start, "\(finding)")
        #expect(finding.span.end.description == row.policy.end, "\(finding)")
        #expect(!finding.findingDetails.contains("\n"))
        // Details quote the learner's input (parser texts quote with `"`).
        #expect(finding.findingDetails.contains("`") || finding.findingDetails.contains("\""), "\(finding.findingDetails)")
    }

    static let negative: [ValidationCase] = [
        .init(.invalidServiceInAction, P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::orders-bucket/*\"")),
        .init(.invalidAction, P.allow("[\"KINESIS:putrecord\", \"kinesis:Get*\", \"kms:Decrypt\"]", s)),
        .init(.missingARNField, P.allow("\"kinesis:PutRecord\"", "\"arn:aws:kinesis:*\"")),
        .init(.invalidPartition, P.allow("\"kinesis:PutRecord\"", "[\"arn:aws-cn:kinesis:cn-north-1:111122223333:stream/a\", \"arn:*:kinesis:*:111122223333:stream/b\"]")),
        .init(.invalidARNResource, P.allow("[\"kinesis:SubscribeToShard\", \"kinesis:PutRecord\"]",
                                           "[\"arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/app:1525898737\", \"arn:aws:kinesis:*:111122223333:stream/*\", \"arn:aws:kinesis:us-east-1:111122223333:*\"]")),
        .init(.missingARNRegion, P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::orders-bucket/*\"")),
        .init(.unsupportedResourceARNInPolicy, P.allow("[\"kinesis:StartStreamEncryption\", \"kinesis:PutRecord\"]",
                                                       "[\(s), \"arn:aws:kms:us-east-1:111122223333:key/1234abcd\"]")),
        .init(.unsupportedResourceARNInPolicy, P.allow("[\"kinesis:PutRecord\", \"s3:PutObject\"]", "\"arn:aws:s3:::orders-bucket/*\"")),
        .init(.wildcardResourceWithResourceLevelActions, P.allow("[\"kinesis:ListStreams\", \"kinesis:DescribeLimits\"]", "\"*\"")),
        .init(.wildcardResourceWithResourceLevelActions, P.allow("\"kinesis:PutRecord\"", "\"*\"",
                                                                 "\"Condition\": {\"StringEquals\": {\"aws:ResourceTag/team\": \"data\"}}")),
        .init(.actionRequiresWildcardResource, P.allow("\"kinesis:ListStreams\"", "\"*\"")),
        .init(.actionRequiresWildcardResource, P.allow("\"kinesis:*\"", P.allStreams)),
        .init(.overlyPermissive, P.allow("\"kinesis:*\"", P.allStreams)),
        .init(.overlyPermissive, P.allow("\"kinesis:Get*\"", "\"*\"")),
        .init(.overlyPermissive, P.deny("\"kinesis:*\"", "\"*\"")),
        .init(.allowWithNotAction, MarkedPolicy.document("""
            { "Effect": "Deny", "NotAction": "kinesis:*", "Resource": "*" }
        """)),
        .init(.allowWithNotResource, MarkedPolicy.document("""
            { "Effect": "Deny", "Action": "kinesis:DeleteStream", "NotResource": \(s) }
        """)),
        .init(.allowWithNotPrincipal, P.resourcePolicy("Deny", principal: "\"NotPrincipal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}"), type: .resource),
        .init(.permissionChangingActionsViaWildcard, P.allow("[\"kinesis:PutRecord*\", \"kinesis:Get*\", \"kinesis:PutResourcePolicy\"]", s)),
        .init(.permissionChangingActionsViaWildcard, P.deny("\"kinesis:Put*\"", s)),
        .init(.redundantAction, P.allow("[\"kinesis:PutRecord\", \"kinesis:GetRecords\", \"kinesis:Put*s\"]", s)),
        .init(.redundantResource, P.allow("\"kinesis:PutRecord\"", "[\(s), \"arn:aws:kinesis:us-east-1:111122223333:stream/payments\", \"arn:aws:kinesis:us-east-1:111122223333:stream/orders/*\"]")),
        .init(.redundantStatement, MarkedPolicy.document("""
            { "Effect": "Allow", "Action": "kinesis:Put*", "Resource": \(P.allStreams),
              "Condition": {"Bool": {"aws:SecureTransport": "true"}} },
            { "Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": \(s) },
            { "Effect": "Deny", "Action": "kinesis:PutRecords", "Resource": \(s) },
            { "Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": \(s) }
        """)),
        .init(.variableUnsupportedInVersion, P.allow("\"kinesis:PutRecord\"", "\"arn:aws:kinesis:us-east-1:111122223333:stream/${aws:username}\"")),
        .init(.missingVersion, P.allow("\"kinesis:PutRecord\"", s)),
        .init(.invalidVariableForOperator, P.condition("{\"StringEquals\": {\"aws:ResourceTag/owner\": \"${aws:username}\"}}")),
        .init(.denyWithPossiblyAbsentVariable, P.condition(
            "{\"StringNotEquals\": {\"aws:ResourceTag/team\": [\"${aws:PrincipalTag/team, 'none'}\", \"${aws:userid}\"]}}", effect: "Deny")),
        .init(.denyWithPossiblyAbsentVariable, P.condition(
            "{\"StringNotEquals\": {\"aws:ResourceTag/team\": \"${aws:PrincipalTag/team}\"}}", effect: "Allow")),
        .init(.forAllValuesWithSingleValuedKey, P.condition(
            "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": \"team\"}, \"Null\": {\"aws:TagKeys\": \"false\"}}")),
        .init(.forAllValuesWithoutNullCheck, P.condition(
            "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": \"team\"}, \"Null\": {\"aws:TagKeys\": \"false\"}}")),
        .init(.forAllValuesWithoutNullCheck, P.condition("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": \"team\"}}", effect: "Deny")),
        .init(.missingQualifier, P.condition("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"team\"}, \"Null\": {\"aws:TagKeys\": \"false\"}, \"StringEquals\": {\"aws:SourceVpce\": \"vpce-1\"}}")),
        .init(.forAnyValueWithSingleValuedKey, P.condition("{\"ForAnyValue:StringEquals\": {\"aws:CalledVia\": \"athena.amazonaws.com\"}}")),
        .init(.typeMismatchDate, P.condition("{\"DateGreaterThan\": {\"aws:CurrentTime\": [\"2026-06-01T00:00:00Z\", \"1735689600\", \"2026-06-01T02:00:00+02:00\"]}}")),
        .init(.dateWithoutTimeZone, P.condition("{\"DateGreaterThan\": {\"aws:CurrentTime\": [\"2026-06-01T00:00:00Z\", \"1735689600\"]}}")),
        .init(.typeMismatchNumber, P.condition("{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": [\"3600\", 3600, \"0.5\"]}}")),
        .init(.typeMismatchBoolean, P.condition("{\"Bool\": {\"aws:SecureTransport\": [\"false\", true]}}")),
        .init(.nonLowercaseBoolean, P.condition("{\"Bool\": {\"aws:SecureTransport\": \"true\"}, \"Null\": {\"aws:SourceVpce\": false}}")),
        .init(.typeMismatchIPRange, P.condition("{\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"2001:db8::/64\", \"198.51.100.7\"]}}")),
        .init(.cidrHostBitsSet, P.condition("{\"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"198.51.100.7\"]}}")),
        .init(.ipv6WithoutPrefix, P.condition("{\"IpAddress\": {\"aws:SourceIp\": [\"2001:db8::/64\", \"2001:db8::1/128\"]}}")),
        .init(.typeMismatchBinary, P.condition("{\"BinaryEquals\": {\"aws:ResourceTag/blob\": \"QmluYXJ5\"}}")),
        .init(.passRoleWithStarInResource, P.allow("\"iam:PassRole\"", "\"arn:aws:iam::111122223333:role/kinesis-analytics-*\"")),
        .init(.passRoleWithStarInResource, P.allow("\"iam:PassRole\"", "\"*\"",
                                                 "\"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"lambda.amazonaws.com\"}}")),
        .init(.passRoleWithStarInResource, P.deny("\"iam:PassRole\"", "\"*\"")),
        .init(.passRoleWithStarInResource, P.allow("\"iam:Pass*\"", "\"*\"")),
        .init(.passRoleWithStarInActionAndResource, P.allow("\"iam:PassRole\"", "\"*\"")),
        .init(.passRoleWithStarInActionAndResource, P.allow("[\"iam:Get*\", \"iam:List*\", \"kinesis:*\"]", "\"*\"")),
        .init(.passRoleWithStarInActionAndResource, P.allow("\"iam:*\"", "\"arn:aws:iam::111122223333:role/app-*\"")),
        .init(.createSLRWithStarInActionAndResource, P.allow("\"iam:Pass*\"", "\"*\"")),
        .init(.publicTrustPolicy, P.trust("{\"AWS\": \"arn:aws:iam::111122223333:root\"}"), type: .trust),
        .init(.publicTrustPolicy, P.trust("{\"AWS\": \"*\"}",
                                          extra: "\"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"}}"), type: .trust),
        .init(.publicTrustPolicy, P.trust("\"*\"",
                                          extra: "\"Condition\": {\"ArnEquals\": {\"aws:PrincipalArn\": \"arn:aws:iam::111122223333:role/deployer\"}}"), type: .trust),
        .init(.publicTrustPolicy, P.trust("{\"AWS\": \"*\"}", extra: "\"Condition\": {\"StringEquals\": {\"aws:PrincipalAccount\": [\"111122223333\", \"444455556666\"]}}"), type: .trust),
        .init(.publicTrustPolicy, P.trust("{\"AWS\": \"*\"}", action: "\"sts:TagSession\""), type: .trust),
        .init(.publicTrustPolicy, P.resourcePolicy("Allow", principal: "\"Principal\": \"*\""), type: .resource),
        .init(.assumeRoleActionsViaWildcard, P.trust("{\"Federated\": \"arn:aws:iam::111122223333:saml-provider/corp\"}",
                                                     action: "\"sts:AssumeRoleWithSAML\""), type: .trust),
        .init(.assumeRoleActionsViaWildcard, P.trust("{\"AWS\": \"arn:aws:iam::111122223333:user/ci\"}",
                                                     action: "[\"sts:AssumeRole\", \"sts:Tag*\"]"), type: .trust),
        .init(.assumeRoleActionsViaWildcard, P.allow("\"sts:*\"", "\"*\"")),
        .init(.typeMismatch, P.condition("{\"Bool\": {\"aws:SecureTransport\": \"true\"}, \"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}, \"Null\": {\"aws:SourceVpce\": \"true\"}}")),
        .init(.typeMismatch, P.condition("{\"DateGreaterThan\": {\"aws:EpochTime\": \"1735689600\"}, \"NumericLessThan\": {\"aws:EpochTime\": \"1767225600\"}}")),
        .init(.typeMismatch, P.condition("{\"ArnLike\": {\"aws:SourceAccount\": \"111122223333\"}, \"StringLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::111122223333:role/*\"}}")),
        .init(.typeMismatch, P.condition("{\"NotIpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}, \"StringEquals\": {\"aws:SourceVpce\": \"vpce-1\", \"aws:unknownKey\": \"x\"}}")),
        .init(.typeMismatch, P.condition("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": \"team\"}, \"NumericLessThanEquals\": {\"kinesis:FisInjectPercentage\": \"10\"}}")),
    ]

    @Test("A policy that avoids the problem does not get the code", arguments: negative)
    func doesNotReport(_ row: ValidationCase) {
        let findings = row.policy.findings(row.type)
        #expect(!findings.contains { $0.issueCode == row.code }, "\(findings)")
    }
}
