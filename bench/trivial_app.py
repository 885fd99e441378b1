"""The baseline of `make bench`: a WSGI app that answers every request with one
recorded response (status, headers and body of the article page), served under the
same gunicorn config as the site, so the difference is the site's own work.

BENCH_RESPONSE names the recorded response, a JSON file `bench/run.py` writes:
{"status": "200 OK", "headers": [[name, value], ...], "body": base64}.
"""

import base64
import json
import os

with open(os.environ["BENCH_RESPONSE"]) as file:
    _recorded = json.load(file)
STATUS = _recorded["status"]
HEADERS = [(name, value) for name, value in _recorded["headers"]]
BODY = base64.b64decode(_recorded["body"])


def application(environ, start_response):
    start_response(STATUS, HEADERS)
    return [BODY]
