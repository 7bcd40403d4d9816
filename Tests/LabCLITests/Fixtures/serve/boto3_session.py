"""Drives `kdslab serve` with boto3, as a learner's script would.

Usage: python3 boto3_session.py ENDPOINT_URL
Exits 0 and prints `ok: STEP` lines when every step behaves as AWS does; otherwise stops at
the first surprise with a message naming the step.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
ACCOUNT = "111122223333"
REGION = "us-east-1"
CONFIG = Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=20)


def client(service, key="admin", secret="admin", token=None):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name=REGION, aws_access_key_id=key,
                        aws_secret_access_key=secret, aws_session_token=token, config=CONFIG)


def step(name):
    print("ok: " + name, flush=True)


def expect_error(code, call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as e:
        got = e.response["Error"]["Code"]
        assert got == code, f"expected {code}, got {got}: {e}"
        return e
    raise AssertionError(f"expected {code}, but the call succeeded")


kinesis = client("kinesis")
iam = client("iam")
sts = client("sts")

# Create, write, read.
kinesis.create_stream(StreamName="orders", ShardCount=1)
summary = kinesis.describe_stream_summary(StreamName="orders")["StreamDescriptionSummary"]
assert summary["StreamStatus"] == "ACTIVE", summary
assert kinesis.list_streams()["StreamNames"] == ["orders"]
step("create_stream")

for i in range(3):
    r = kinesis.put_record(StreamName="orders", PartitionKey=f"order-{i}", Data=f"order-{i}".encode())
    assert r["ShardId"] == "shardId-000000000000", r
batch = kinesis.put_records(StreamName="orders", Records=[
    {"PartitionKey": f"order-{i}", "Data": f"order-{i}".encode()} for i in range(3, 8)])
assert batch["FailedRecordCount"] == 0, batch
step("put_record and put_records")

iterator = kinesis.get_shard_iterator(StreamName="orders", ShardId="shardId-000000000000",
                                      ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
records = kinesis.get_records(ShardIterator=iterator, Limit=100)["Records"]
assert [r["Data"] for r in records] == [f"order-{i}".encode() for i in range(8)], records
step("get_shard_iterator and get_records")

# Reshard: split the one shard in two, merge the children back.
kinesis.split_shard(StreamName="orders", ShardToSplit="shardId-000000000000",
                    NewStartingHashKey=str(2 ** 127))
shards = kinesis.list_shards(StreamName="orders")["Shards"]
assert [s["ShardId"] for s in shards] == ["shardId-000000000000", "shardId-000000000001", "shardId-000000000002"], shards
kinesis.merge_shards(StreamName="orders", ShardToMerge="shardId-000000000001",
                     AdjacentShardToMerge="shardId-000000000002")
open_shards = [s["ShardId"] for s in kinesis.list_shards(StreamName="orders")["Shards"]
               if "EndingSequenceNumber" not in s["SequenceNumberRange"]]
assert open_shards == ["shardId-000000000003"], open_shards
step("split_shard and merge_shards")

# A producer user created through IAM may write but not read.
producer_policy = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Action": ["kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"],
    "Resource": f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/orders"}]}
iam.create_user(UserName="producer")
iam.put_user_policy(UserName="producer", PolicyName="producer-only", PolicyDocument=json.dumps(producer_policy))
key = iam.create_access_key(UserName="producer")["AccessKey"]
producer = client("kinesis", key["AccessKeyId"], key["SecretAccessKey"])
producer.put_record(StreamName="orders", PartitionKey="order-8", Data=b"order-8")
denied = expect_error("AccessDeniedException", producer.get_shard_iterator, StreamName="orders",
                      ShardId="shardId-000000000003", ShardIteratorType="TRIM_HORIZON")
assert "kinesis:GetShardIterator" in str(denied), denied
step("AccessDenied for a producer that reads")

# A role the administrator may assume; its session reads but cannot write.
trust = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:user/admin"}, "Action": "sts:AssumeRole"}]}
reader_policy = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Action": ["kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards"],
    "Resource": f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/orders"}]}
role = iam.create_role(RoleName="auditor", AssumeRolePolicyDocument=json.dumps(trust))["Role"]
iam.put_role_policy(RoleName="auditor", PolicyName="read-orders", PolicyDocument=json.dumps(reader_policy))
creds = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="audit")["Credentials"]
session_sts = client("sts", creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
arn = session_sts.get_caller_identity()["Arn"]
assert arn == f"arn:aws:sts::{ACCOUNT}:assumed-role/auditor/audit", arn
auditor = client("kinesis", creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
iterator = auditor.get_shard_iterator(StreamName="orders", ShardId="shardId-000000000000",
                                      ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
assert len(auditor.get_records(ShardIterator=iterator)["Records"]) == 8
expect_error("AccessDeniedException", auditor.put_record, StreamName="orders", PartitionKey="x", Data=b"x")
step("sts assume_role")

# The policy simulator.
results = iam.simulate_custom_policy(PolicyInputList=[json.dumps(producer_policy)],
                                     ActionNames=["kinesis:PutRecord", "kinesis:GetRecords"],
                                     ResourceArns=[f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/orders"])
decisions = {r["EvalActionName"]: r["EvalDecision"] for r in results["EvaluationResults"]}
assert decisions == {"kinesis:PutRecord": "allowed", "kinesis:GetRecords": "implicitDeny"}, decisions
step("simulate_custom_policy")

# A customer managed policy, attached, listed, detached; deleting waits until nothing hangs on it.
lister = iam.create_policy(PolicyName="lister", Path="/team/", Description="lists streams", PolicyDocument=json.dumps({
    "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kinesis:ListStreams", "Resource": "*"}]}))["Policy"]
assert lister["Arn"] == f"arn:aws:iam::{ACCOUNT}:policy/team/lister", lister
iam.attach_user_policy(UserName="producer", PolicyArn=lister["Arn"])
assert producer.list_streams()["StreamNames"] == ["orders"]
attached = iam.list_attached_user_policies(UserName="producer")["AttachedPolicies"]
assert attached == [{"PolicyName": "lister", "PolicyArn": lister["Arn"]}], attached
assert iam.get_policy(PolicyArn=lister["Arn"])["Policy"]["AttachmentCount"] == 1
expect_error("DeleteConflict", iam.delete_policy, PolicyArn=lister["Arn"])
expect_error("DeleteConflict", iam.delete_user, UserName="producer")
iam.delete_access_key(UserName="producer", AccessKeyId=key["AccessKeyId"])
iam.delete_user_policy(UserName="producer", PolicyName="producer-only")
iam.detach_user_policy(UserName="producer", PolicyArn=lister["Arn"])
iam.delete_policy(PolicyArn=lister["Arn"])
iam.delete_user(UserName="producer")
expect_error("NoSuchEntity", iam.get_policy, PolicyArn=lister["Arn"])
expect_error("UnrecognizedClientException", producer.list_streams)
step("managed policies and deletes")

# Encryption with the AWS managed key, then delete.
kinesis.start_stream_encryption(StreamName="orders", EncryptionType="KMS", KeyId="alias/aws/kinesis")
description = kinesis.describe_stream(StreamName="orders")["StreamDescription"]
assert description["EncryptionType"] == "KMS", description
kinesis.put_record(StreamName="orders", PartitionKey="order-9", Data=b"order-9")
step("start_stream_encryption")

kinesis.delete_stream(StreamName="orders")
expect_error("ResourceNotFoundException", kinesis.describe_stream, StreamName="orders")
assert kinesis.list_streams()["StreamNames"] == []
step("delete_stream")

# A wrong secret is refused as AWS refuses it.
expect_error("UnrecognizedClientException", client("kinesis", "nobody", "nothing").list_streams)
expect_error("InvalidSignatureException", client("kinesis", "admin", "wrong").list_streams)
step("bad credentials")
print("boto3 session passed", flush=True)
