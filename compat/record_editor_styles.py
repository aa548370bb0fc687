#!/usr/bin/env python3
"""Records the global stylesheets WordPress 6.1's post editor starts with after the site's
global styles are set to NAME's styles (blocks' feature-level selectors), into
Tests/QuireTests/Fixtures/editor-settings/NAME.json. Run against the oracle at :8080; it writes
the site's global styles, so run `start.sh --reset` afterwards."""
import json, pathlib, re, requests

BASE = "http://127.0.0.1:8080"
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/QuireTests/Fixtures/editor-settings"
creds = json.load(open("/run/wp-oracle/credentials.json"))
auth = ("admin", creds["admin"]["app_password"])

def settings(page):
    start = page.index("{", page.index("initializeEditor( 'editor', "))
    depth, in_string, escaped = 0, False, False
    for i in range(start, len(page)):
        c = page[i]
        if in_string:
            if escaped: escaped = False
            elif c == "\\": escaped = True
            elif c == '"': in_string = False
            continue
        if c == '"': in_string = True
        elif c == "{": depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0: return json.loads(page[start:i + 1])

def record(name, styles):
    theme = requests.get(BASE + "/wp-json/wp/v2/themes", params={"status": "active"}, auth=auth).json()[0]
    link = theme["_links"]["wp:user-global-styles"][0]["href"]
    r = requests.post(link, json={"styles": styles, "settings": {}}, auth=auth)
    assert r.status_code == 200, r.text
    s = requests.Session()
    s.cookies.set("wordpress_test_cookie", "WP Cookie check")
    s.post(BASE + "/wp-login.php", data={"log": "admin", "pwd": "admin-pass-123", "wp-submit": "Log In", "testcookie": "1"})
    page = s.get(BASE + "/wp-admin/post.php?post=4&action=edit").text
    got = settings(page)
    (OUT / f"{name}.json").write_text(json.dumps({"request": {"styles": styles}, "styles": got["styles"]}, indent=1, ensure_ascii=False) + "\n")
    print(name, len(got["styles"]))

record("feature-selectors", {"blocks": {
    "core/image": {"border": {"radius": "12px"}, "color": {"text": "#111111"}},
    "core/post-featured-image": {"border": {"radius": "4px", "width": "2px", "style": "solid", "color": "#000000"}},
    "core/search": {"typography": {"fontSize": "20px", "textTransform": "uppercase"}, "spacing": {"padding": "1px"}},
}})
