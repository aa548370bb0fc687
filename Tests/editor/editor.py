"""A writer's session in the block editor, in headless Chromium, against a running Quire.

    python3 editor.py --url http://127.0.0.1:PORT --login admin --password PW \
        --app-password APP --shots DIR --calls calls.json --image photo.jpg --dropped-image file.png

Each step is checked through the REST API (with the application password) as a client would
see the result. Every REST call the editor makes is written to --calls with its status; the
exit status is 0 only when every step passed. Playwright drives Debian's chromium
(--chromium, default /usr/bin/chromium): no browser is downloaded.
"""

import argparse
import base64
import json
import re
import sys
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

from playwright.sync_api import expect, sync_playwright

TIMEOUT = 30_000


class REST:
    """The site's API as an application-password client."""

    def __init__(self, url, login, password):
        self.root = url.rstrip("/") + "/wp-json"
        self.auth = "Basic " + base64.b64encode(f"{login}:{password}".encode()).decode()

    def call(self, method, path, body=None, query=None, headers=None, data=None):
        url = self.root + path + ("?" + urllib.parse.urlencode(query) if query else "")
        sent = {"Authorization": self.auth, **(headers or {})}
        if body is not None:
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, method=method, headers=sent)
        try:
            with urllib.request.urlopen(request) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def get(self, path, **query):
        status, body = self.call("GET", path, query=query)
        if status != 200:
            raise AssertionError(f"GET {path} {query}: {status} {body}")
        return body


class Session:
    def __init__(self, args):
        self.args = args
        self.base = args.url.rstrip("/")
        self.rest = REST(args.url, args.login, args.app_password)
        # The writer's page, shot when a step fails; and whether the editor has opened in it yet.
        self.page = None
        self.editor_opened = False
        self.calls = []
        self.step_number = 0
        self.failures = []

    # What the editor asks of the API, as the browser saw it.
    def record(self, response):
        url = response.url
        if "/wp-admin/async-upload.php" in url:
            self.calls.append({"method": response.request.method, "route": "async-upload.php action=upload-attachment", "query": "", "status": response.status})
            return
        if "/wp-admin/admin-ajax.php" in url:
            # The media library dialog's own calls, named by their action.
            action = urllib.parse.parse_qs(response.request.post_data or "").get("action", ["?"])[0]
            self.calls.append({"method": response.request.method, "route": f"admin-ajax.php action={action}", "query": "", "status": response.status})
            return
        if "/wp-json/" not in url and "rest_route=" not in url:
            return
        parsed = urllib.parse.urlsplit(url)
        route = parsed.path.split("/wp-json", 1)[-1] if "/wp-json/" in url else urllib.parse.parse_qs(parsed.query)["rest_route"][0]
        query = "&".join(p for p in parsed.query.split("&") if p and not p.startswith("rest_route=") and not p.startswith("_locale="))
        method = response.request.headers.get("x-http-method-override") or response.request.method
        self.calls.append({"method": method, "route": route, "query": query, "status": response.status})

    def shot(self, page, name):
        self.step_number += 1
        page.screenshot(path=f"{self.args.shots}/{self.step_number:02d}-{name}.png")

    def step(self, name, action):
        started = time.time()
        try:
            action()
            print(f"ok   {name} ({time.time() - started:.1f}s)", flush=True)
        except Exception as error:  # each step reports its own failure; later steps still run
            self.failures.append(name)
            print(f"FAIL {name}: {error}", flush=True)
            traceback.print_exc()
            if self.page is not None:
                try:
                    self.shot(self.page, "failed")
                except Exception:
                    pass


def close_welcome_guide(session, page):
    # The guide shows the first time the editor opens for a user whose preferences are new; on
    # a busy machine it can appear well after the layout, so that first time it is waited for.
    # Later, the editor's store says whether it will show.
    page.locator(".editor-post-title__input").wait_for(timeout=TIMEOUT)
    first = not session.editor_opened
    session.editor_opened = True
    if not first and not page.evaluate("wp.data.select('core/edit-post').isFeatureActive('welcomeGuide')"):
        return
    guide = page.locator(".edit-post-welcome-guide")
    guide.wait_for(timeout=TIMEOUT)
    # Its own close button, not Escape (a key pressed before the dialog takes focus is lost).
    # Closed means the editor has turned the preference off and no dialog has come back for a
    # second and a half: on a busy machine the editor may still be settling its preferences and
    # show the guide again after the first close.
    overlay = page.locator(".components-modal__screen-overlay")
    deadline = time.time() + TIMEOUT / 1000
    quiet_since = None
    while time.time() < deadline:
        if guide.count() > 0 and guide.first.is_visible():
            guide.get_by_role("button", name="Close dialog").click(timeout=TIMEOUT)
            quiet_since = None
        elif overlay.count() == 0 and page.evaluate("!wp.data.select('core/edit-post').isFeatureActive('welcomeGuide')"):
            quiet_since = quiet_since or time.time()
            if time.time() - quiet_since >= 1.5:
                return
        else:
            quiet_since = None
        page.wait_for_timeout(100)
    raise AssertionError("the welcome guide did not stay closed")


def open_editor(session, page, path):
    page.goto(session.base + path)
    page.locator(".edit-post-layout").wait_for(timeout=TIMEOUT)
    close_welcome_guide(session, page)
    page.locator(".editor-post-title__input").wait_for(timeout=TIMEOUT)


def drop_file(page, target, path, name, mime):
    """Drops a file on `target` as a browser does when one is dragged in from the desktop."""
    data = base64.b64encode(open(path, "rb").read()).decode()
    transfer = page.evaluate_handle("""([data, name, mime]) => {
        const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: mime }));
        return transfer; }""", [data, name, mime])
    for event in ("dragenter", "dragover", "drop"):
        target.dispatch_event(event, {"dataTransfer": transfer})


def open_sidebar_panel(page, title):
    """Opens the Post tab's panel titled `title` (if closed) and returns it."""
    page.locator(".edit-post-sidebar__panel-tab", has_text="Post").first.click()
    panel = page.locator(".components-panel__body", has=page.locator(".components-panel__body-title", has_text=title)).first
    panel.wait_for(timeout=TIMEOUT)
    if "is-opened" not in (panel.get_attribute("class") or ""):
        panel.locator(".components-panel__body-toggle").click()
    return panel


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--login", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--app-password", required=True)
    parser.add_argument("--shots", required=True)
    parser.add_argument("--calls", required=True)
    parser.add_argument("--image", required=True)
    parser.add_argument("--dropped-image", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    session = Session(args)
    rest = session.rest

    # The seeded post the writer opens: the demo's first post, given a featured image here
    # (as a writer would have set it earlier) so the editor has one to show.
    seeded = rest.get("/wp/v2/posts", slug="welcome-to-quire", context="edit")[0]
    with open(args.image, "rb") as image:
        status, featured = rest.call("POST", "/wp/v2/media", data=image.read(), headers={
            "Content-Type": "image/jpeg", "Content-Disposition": 'attachment; filename="featured.jpg"'})
    assert status == 201, f"featured image upload: {status} {featured}"
    # Another image in the library, for the writer to choose in the media library dialog.
    with open(args.dropped_image, "rb") as image:
        status, library_choice = rest.call("POST", "/wp/v2/media", data=image.read(), headers={
            "Content-Type": "image/png", "Content-Disposition": 'attachment; filename="library-choice.png"'})
    assert status == 201, f"library image upload: {status} {library_choice}"
    status, _ = rest.call("POST", f"/wp/v2/posts/{seeded['id']}", body={"featured_media": featured["id"]})
    assert status == 200, f"setting the featured image: {status}"
    category_names = [rest.get(f"/wp/v2/categories/{c}")["name"] for c in seeded["categories"]]
    tag_names = [rest.get(f"/wp/v2/tags/{t}")["name"] for t in seeded["tags"]]
    trashed = rest.get("/wp/v2/posts", slug="writing-a-plugin")[0]

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, headless=True,
                                             args=["--no-sandbox", "--disable-dev-shm-usage"])
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        context.set_default_timeout(TIMEOUT)
        page = context.new_page()
        session.page = page
        page.on("response", session.record)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        def log_in():
            page.goto(session.base + "/wp-login.php")
            session.shot(page, "login")
            page.fill("#user_login", args.login)
            page.fill("#user_pass", args.password)
            page.click("#wp-submit")
            page.wait_for_url("**/wp-admin/**")
            page.goto(session.base + "/wp-admin/edit.php")
            expect(page.locator("body")).to_contain_text(seeded["title"]["raw"])
            session.shot(page, "posts-list")

        def open_seeded_post():
            open_editor(session, page, f"/wp-admin/post.php?post={seeded['id']}&action=edit")
            expect(page.locator(".editor-post-title__input")).to_have_text(seeded["title"]["raw"])
            paragraph = page.locator('.block-editor-block-list__layout [data-type="core/paragraph"]').first
            expect(paragraph).to_contain_text("Quire serves the WordPress REST API")
            categories = open_sidebar_panel(page, "Categories")
            for name in category_names:
                expect(categories.get_by_label(name, exact=True)).to_be_checked()
            tags = open_sidebar_panel(page, "Tags")
            for name in tag_names:
                expect(tags.locator(".components-form-token-field__token-text", has_text=name)).to_have_count(1)
            image = open_sidebar_panel(page, "Featured image")
            # The panel shows one of the image's sizes (WordPress picks `large` here).
            stem = featured["source_url"].rsplit("/", 1)[0] + "/featured"
            expect(image.locator("img")).to_have_attribute("src", re.compile("^" + re.escape(stem)))
            session.shot(page, "seeded-post")

        def inserter_offers_server_variations():
            # The post-terms block's variations come only from the server's block definitions
            # (one per public taxonomy): the inserter offers "Tags" among its results.
            names = page.evaluate("wp.blocks.getBlockVariations('core/post-terms').map(v => v.name)")
            assert names == ["category", "post_tag"], names
            page.get_by_role("button", name="Toggle block inserter").click()
            search = page.get_by_role("searchbox", name="Search for blocks and patterns")
            search.fill("Tags")
            expect(page.get_by_role("option", name="Tags", exact=True)).to_be_visible()
            session.shot(page, "inserter-variations")
            page.get_by_role("button", name="Toggle block inserter").click()

        title = "Welcome to Quire, edited in the block editor"

        def edit_and_save():
            page.locator(".editor-post-title__input").click()
            page.keyboard.press("Control+A")
            page.keyboard.type(title)
            paragraph = page.locator('.block-editor-block-list__layout [data-type="core/paragraph"]').first
            paragraph.click()
            page.keyboard.press("End")
            page.keyboard.type(" Edited by a writer.")
            # A new block: Enter starts a paragraph, the slash inserter turns it into a heading.
            page.keyboard.press("Enter")
            page.keyboard.type("/heading")
            page.locator(".components-autocomplete__result", has_text="Heading").first.click()
            page.keyboard.type("A heading added in the editor")
            # An image block, its image uploaded through the block's own upload button.
            page.keyboard.press("Enter")
            page.keyboard.type("/image")
            page.locator(".components-autocomplete__result", has_text="Image").first.click()
            placeholder = page.locator('[data-type="core/image"]').last
            with page.expect_response(lambda r: "/wp/v2/media" in r.url and r.request.method == "POST") as upload:
                placeholder.locator('input[type="file"]').set_input_files(args.image)
            assert upload.value.status == 201, f"the image block's upload answered {upload.value.status}"
            expect(placeholder.locator("img")).to_have_attribute("src", re.compile(r"/wp-content/uploads/"))
            # A file dropped on the canvas becomes an image block, uploaded as it lands.
            target = page.locator('.block-editor-block-list__layout [data-type="core/paragraph"]').first
            with page.expect_response(lambda r: "/wp/v2/media" in r.url and r.request.method == "POST") as drop:
                drop_file(page, target, args.dropped_image, "dropped.png", "image/png")
            assert drop.value.status == 201, f"the dropped file's upload answered {drop.value.status}"
            dropped = json.loads(drop.value.text())
            expect(page.locator('[data-type="core/image"] img[src*="/wp-content/uploads/"][src*="/dropped"]')).to_have_count(1)
            session.shot(page, "edited")
            with page.expect_response(lambda r: f"/wp/v2/posts/{seeded['id']}" in r.url and r.request.method in ("POST", "PUT")) as saved:
                page.locator(".editor-post-publish-button").click()
            assert saved.value.status == 200, f"saving answered {saved.value.status}"
            expect(page.locator(".components-snackbar")).to_contain_text("Post updated")
            session.shot(page, "saved")
            after = rest.get(f"/wp/v2/posts/{seeded['id']}", context="edit")
            assert after["title"]["raw"] == title, after["title"]
            raw = after["content"]["raw"]
            assert "Edited by a writer." in raw, raw
            assert "<!-- wp:heading" in raw and "A heading added in the editor" in raw, raw
            uploaded = json.loads(upload.value.text())
            assert f'<!-- wp:image {{"id":{uploaded["id"]}' in raw, raw
            assert f'<!-- wp:image {{"id":{dropped["id"]}' in raw, raw
            assert after["featured_media"] == featured["id"]
            assert after["categories"] == seeded["categories"] and after["tags"] == seeded["tags"]
            public = rest.get(f"/wp/v2/posts/{seeded['id']}")
            rendered = public["content"]["rendered"]
            assert f'class="wp-image-{uploaded["id"]}"' in rendered and uploaded["source_url"].rsplit("/", 1)[0] in rendered, rendered

        def choose_a_template():
            # The theme's custom templates for posts (Twenty Twenty-Three's "Blank") are offered
            # in the Summary panel; the one chosen is saved with the post.
            page.locator(".edit-post-sidebar__panel-tab", has_text="Post").click()
            page.get_by_role("button", name=re.compile(r"^Select template")).click()
            choice = page.get_by_role("combobox", name="Template")
            expect(choice.locator("option", has_text="Blank")).to_have_count(1)
            choice.select_option("blank")
            session.shot(page, "template-chosen")
            # The chosen template opens for editing, its blocks from the theme's file, and closes again.
            page.get_by_role("button", name="Edit template").click()
            expect(page.locator(".edit-post-template-top-area")).to_be_visible()
            # Template mode draws its canvas in a frame.
            canvas = page.frame_locator('iframe[name="editor-canvas"]')
            expect(canvas.locator('[data-type="core/post-content"]')).to_have_count(1)
            # The template editor's welcome guide shows the first time.
            if page.evaluate("wp.data.select('core/edit-post').isFeatureActive('welcomeGuideTemplate')"):
                guide = page.get_by_role("dialog", name=re.compile("template editor", re.I))
                guide.get_by_role("button", name="Close dialog").click(timeout=TIMEOUT)
                expect(guide).to_have_count(0)
            session.shot(page, "template-mode")
            page.get_by_role("button", name="Back", exact=True).click()
            expect(page.locator(".editor-post-title__input")).to_be_visible()
            with page.expect_response(lambda r: f"/wp/v2/posts/{seeded['id']}" in r.url and r.request.method in ("POST", "PUT")) as saved:
                page.locator(".editor-post-publish-button").click()
            assert saved.value.status == 200, f"saving answered {saved.value.status}: {saved.value.text()[:300]}"
            expect(page.locator(".components-snackbar").last).to_contain_text("Post updated")
            assert rest.get(f"/wp/v2/posts/{seeded['id']}", context="edit")["template"] == "blank"

        def replace_featured_image_from_library():
            # The panel's "Replace Image" opens the media library dialog on the current image
            # (fetched with admin-ajax.php's get-attachment); another image is chosen from the
            # library (query-attachments) and set, and the saved post has it.
            open_editor(session, page, f"/wp-admin/post.php?post={seeded['id']}&action=edit")
            panel = open_sidebar_panel(page, "Featured image")
            with page.expect_response(lambda r: "admin-ajax.php" in r.url and "get-attachment" in (r.request.post_data or "")) as fetched:
                panel.get_by_role("button", name="Replace Image").click()
            assert fetched.value.status == 200 and fetched.value.json()["data"]["id"] == featured["id"], fetched.value.text()[:300]
            modal = page.locator(".media-modal")
            expect(modal.locator(".media-frame-title")).to_contain_text("Featured image")
            # A new user's dialog opens on "Upload files", as WordPress's does: a file chosen
            # there is uploaded through async-upload.php and the library shows it chosen.
            with page.expect_response(lambda r: "async-upload.php" in r.url) as sent:
                modal.locator("input[type=file]").set_input_files(args.dropped_image)
            assert sent.value.status == 200 and json.loads(sent.value.text())["success"], sent.value.text()[:300]
            in_dialog = json.loads(sent.value.text())["data"]
            expect(modal.locator(f'li.attachment[data-id="{in_dialog["id"]}"]')).to_have_attribute("aria-checked", "true")
            assert rest.get(f"/wp/v2/media/{in_dialog['id']}", context="edit")["post"] == seeded["id"]
            # The library shows the current image and the upload (as in WordPress, nothing more
            # until the writer searches, filters or scrolls).
            modal.get_by_role("tab", name="Media Library").click()
            expect(modal.locator(f'li.attachment[data-id="{featured["id"]}"]')).to_have_count(1)
            with page.expect_response(lambda r: "admin-ajax.php" in r.url and "query-attachments" in (r.request.post_data or "")) as listed:
                modal.locator("#media-search-input").fill("library-choice")
            assert listed.value.status == 200 and listed.value.json()["success"], listed.value.text()[:300]
            other = modal.locator(f'li.attachment[data-id="{library_choice["id"]}"]')
            other.click()
            expect(other).to_have_attribute("aria-checked", "true")
            expect(modal.locator(".attachment-details .filename")).to_have_text(re.compile("library-choice"))
            chosen = library_choice["id"]
            # Its alt text, typed in the sidebar, is saved at once (save-attachment).
            with page.expect_response(lambda r: "admin-ajax.php" in r.url and "save-attachment" in (r.request.post_data or "")) as described:
                modal.locator("#attachment-details-alt-text").fill("A gradient chosen from the library")
                modal.locator("#attachment-details-title").focus()
            assert described.value.status == 200 and described.value.json()["success"], described.value.text()[:300]
            assert rest.get(f"/wp/v2/media/{chosen}", context="edit")["alt_text"] == "A gradient chosen from the library"
            session.shot(page, "media-library")
            modal.locator(".media-button-select").click()
            expect(modal).to_be_hidden()
            expect(panel.locator("img")).to_have_count(1)
            with page.expect_response(lambda r: f"/wp/v2/posts/{seeded['id']}" in r.url and r.request.method in ("POST", "PUT")) as saved:
                page.locator(".editor-post-publish-button").click()
            assert saved.value.status == 200, f"saving answered {saved.value.status}: {saved.value.text()[:300]}"
            session.shot(page, "featured-image-replaced")
            assert rest.get(f"/wp/v2/posts/{seeded['id']}", context="edit")["featured_media"] == chosen

        def move_to_trash():
            open_editor(session, page, f"/wp-admin/post.php?post={trashed['id']}&action=edit")
            open_sidebar_panel(page, "Summary") if page.locator(".components-panel__body-title", has_text="Summary").count() else None
            page.locator(".editor-post-trash").click()
            dialog = page.locator(".components-confirm-dialog")
            if dialog.count():
                dialog.locator("button", has_text="OK").click()
            page.wait_for_url("**/wp-admin/edit.php**")
            session.shot(page, "trashed")
            status, body = rest.call("GET", f"/wp/v2/posts/{trashed['id']}", query={"context": "edit"})
            assert status == 200 and body["status"] == "trash", (status, body.get("status"))

        new_title = "A post written in the editor"

        def create_and_publish():
            open_editor(session, page, "/wp-admin/post-new.php")
            page.locator(".editor-post-title__input").click()
            page.keyboard.type(new_title)
            page.keyboard.press("Enter")
            page.keyboard.type("Its first paragraph, typed in the browser.")
            # The paragraph becomes a reusable block, saved at once through /wp/v2/blocks.
            page.locator('.block-editor-block-list__layout [data-type="core/paragraph"]').first.click()
            page.mouse.move(10, 10)   # typing hides the block toolbar; moving the mouse shows it
            page.locator('.block-editor-block-toolbar button[aria-label="Options"]').click()
            with page.expect_response(lambda r: r.url.split("?")[0].endswith("/wp/v2/blocks") and r.request.method == "POST") as made:
                page.get_by_role("menuitem", name="Create Reusable block").click()
                page.locator(".reusable-blocks-menu-items__convert-modal input").fill("Signature")
                page.locator('.reusable-blocks-menu-items__convert-modal button[type="submit"]').click()
            assert made.value.status == 201, f"creating the reusable block answered {made.value.status}"
            expect(page.locator(".components-snackbar", has_text="Reusable block created")).to_have_count(1)
            reusable = json.loads(made.value.text())
            # Its featured image: a file dropped on the panel is uploaded and set.
            panel = open_sidebar_panel(page, "Featured image")
            with page.expect_response(lambda r: "/wp/v2/media" in r.url and r.request.method == "POST") as cover:
                drop_file(page, panel.locator(".editor-post-featured-image .components-drop-zone"), args.dropped_image, "cover.png", "image/png")
            assert cover.value.status == 201, f"the featured image's upload answered {cover.value.status}"
            featured_new = json.loads(cover.value.text())
            expect(panel.locator("img")).to_have_count(1)
            page.locator(".editor-post-publish-panel__toggle").click()
            with page.expect_response(lambda r: "/wp/v2/posts/" in r.url and r.request.method in ("POST", "PUT")) as published:
                page.locator(".editor-post-publish-panel .editor-post-publish-button").click()
            assert published.value.status == 200, f"publishing answered {published.value.status}"
            expect(page.locator(".editor-post-publish-panel")).to_contain_text("is now live")
            session.shot(page, "published")
            found = rest.get("/wp/v2/posts", search=new_title, context="edit")
            assert len(found) == 1, found
            assert found[0]["status"] == "publish" and found[0]["title"]["raw"] == new_title
            assert f'<!-- wp:block {{"ref":{reusable["id"]}}} /-->' in found[0]["content"]["raw"], found[0]["content"]["raw"]
            assert found[0]["featured_media"] == featured_new["id"], found[0]["featured_media"]
            block = rest.get(f"/wp/v2/blocks/{reusable['id']}", context="edit")
            assert block["title"]["raw"] == "Signature" and block["status"] == "publish", block
            assert "Its first paragraph, typed in the browser." in block["content"]["raw"], block["content"]
            assert found[0]["author"] == rest.get("/wp/v2/users/me")["id"]

        def preferences_are_kept():
            # A new browser (no local storage) signs in: the welcome guide closed in the first
            # one stays closed, because the editor's preferences were kept on the server.
            fresh = browser.new_context(viewport={"width": 1440, "height": 1000})
            other = fresh.new_page()
            other.on("response", session.record)
            other.goto(session.base + "/wp-login.php")
            other.fill("#user_login", args.login)
            other.fill("#user_pass", args.password)
            other.click("#wp-submit")
            other.wait_for_url("**/wp-admin/**")
            other.goto(session.base + f"/wp-admin/post.php?post={seeded['id']}&action=edit")
            other.locator(".editor-post-title__input").wait_for()
            other.wait_for_timeout(1500)
            expect(other.locator(".edit-post-welcome-guide")).to_have_count(0)
            me = rest.get("/wp/v2/users/me", context="edit")
            assert me["meta"]["persisted_preferences"].get("core/edit-post", {}).get("welcomeGuide") is False, me["meta"]
            other.screenshot(path=f"{args.shots}/{session.step_number + 1:02d}-preferences-kept.png")
            session.step_number += 1
            fresh.close()

        session.step("logs in and lists the posts", log_in)
        session.step("opens a seeded post: title, blocks, categories, tags, featured image", open_seeded_post)
        session.step("offers the server's block variations in the inserter", inserter_offers_server_variations)
        session.step("edits the title and a paragraph, adds a heading, an uploaded and a dropped image, saves", edit_and_save)
        session.step("gives the post the theme's Blank template", choose_a_template)
        session.step("uploads in the media library dialog, then replaces the featured image with another from the library, describing it there", replace_featured_image_from_library)
        session.step("moves a post to trash", move_to_trash)
        session.step("publishes a new post with a reusable block and a featured image dropped on its panel", create_and_publish)
        session.step("keeps the editor's preferences for the next browser", preferences_are_kept)
        browser.close()

    with open(args.calls, "w") as out:
        json.dump(session.calls, out, indent=1)
    if errors:
        print("page errors:\n  " + "\n  ".join(errors), flush=True)
    if session.failures:
        print(f"{len(session.failures)} step(s) failed: {', '.join(session.failures)}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
