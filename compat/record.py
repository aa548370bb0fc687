#!/usr/bin/env python3
"""Runs every case in compat/cases/ against a real WordPress 6.1 (the oracle) and writes what
it answered into compat/fixtures/, normalised (see normalise.py).

    ../shared/wordpress-oracle/start.sh && python3 compat/record.py [GROUP ...]

Each case file is one group: the oracle is reset to the seeded site before it, and the
replay test starts each group on a freshly seeded Quire site, so groups cannot affect one
another. Steps in a group run in order; a step may capture values for later steps.
"""
import base64
import json
import os
import re
import subprocess
import sys
import urllib.parse

import requests

sys.path.insert(0, os.path.dirname(__file__))
from normalise import Names, normalise, normalise_batch, norm_string, route_kind  # noqa: E402
import expand  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.environ.get("ORACLE_URL", "http://127.0.0.1:8080")
CREDS = os.environ.get("ORACLE_CREDS", "/run/wp-oracle/credentials.json")
START = os.path.join(HERE, "..", "..", "shared", "wordpress-oracle", "start.sh")
API_HEADERS = ["Allow", "Content-Type", "Link", "Location", "X-WP-Total", "X-WP-TotalPages",
               "Access-Control-Allow-Methods", "Retry-After"]
WRONG_PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX"
USER_AGENT = "quire-compat/1"   # the replay test sends the same


def auth_header(user, creds):
    if user in (None, "anonymous"):
        return None
    if user == "wrong-password":
        login, pw = "admin", WRONG_PASSWORD
    elif user == "unknown-user":
        login, pw = "nobody", WRONG_PASSWORD
    elif user.endswith("-login-password"):
        login = user[: -len("-login-password")]
        pw = creds[login]["password"]
    else:
        login, pw = user, creds[user]["app_password"]
    return "Basic " + base64.b64encode(f"{login}:{pw}".encode()).decode()


class Site:
    """Talks to one WordPress site: resolves names to ids and runs steps."""

    def __init__(self, base, creds):
        self.base = base
        self.creds = creds
        self.http = requests.Session()
        self.http.headers["User-Agent"] = USER_AGENT
        self.ids = {}          # "post:slug" -> id
        self.names = Names()
        self.captures = {}     # name -> value

    def admin_get(self, path):
        r = self.http.get(self.base + "/wp-json" + path, headers={"Authorization": auth_header("admin", self.creds)})
        r.raise_for_status()
        return r.json()

    def learn_names(self):
        """Every seeded object, by the name cases use for it."""
        for route in ("posts", "pages", "media"):
            for o in self.admin_get(f"/wp/v2/{route}?status=any&context=edit&per_page=100"
                                    if route != "media" else "/wp/v2/media?context=edit&per_page=100"):
                self.bind("post", o["id"], f"{route[:-1] if route != 'media' else 'media'}:{o['slug'] or o.get('generated_slug', '')}")
        for route in ("categories", "tags"):
            for o in self.admin_get(f"/wp/v2/{route}?per_page=100&context=edit"):
                self.bind("term", o["id"], f"{'category' if route == 'categories' else 'tag'}:{o['slug']}")
        for o in self.admin_get("/wp/v2/users?per_page=100&context=edit"):
            self.bind("user", o["id"], f"user:{o['slug']}")
        for o in self.admin_get("/wp/v2/comments?per_page=100&context=edit&status=all"):
            words = re.findall(r"[a-z0-9]+", o["content"]["raw"].lower())[:3]
            self.bind("comment", o["id"], "comment:" + "-".join(words))
        # The active theme's global styles post, which the themes route links.
        for o in self.admin_get("/wp/v2/themes?status=active"):
            for link in o.get("_links", {}).get("wp:user-global-styles", []):
                self.bind("post", int(link["href"].rsplit("/", 1)[1]), "global-styles:" + o["stylesheet"])

    def bind(self, kind, ident, name):
        self.ids[name] = ident
        self.names.add(kind, ident, name)

    # ---------------------------------------------------------------- placeholders
    PLACEHOLDER = re.compile(r"\{((?:post|page|media|category|tag|user|comment|global-styles):[a-z0-9-]+|\$[A-Za-z0-9_.-]+)\}")

    def value_of(self, name):
        if name.startswith("$"):
            if name[1:] not in self.captures:
                raise KeyError(f"no capture {name}")
            return self.captures[name[1:]]
        if name not in self.ids:
            raise KeyError(f"no object {name}")
        return self.ids[name]

    def resolve(self, v):
        if isinstance(v, str):
            m = self.PLACEHOLDER.fullmatch(v)
            if m:
                return self.value_of(m.group(1))
            return self.PLACEHOLDER.sub(lambda m: str(self.value_of(m.group(1))), v)
        if isinstance(v, list):
            return [self.resolve(x) for x in v]
        if isinstance(v, dict):
            return {self.resolve(k): self.resolve(x) for k, x in v.items()}
        return v

    # ---------------------------------------------------------------- one step
    def run(self, step):
        method = step.get("method", "GET")
        path = self.resolve(step["path"])
        query = step.get("query", {})
        pairs = [(k, v) for k, v in (query.items() if isinstance(query, dict) else query)]
        pairs = [(self.resolve(k), self.resolve(v)) for k, v in pairs]
        qs = "&".join(f"{urllib.parse.quote(str(k), safe='[]')}={urllib.parse.quote(str(v), safe='')}" for k, v in pairs)
        if "raw_query" in step:
            qs = self.resolve(step["raw_query"]) + ("&" + qs if qs else "")
        if step.get("style") == "rest_route":
            url = self.base + "/?rest_route=" + urllib.parse.quote(path, safe="/") + ("&" + qs if qs else "")
        elif step.get("style") == "site":
            url = self.base + path + ("?" + qs if qs else "")
        else:
            url = self.base + "/wp-json" + path + ("?" + qs if qs else "")
        headers = {k: self.resolve(v) for k, v in step.get("headers", {}).items()}
        a = auth_header(step.get("as"), self.creds)
        if a:
            headers["Authorization"] = a
        data = None
        if "json" in step:
            data = json.dumps(self.resolve(step["json"])).encode()
            headers.setdefault("Content-Type", "application/json")
        elif "form" in step:
            form = self.resolve(step["form"])
            data = urllib.parse.urlencode(list(form.items()) if isinstance(form, dict) else form).encode()
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        elif "body" in step:
            data = self.resolve(step["body"]).encode()
        elif "body_base64" in step:
            data = base64.b64decode(step["body_base64"])
        r = self.http.request(method, url, headers=headers, data=data, allow_redirects=False)
        return r

    def exchange(self, step, label):
        r = self.run(step)
        text = r.content.decode("utf-8", "replace")
        body = None
        if text:
            try:
                body = json.loads(text)
            except ValueError:
                body = {"$text": text}
        if step.get("ignore_body"):
            body = None
        sub_paths = []
        if self.resolve(step["path"]).startswith("/batch/v1") and isinstance(step.get("json"), dict):
            reqs = step["json"].get("requests", [])
            sub_paths = [q.get("path", "") if isinstance(q, dict) else "" for q in reqs] if isinstance(reqs, list) else []
        kind = route_kind(self.resolve(step["path"]))
        # Objects this step made get names before the answer is normalised.
        for name, where in step.get("capture", {}).items():
            value = pick(body, r.headers, where)
            self.captures[name] = value
            if isinstance(value, int) and kind and (where == "id" or where.endswith(".id")):
                self.names.add("post" if kind == "revision" else kind, value, "$" + name)
        if r.status_code == 201 and isinstance(body, dict) and isinstance(body.get("id"), int) and kind:
            self.names.add("post" if kind == "revision" else kind, body["id"], "$" + label)
        # A template's stored post is named after the step that first answers it.
        for shown in ([body, body.get("previous")] if isinstance(body, dict) else []):
            if isinstance(shown, dict) and isinstance(shown.get("wp_id"), int) and shown["wp_id"] > 0:
                self.names.add("post", shown["wp_id"], "$" + label)
        if sub_paths and isinstance(body, dict) and isinstance(body.get("responses"), list):
            for i, sub in enumerate(body["responses"]):
                if isinstance(sub, dict) and sub.get("status") == 201 and isinstance(sub.get("body"), dict) \
                        and isinstance(sub["body"].get("id"), int) and i < len(sub_paths):
                    self.names.add(route_kind(sub_paths[i]), sub["body"]["id"], f"${label}.{i}")
        for name, where in step.get("capture_ids", {}).items():   # ids in a list answer, by slug
            for item in body if isinstance(body, list) else []:
                if isinstance(item, dict) and item.get(where) is not None and kind:
                    self.names.add(kind, item["id"], f"${name}:{item[where]}")
        norm = normalise_batch(body, sub_paths, self.names) if sub_paths else normalise(body, self.names, kind)
        heads = {}
        for h in API_HEADERS:
            if h in r.headers:
                heads[h] = norm_string(r.headers[h], self.names)
        return {"status": r.status_code, "headers": heads, "body": norm}


def pick(body, headers, where):
    if where.startswith("header:"):
        return headers.get(where[7:])
    v = body
    for part in where.split("."):
        if isinstance(v, list):
            v = v[int(part)]
        elif isinstance(v, dict):
            v = v.get(part)
        else:
            return None
    return v


def record_group(path, reset=True):
    group = json.load(open(path))
    name = os.path.splitext(os.path.basename(path))[0]
    if reset:
        subprocess.run([START, "--reset"], check=True, stdout=subprocess.DEVNULL)
    creds = json.load(open(CREDS))
    site = Site(ORACLE, creds)
    site.learn_names()
    options = {}   # each matrix asks OPTIONS once per route
    out = []
    for case in expand.cases(group, lambda route: options.setdefault(route, site.admin_options(route))):
        for i, step in enumerate(case["steps"]):
            try:
                ex = site.exchange(step, f"{case['name']}#{i}")
            except KeyError as e:
                print(f"  {name}/{case['name']}#{i}: {e}", file=sys.stderr)
                raise
            out.append({"case": case["name"], "step": i, "request": step, **ex})
    fixture = {"group": name, "recorded_from": "WordPress 6.1.9", "exchanges": out}
    with open(os.path.join(HERE, "fixtures", name + ".json"), "w") as f:
        json.dump(fixture, f, indent=1, ensure_ascii=False, sort_keys=False)
        f.write("\n")
    print(f"{name}: {len(out)} exchanges")
    return len(out)


def admin_options(self, route):
    r = self.http.options(self.base + "/wp-json" + self.resolve(route),
                          headers={"Authorization": auth_header("admin", self.creds)})
    return r.json()


Site.admin_options = admin_options

if __name__ == "__main__":
    wanted = sys.argv[1:]
    files = sorted(f for f in os.listdir(os.path.join(HERE, "cases")) if f.endswith(".json"))
    total = 0
    for f in files:
        if wanted and os.path.splitext(f)[0] not in wanted:
            continue
        total += record_group(os.path.join(HERE, "cases", f))
    print(f"total: {total}")
