#!/usr/bin/env python3
"""Records what WordPress 6.1 answers the media library dialog's `admin-ajax.php` actions
(beside `query-attachments`) for each signed-in browser, into
Tests/QuireTests/Fixtures/media-modal/<action>.json. Run against the oracle at :8080."""
import json, pathlib, sys, requests

BASE = "http://127.0.0.1:8080"
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/QuireTests/Fixtures/media-modal"

def browser(login):
    s = requests.Session()
    if login != "anonymous":
        s.cookies.set("wordpress_test_cookie", "WP Cookie check")
        r = s.post(BASE + "/wp-login.php", data={"log": login, "pwd": f"{login}-pass-123", "wp-submit": "Log In",
                                                   "testcookie": "1"}, allow_redirects=False)
        assert r.status_code == 302, (login, r.status_code)
    return s

def record(action, cases):
    sessions = {}
    out = []
    for name, login, method, body in cases:
        s = sessions.setdefault(login, browser(login))
        if method == "GET":
            r = s.get(BASE + "/wp-admin/admin-ajax.php?" + body)
        else:
            r = s.post(BASE + "/wp-admin/admin-ajax.php", data=body,
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            answer = r.json()
        except ValueError:
            answer = r.text
        out.append({"name": name, "as": login, "method": method, "body": body, "status": r.status_code, "answer": answer})
    (OUT / f"{action}.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    print(action, len(out))

record("get-attachment", [
    ("admin", "admin", "POST", "action=get-attachment&id=19"),
    ("author", "author", "POST", "action=get-attachment&id=19"),
    ("contributor", "contributor", "POST", "action=get-attachment&id=19"),
    ("subscriber", "subscriber", "POST", "action=get-attachment&id=19"),
    ("anonymous", "anonymous", "POST", "action=get-attachment&id=19"),
    ("a-post", "admin", "POST", "action=get-attachment&id=4"),
    ("missing", "admin", "POST", "action=get-attachment&id=99999"),
    ("zero", "admin", "POST", "action=get-attachment&id=0"),
    ("text", "admin", "POST", "action=get-attachment&id=abc"),
    ("no-id", "admin", "POST", "action=get-attachment"),
    ("negative", "admin", "POST", "action=get-attachment&id=-19"),
    ("get", "admin", "GET", "action=get-attachment&id=19"),
])

# save-attachment: the dialog's edits of an attachment's fields, with the `update-post_<id>`
# nonce the dialog was given. A case whose body holds `<nonce>` is sent with the nonce its
# browser's get-attachment answer carries; after a save, the attachment as REST reads it back
# is kept beside the answer. Writes: run `start.sh --reset` afterwards.
import urllib.parse
creds = json.load(open("/run/wp-oracle/credentials.json"))
def saved_state():
    r = requests.get(BASE + "/wp-json/wp/v2/media/19", params={"context": "edit"},
                     auth=("admin", creds["admin"]["app_password"]))
    m = r.json()
    return {"title": m["title"]["raw"], "caption": m["caption"]["raw"], "description": m["description"]["raw"], "alt_text": m["alt_text"]}

changes = urllib.parse.urlencode({"changes[title]": "A <em>new</em> title", "changes[caption]": "A caption with <b>bold</b>",
                                  "changes[description]": "The description", "changes[alt]": "Alt <b>text</b>\n  with  spaces"})
cases = [
    ("admin-bad-nonce", "admin", "action=save-attachment&id=19&nonce=0123456789&" + changes),
    ("admin-no-changes", "admin", "action=save-attachment&id=19&nonce=<nonce>"),
    ("admin-no-id", "admin", "action=save-attachment&nonce=<nonce>&" + changes),
    ("subscriber", "subscriber", "action=save-attachment&id=19&nonce=0123456789&" + changes),
    ("anonymous", "anonymous", "action=save-attachment&id=19&nonce=0123456789&" + changes),
    ("admin-saves", "admin", "action=save-attachment&id=19&nonce=<nonce>&" + changes),
    ("admin-saves-alt-only", "admin", "action=save-attachment&id=19&nonce=<nonce>&" + urllib.parse.urlencode({"changes[alt]": "Only the alt"})),
]
out = []
sessions = {}
for name, login, body in cases:
    s = sessions.setdefault(login, browser(login))
    if "<nonce>" in body:
        got = s.post(BASE + "/wp-admin/admin-ajax.php", data="action=get-attachment&id=19",
                     headers={"Content-Type": "application/x-www-form-urlencoded"}).json()
        sent = body.replace("<nonce>", got["data"]["nonces"]["update"])
    else:
        sent = body
    r = s.post(BASE + "/wp-admin/admin-ajax.php", data=sent, headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        answer = r.json()
    except ValueError:
        answer = r.text
    out.append({"name": name, "as": login, "method": "POST", "body": body, "status": r.status_code, "answer": answer,
                "after": saved_state()})
(OUT / "save-attachment.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
print("save-attachment", len(out))

# delete-post: the dialog's "Delete permanently", with the `delete-post_<id>` nonce it was
# given; the second delete finds the attachment gone. After each, whether REST still finds it.
cases = [
    ("admin-bad-nonce", "admin", "action=delete-post&id=19&_wpnonce=0123456789"),
    ("subscriber", "subscriber", "action=delete-post&id=19&_wpnonce=0123456789"),
    ("anonymous", "anonymous", "action=delete-post&id=19&_wpnonce=0123456789"),
    ("admin-deletes", "admin", "action=delete-post&id=19&_wpnonce=<nonce>"),
    ("admin-deletes-again", "admin", "action=delete-post&id=19&_wpnonce=<nonce>"),
]
out = []
nonce = None
for name, login, body in cases:
    s = sessions.setdefault(login, browser(login))
    if "<nonce>" in body and nonce is None:
        got = s.post(BASE + "/wp-admin/admin-ajax.php", data="action=get-attachment&id=19",
                     headers={"Content-Type": "application/x-www-form-urlencoded"}).json()
        nonce = got["data"]["nonces"]["delete"]
    r = s.post(BASE + "/wp-admin/admin-ajax.php", data=body.replace("<nonce>", nonce or ""),
               headers={"Content-Type": "application/x-www-form-urlencoded"})
    found = requests.get(BASE + "/wp-json/wp/v2/media/19", params={"context": "edit"},
                         auth=("admin", creds["admin"]["app_password"])).status_code
    out.append({"name": name, "as": login, "method": "POST", "body": body, "status": r.status_code, "answer": r.text,
                "after": found})
(OUT / "delete-post.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
print("delete-post", len(out))

# upload-attachment: the dialog's own uploads to async-upload.php, multipart, with the
# `media-form` nonce its editor page was given (`<nonce>`).
IMAGE = OUT.parent / "media" / "oracle-test.png"
def editor_nonce(s):
    page = s.get(BASE + "/wp-admin/post-new.php").text
    settings = json.loads(re.search(r"var _wpPluploadSettings = (\{.*?\});\n", page).group(1))
    return settings["defaults"]["multipart_params"]["_wpnonce"]
import re
cases = [
    ("admin-bad-nonce", "admin", {"_wpnonce": "0123456789", "post_id": "4"}, ("picture.png", IMAGE.read_bytes(), "image/png")),
    ("subscriber", "subscriber", {"_wpnonce": "0123456789"}, ("picture.png", IMAGE.read_bytes(), "image/png")),
    ("anonymous", "anonymous", {"_wpnonce": "0123456789"}, ("picture.png", IMAGE.read_bytes(), "image/png")),
    ("admin-uploads", "admin", {"_wpnonce": "<nonce>", "post_id": "4"}, ("picture.png", IMAGE.read_bytes(), "image/png")),
    ("author-to-anothers-post", "author", {"_wpnonce": "<nonce>", "post_id": "4"}, ("picture.png", IMAGE.read_bytes(), "image/png")),
]
out = []
for name, login, fields, (filename, data, mime) in cases:
    s = sessions.setdefault(login, browser(login))
    form = {"name": filename, "action": "upload-attachment"}
    form.update(fields)
    if form["_wpnonce"] == "<nonce>":
        form["_wpnonce"] = editor_nonce(s)
    if form["action"] == "":
        del form["action"]
    r = s.post(BASE + "/wp-admin/async-upload.php", data=form, files={"async-upload": (filename, data, mime)}, allow_redirects=False)
    try:
        answer = r.json()
    except ValueError:
        answer = r.text[:200]
    out.append({"name": name, "as": login, "fields": fields, "file": {"name": filename, "type": mime}, "status": r.status_code,
                "location": r.headers.get("Location", "").replace(BASE, ""), "content_type": r.headers.get("Content-Type"), "answer": answer})
(OUT / "upload-attachment.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
print("upload-attachment", len(out))
