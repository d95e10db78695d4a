"""A loopback stand-in for the SageMaker endpoint: records every POST and answers as
CreateAutoMLJob would.

Run on its own (``python3 standin.py``) it prints ``PORT`` on its first line and writes one JSON
line per request to stdout; the driver imports :class:`StandIn` instead.
"""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARN = "arn:aws:sagemaker:us-east-1:123456789012:automl-job/x"


class StandIn:
    """An HTTP server on 127.0.0.1 and a free port, recording ``(target, body bytes)``."""

    def __init__(self):
        self.records = []
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (the http.server API)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with owner._lock:
                    owner.records.append(
                        {"target": self.headers.get("X-Amz-Target"), "body": body}
                    )
                reply = json.dumps({"AutoMLJobArn": ARN}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/x-amz-json-1.1")
                self.send_header("Content-Length", str(len(reply)))
                self.send_header("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000")
                self.end_headers()
                self.wfile.write(reply)

            def do_GET(self):  # noqa: N802 -- a paramfile http:// fetch would land here
                with owner._lock:
                    owner.records.append({"target": "GET " + self.path, "body": b""})
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def take(self):
        """The records since the last call."""
        with self._lock:
            taken, self.records = self.records, []
        return taken


if __name__ == "__main__":
    with StandIn() as standin:
        print(standin.port, flush=True)
        try:
            while True:
                threading.Event().wait(0.2)
                for record in standin.take():
                    print(json.dumps({"target": record["target"],
                                      "body": record["body"].decode("utf-8", "replace")}),
                          flush=True)
        except KeyboardInterrupt:
            sys.exit(0)
