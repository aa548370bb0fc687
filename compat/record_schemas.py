#!/usr/bin/env python3
"""Records how WordPress 6.1 describes its resources' routes (OPTIONS) with a few post types and
taxonomies of a plugin's registered (compat/schemas/quire-schema-types.php, installed as a
must-use plugin while recording), into Tests/QuireTests/Fixtures/schemas/.

    ../shared/wordpress-oracle/start.sh && python3 compat/record_schemas.py

SchemaTests registers the same types on a Quire site and compares its OPTIONS answers, its
lists of types and taxonomies and the order of its routes.
"""
import json
import os
import shutil

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.environ.get("ORACLE_URL", "http://127.0.0.1:8080")
CREDS = os.environ.get("ORACLE_CREDS", "/run/wp-oracle/credentials.json")
MU = "/var/lib/wordpress/wp-content/mu-plugins"
OUT = os.path.join(HERE, "..", "Tests", "QuireTests", "Fixtures", "schemas")
ROUTES = ["posts", "pages", "books", "chapter", "note", "categories", "tags", "genres", "moods",
          "taxonomies", "types", "comments", "media", "users"]


def main():
    creds = json.load(open(CREDS))
    os.makedirs(MU, exist_ok=True)
    plugin = os.path.join(MU, "quire-schema-types.php")
    shutil.copy(os.path.join(HERE, "schemas", "quire-schema-types.php"), plugin)
    http = requests.Session()
    http.auth = ("admin", creds["admin"]["app_password"])
    os.makedirs(OUT, exist_ok=True)
    try:
        for route in ROUTES:
            answers = {}
            for path in [f"/wp/v2/{route}", f"/wp/v2/{route}/999999"]:
                r = http.options(ORACLE + "/wp-json" + path)
                body = r.json()
                body.pop("_links", None)
                answers[path] = body
            with open(os.path.join(OUT, f"{route}.json"), "w") as f:
                json.dump(answers, f, indent=1, ensure_ascii=False)
                f.write("\n")
            print(route, "recorded")
        # What lists the types: their descriptions and the order of the namespace's routes.
        listings = {}
        for path in ["/wp/v2/types?context=edit", "/wp/v2/taxonomies?context=edit"]:
            listings[path] = http.get(ORACLE + "/wp-json" + path).json()
        listings["/wp/v2 routes"] = list(http.get(ORACLE + "/wp-json/wp/v2").json()["routes"].keys())
        with open(os.path.join(OUT, "listings.json"), "w") as f:
            json.dump(listings, f, indent=1, ensure_ascii=False)
            f.write("\n")
    finally:
        os.remove(plugin)


if __name__ == "__main__":
    main()
