"""Drives `kdslab serve --transitions aws` with boto3's own waiters, as a careful script would.

Usage: python3 boto3_lifecycle.py ENDPOINT_URL
The server's transitions must last between about 200 ms and 5 s. Prints `ok: STEP` for each
step that behaves as on AWS; stops at the first surprise with a message naming the step.
"""
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
REGION = "us-east-1"
CONFIG = Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=20)
# The waiters' own definitions (DescribeStream until ACTIVE / ResourceNotFoundException),
# polled every second instead of every ten.
FAST = {"Delay": 1, "MaxAttempts": 30}

kinesis = boto3.client("kinesis", endpoint_url=ENDPOINT, region_name=REGION, aws_access_key_id="admin",
                       aws_secret_access_key="admin", config=CONFIG)


def step(name):
    print("ok: " + name, flush=True)


def expect_error(code, call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        got = e.response["Error"]["Code"]
        assert got == code, f"expected {code}, got {got}: {e}"
        return e
    raise AssertionError(f"expected {code}, but the call succeeded")


def status(name):
    return kinesis.describe_stream(StreamName=name)["StreamDescription"]["StreamStatus"]


kinesis.create_stream(StreamName="waited", ShardCount=2)
described = kinesis.describe_stream(StreamName="waited")["StreamDescription"]
assert described["StreamStatus"] == "CREATING", described
assert described["Shards"] == [], described
expect_error("ResourceNotFoundException", kinesis.put_record, StreamName="waited", Data=b"x", PartitionKey="k")
step("a stream is CREATING and takes no records")

kinesis.get_waiter("stream_exists").wait(StreamName="waited", WaiterConfig=FAST)
assert status("waited") == "ACTIVE"
kinesis.put_record(StreamName="waited", Data=b"x", PartitionKey="k")
step("stream_exists waits until it is ACTIVE")

arn = described["StreamARN"]
kinesis.update_shard_count(StreamName="waited", TargetShardCount=4, ScalingType="UNIFORM_SCALING")
assert status("waited") == "UPDATING"
expect_error("ResourceInUseException", kinesis.merge_shards, StreamName="waited",
             ShardToMerge="shardId-000000000000", AdjacentShardToMerge="shardId-000000000001")
kinesis.put_record(StreamName="waited", Data=b"y", PartitionKey="k")
kinesis.get_waiter("stream_exists").wait(StreamName="waited", WaiterConfig=FAST)
shards = kinesis.list_shards(StreamName="waited")["Shards"]
assert len(shards) == 6, shards
step("update_shard_count is UPDATING until stream_exists returns")

consumer = kinesis.register_stream_consumer(StreamARN=arn, ConsumerName="reader")["Consumer"]
assert consumer["ConsumerStatus"] == "CREATING", consumer
deadline = time.time() + 10
while kinesis.describe_stream_consumer(ConsumerARN=consumer["ConsumerARN"])["ConsumerDescription"]["ConsumerStatus"] != "ACTIVE":
    assert time.time() < deadline, "the consumer never became ACTIVE"
    time.sleep(0.1)
kinesis.deregister_stream_consumer(ConsumerARN=consumer["ConsumerARN"])
described_consumer = kinesis.describe_stream_consumer(ConsumerARN=consumer["ConsumerARN"])["ConsumerDescription"]
assert described_consumer["ConsumerStatus"] == "DELETING", described_consumer
deadline = time.time() + 10
while kinesis.list_stream_consumers(StreamARN=arn)["Consumers"]:
    assert time.time() < deadline, "the consumer was never gone"
    time.sleep(0.1)
step("a consumer is CREATING, ACTIVE, DELETING, gone")

kinesis.delete_stream(StreamName="waited")
listed = kinesis.list_streams()["StreamSummaries"]
assert [s["StreamStatus"] for s in listed] == ["DELETING"], listed
expect_error("ResourceInUseException", kinesis.create_stream, StreamName="waited", ShardCount=1)
kinesis.get_waiter("stream_not_exists").wait(StreamName="waited", WaiterConfig=FAST)
expect_error("ResourceNotFoundException", kinesis.describe_stream, StreamName="waited")
step("a deleted stream is DELETING until stream_not_exists returns")
