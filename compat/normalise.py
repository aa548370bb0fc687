"""Normalisation shared by the recorder: what depends on the clock, on random tokens or on
the order objects were numbered is replaced by a stable name. The replay test
(`Tests/QuireTests/Compat/CompatNormaliser.swift`) applies the same rules to Quire's answers.

Ids are replaced by the object they name: `{post:release-1-0}`, `{user:editor}`,
`{term:news}`, `{comment:great-start}`, or `{$capture}` for objects a case made.
"""
import re

NOW_DATE = re.compile(r"20(?:2[5-9]|3[0-4])-\d\d-\d\d[T ]\d\d:\d\d:\d\d")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
APP_PASSWORD = re.compile(r"^[A-Za-z0-9]{4}( [A-Za-z0-9]{4}){5}$")
URL_ID = re.compile(r"/wp/v2/(posts|pages|media|comments|categories|tags|menus|users|blocks|navigation|menu-items)/(\d+)")
AUTOSAVE_SLUG = re.compile(r"^\d+-autosave-v1$")
SUB_ID = re.compile(r"/(revisions|autosaves)/(\d+)")
COMMENT_ANCHOR = re.compile(r"#comment-(\d+)")
QUERY_ID = re.compile(r"([?&](?:amp;)?)(p|page_id|attachment_id|post|parent|categories|tags|menus|author)=(\d+)")

SEGMENT_KIND = {"posts": "post", "pages": "post", "media": "post", "blocks": "post", "navigation": "post", "menu-items": "post",
                "comments": "comment",
                "categories": "term", "tags": "term", "menus": "term", "users": "user"}
EMBED_KIND = {"author": "user", "replies": "comment", "wp:term": "term", "wp:featuredmedia": "post",
              "wp:attachment": "post", "up": "post", "version-history": "revision", "predecessor-version": "revision",
              "children": "comment", "self": None}
KEY_KIND = {"author": "user", "post": "post", "featured_media": "post", "categories": "term", "tags": "term",
            "term_id": "term", "additional_data": "term", "wp_id": "post", "menus": "term"}
VOLATILE_KEYS = {"filesize"}


def route_kind(path):
    """The kind of object a route's items are: post, term, user, comment or None."""
    path = path.split("?", 1)[0]
    if re.search(r"/(revisions|autosaves)", path):
        return "revision"
    m = re.match(r"^/wp/v2/([a-z0-9_-]+)", path)
    if not m:
        return None
    seg = m.group(1)
    if seg in ("users",) and "/application-passwords" in path:
        return None
    if seg == "search":
        return "post"
    return SEGMENT_KIND.get(seg, "post" if seg not in ("types", "statuses", "taxonomies", "settings") else None)


class Names:
    """kind -> {id: name}; filled from the site's objects and from captures."""

    def __init__(self):
        self.by_kind = {"post": {}, "term": {}, "user": {}, "comment": {}}

    def add(self, kind, ident, name):
        if kind == "revision":
            kind = "post"
        if kind in self.by_kind and isinstance(ident, int) and not isinstance(ident, bool):
            self.by_kind[kind].setdefault(ident, name)

    def name(self, kind, ident):
        """Revisions are posts too; one nobody named is just "revision" (their numbering
        depends on every earlier write)."""
        if kind is None:
            return None
        if kind == "revision":
            return self.by_kind["post"].get(ident, "revision")
        return self.by_kind.get(kind, {}).get(ident)


def norm_string(s, names, key=None, kind=None):
    if key == "password" and APP_PASSWORD.match(s):
        return "<password>"
    s = NOW_DATE.sub("<now>", s)
    s = UUID.sub("<uuid>", s)

    def url_id(m):
        n = names.name(SEGMENT_KIND[m.group(1)], int(m.group(2)))
        return f"/wp/v2/{m.group(1)}/{{{n}}}" if n else m.group(0)

    def sub_id(m):
        n = names.name("revision", int(m.group(2)))
        return f"/{m.group(1)}/{{{n}}}" if n else m.group(0)

    def query_id(m):
        key_ = m.group(2)
        k = {"categories": "term", "tags": "term", "menus": "term", "author": "user"}.get(key_, "post")
        if key_ == "parent" and "/wp/v2/comments" in s:
            k = "comment"
        if key_ == "p" and kind == "revision":
            k = "revision"
        n = names.name(k, int(m.group(3)))
        return f"{m.group(1)}{key_}={{{n}}}" if n else m.group(0)

    def anchor_id(m):
        n = names.name("comment", int(m.group(1)))
        return f"#comment-{{{n}}}" if n else m.group(0)

    if "/" in s or "?" in s:
        s = URL_ID.sub(url_id, s)
        s = SUB_ID.sub(sub_id, s)
        s = QUERY_ID.sub(query_id, s)
        s = COMMENT_ANCHOR.sub(anchor_id, s)
    return s


def linked_kind(rel, items, own):
    """The kind of the objects a link relation holds; a menu item's object is a term when the
    link names a taxonomy (`{"taxonomy": …}`) or the embedded object has one."""
    if rel == "wp:menu-item-object":
        first = items[0] if isinstance(items, list) and items else {}
        return "term" if isinstance(first, dict) and "taxonomy" in first else "post"
    return EMBED_KIND.get(rel, own)


def norm_id(v, kind, names):
    if isinstance(v, int) and not isinstance(v, bool):
        n = names.name(kind, v)
        if n:
            return "{" + n + "}"
    return v


def normalise(v, names, kind, key=None):
    """`kind`: the kind of object `v` is (or is inside)."""
    if isinstance(v, dict):
        out = {}
        own = kind
        if "subtype" in v and "type" in v:
            own = "term" if v.get("type") == "term" else "post"
        for k, x in v.items():
            if k in VOLATILE_KEYS and isinstance(x, int):
                out[k] = "<filesize>"
            elif k == "id":
                out[k] = norm_id(x, own, names)
            elif k == "parent":
                out[k] = norm_id(x, "post" if own == "revision" else own, names)
            elif k == "slug" and isinstance(x, str) and AUTOSAVE_SLUG.match(x) and str(v.get("parent")) == x.split("-", 1)[0]:
                # An autosave is named after its post, whose number depends on earlier writes.
                out[k] = "<parent>-autosave-v1"
            elif k == "object_id" and "type_label" in v:
                # A menu item's object: a term for taxonomy items, else a post (itself for custom links).
                out[k] = norm_id(x, "term" if v.get("type") == "taxonomy" else "post", names)
            elif k in KEY_KIND and not isinstance(x, (dict, str)):
                kk = KEY_KIND[k]
                out[k] = [norm_id(i, kk, names) for i in x] if isinstance(x, list) else norm_id(x, kk, names)
            elif k in ("_embedded", "_links") and isinstance(x, dict):
                out[k] = {rel: normalise(items, names, linked_kind(rel, items, own), rel) for rel, items in x.items()}
            else:
                out[k] = normalise(x, names, own, k)
        return out
    if isinstance(v, list):
        return [normalise(x, names, kind, key) for x in v]
    if isinstance(v, str):
        return norm_string(v, names, key, kind)
    return v


def normalise_batch(body, sub_paths, names):
    """A batch answer: each sub-response normalised by its own route's kind."""
    if isinstance(body, dict) and isinstance(body.get("responses"), list):
        out = dict(body)
        out["responses"] = [normalise(r, names, route_kind(sub_paths[i]) if i < len(sub_paths) else None)
                            for i, r in enumerate(body["responses"])]
        return out
    return normalise(body, names, None)
