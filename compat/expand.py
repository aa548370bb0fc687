"""Turns a case file into concrete cases.

A case file holds:
  "cases":    [{"name", "steps": [step, ...]}]          written out in full
  "each":     [{"name", "as": [users], "over": {var: [values]}, "steps": [...]}]
              one case per user and value of each variable; "{as}" and "{var}" in any
              string of the steps become them
  "matrices": [{"name", "method", "path", "as": [users], "query"/"json": base,
                "args": {arg: [values]}, "schema": true, "skip": [args]}]
              one single-step case per user, argument and value; with "schema", the values
              are made from the route's own argument schema (OPTIONS), so every argument of
              the route is tried valid, of the wrong type, out of range, empty and unknown.
A step: {"method", "path", "query", "raw_query", "json" | "form" | "body" | "body_base64", "headers",
         "as", "style": "rest_route" | "site", "capture": {name: "id" | "a.b" | "header:Location"},
         "ignore_body": true (for pages that are not the API's)}.
"""
import copy
import json


def substitute(v, env):
    if isinstance(v, str):
        for k, x in env.items():
            if not isinstance(x, str):
                # A value that is not text (a query object) replaces a string that is only its name.
                if v == "{" + k + "}":
                    return copy.deepcopy(x)
                continue
            v = v.replace("{" + k + "}", x)
        return v
    if isinstance(v, list):
        return [substitute(x, env) for x in v]
    if isinstance(v, dict):
        return {substitute(k, env): substitute(x, env) for k, x in v.items()}
    return v


def combinations(over):
    envs = [{}]
    for k, values in over.items():
        envs = [dict(e, **{k: v}) for e in envs for v in values]
    return envs


def query_values(schema):
    t = schema.get("type")
    if isinstance(t, list):
        t = t[0]
    vals = []
    if schema.get("enum"):
        vals += [str(schema["enum"][0]), "not-a-value", ""]
    elif t == "integer":
        vals += ["abc", "1.5", ""]
        if "minimum" in schema:
            vals.append(str(schema["minimum"] - 1))
        else:
            vals.append("-1")
        if "maximum" in schema:
            vals += [str(schema["maximum"]), str(schema["maximum"] + 1)]
    elif t == "number":
        vals += ["abc", ""]
    elif t == "boolean":
        vals += ["true", "0", "maybe", ""]
    elif t == "array":
        items = schema.get("items", {})
        if items.get("enum"):
            vals += [",".join(str(x) for x in items["enum"][:2]), "not-a-value", ""]
        elif items.get("type") == "integer":
            vals += ["1,2", "abc", "1,abc", ""]
        else:
            vals += ["a,b", ""]
    elif t == "object":
        vals += ["x"]
    elif t == "string":
        fmt = schema.get("format")
        if fmt == "date-time":
            vals += ["2024-01-10T00:00:00", "not-a-date", ""]
        elif fmt in ("uri", "email", "ip"):
            vals += ["not valid", ""]
        else:
            vals += ["x", ""]
    else:
        vals += ["x"]
    return vals


def json_values(schema):
    t = schema.get("type")
    if isinstance(t, list):
        t = t[0]
    if schema.get("enum"):
        return [schema["enum"][0], "not-a-value", 12]
    if t == "integer":
        out = ["abc", 1.5, True]
        out.append(schema["minimum"] - 1 if "minimum" in schema else -1)
        return out
    if t == "number":
        return ["abc"]
    if t == "boolean":
        return ["maybe", 2]
    if t == "array":
        items = schema.get("items", {})
        if items.get("type") == "integer":
            return ["abc", [0], [999999], ["x"]]
        if items.get("enum"):
            return [["not-a-value"], "x"]
        return [7]
    if t == "object":
        return ["x", [1]]
    if t == "string":
        fmt = schema.get("format")
        if fmt == "date-time":
            return ["not-a-date", "2024-13-45T99:00:00"]
        if fmt in ("uri", "email", "ip"):
            return ["not valid"]
        return [["a"], {"a": 1}]
    return [None]


def route_args(options, method):
    for ep in options.get("endpoints", []):
        if method in ep.get("methods", []):
            return ep.get("args", {})
    return {}


def cases(group, options_of):
    for c in group.get("cases", []):
        yield c
    for c in group.get("each", []):
        over = {"as": c.get("as", ["anonymous"]), **c.get("over", {})}
        for env in combinations(over):
            name = c["name"] + "".join(f"/{v}" for k, v in env.items() if "{" + k + "}" not in c["name"])
            yield {"name": substitute(name, env), "steps": substitute(copy.deepcopy(c["steps"]), env)}
    for m in group.get("matrices", []):
        method = m.get("method", "GET")
        args = dict(m.get("args", {}))
        in_json = method in ("POST", "PUT", "PATCH") and m.get("in", "json") == "json"
        if m.get("schema"):
            for name, schema in route_args(options_of(m["path"]), method).items():
                if name in m.get("skip", []) or name in args:
                    continue
                args[name] = json_values(schema) if in_json else query_values(schema)
        for user in m.get("as", ["anonymous"]):
            for name, values in args.items():
                for i, value in enumerate(values):
                    step = {"method": method, "path": m["path"], "as": user}
                    if in_json:
                        body = copy.deepcopy(m.get("json", {}))
                        body[name] = value
                        step["json"] = body
                        if "query" in m:
                            step["query"] = m["query"]
                    else:
                        q = dict(m.get("query", {}))
                        q[name] = value
                        step["query"] = q
                    label = json.dumps(value, ensure_ascii=False)[:40]
                    yield {"name": f"{m['name']}/{user}/{name}={label}", "steps": [step]}
