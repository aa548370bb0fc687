"""Schemathesis hooks for Quire's fuzz pass: a server error fails the run unless WordPress 6.1
answers the same request with the same code and status (listed in wordpress-server-errors.json)."""
import json
import os

import schemathesis

_HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(_HERE, "wordpress-server-errors.json")) as f:
    _WORDPRESS_OWN = {(e["status"], e["code"]) for e in json.load(f)["errors"]}


@schemathesis.check
def no_server_error_but_wordpress_own(ctx, response, case):
    """A 5xx is a failure unless WordPress itself answers it with that code."""
    if response.status_code < 500:
        return None
    try:
        code = json.loads(response.content).get("code")
    except Exception:
        code = None
    if (response.status_code, code) not in _WORDPRESS_OWN:
        raise AssertionError(f"{response.status_code} {code!r}: a server error WordPress does not give")
    return None
