"""End-to-end tests of the Stigmer stack, with Python's standard library only.

Run them through stigmer-e2e, which starts the stack (or reuses a running one), hands the tests
its addresses in the environment, and stops it afterwards if it started it:

    npx stigmer-e2e run -- python3 -m unittest discover -s e2e -v
    npx stigmer-e2e run -- pytest

Run without stigmer-e2e (no STIGMER_SERVER_ADDR or TEMPORAL_ADDRESS), every test is skipped
with a message that says how to run them.
"""

import os
import unittest

from grpc_health import GrpcError, health_check

SERVER = os.environ.get("STIGMER_SERVER_ADDR")  # e.g. localhost:7234
TEMPORAL = os.environ.get("TEMPORAL_ADDRESS")  # e.g. localhost:7233
HOW_TO_RUN = (
    "STIGMER_SERVER_ADDR and TEMPORAL_ADDRESS are not set: run these tests through stigmer-e2e, "
    "which starts the Stigmer stack and sets them: "
    "npx stigmer-e2e run -- python3 -m unittest discover -s e2e"
)


@unittest.skipUnless(SERVER and TEMPORAL, HOW_TO_RUN)
class StackTest(unittest.TestCase):
    def test_stigmer_server_answers_grpc(self):
        # stigmer-server registers no grpc.health service: a gRPC server that answers a health
        # call with UNIMPLEMENTED (status 12) is listening. Test one of its own services instead,
        # with its client, in a project that has one.
        with self.assertRaises(GrpcError) as caught:
            health_check(SERVER)
        self.assertEqual(caught.exception.code, 12)  # UNIMPLEMENTED

    def test_temporal_is_serving(self):
        # What Temporal's SDKs ask before they connect.
        service = "temporal.api.workflowservice.v1.WorkflowService"
        self.assertEqual(health_check(TEMPORAL, service), "SERVING")


if __name__ == "__main__":
    unittest.main()
