import SQLKit

/// The schema, as numbered migrations applied in order on start. Each runs in its own
/// transaction and is recorded in `quire_migrations`.
public enum Migrations {
    struct Migration: Sendable {
        let version: Int
        let statements: @Sendable (_ dialect: String) -> [String]
    }

    static func id(_ dialect: String) -> String {
        dialect == "postgresql" ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"
    }

    /// A meta table: keys and values of one row of `parent`, gone with it.
    static func metaTable(_ table: String, owner: String, of parent: String, _ dialect: String) -> String {
        """
        CREATE TABLE \(table) (
            id \(id(dialect)),
            \(owner) BIGINT NOT NULL REFERENCES \(parent)(id) ON DELETE CASCADE,
            meta_key TEXT NOT NULL,
            meta_value TEXT NOT NULL
        )
        """
    }

    /// A `CREATE TABLE` whose text columns compare byte by byte on PostgreSQL, as SQLite's
    /// do, whatever collation the database was created with (titles and slugs sort the same
    /// on both).
    static func textInBytes(_ statement: String, _ dialect: String) -> String {
        guard dialect == "postgresql", statement.hasPrefix("CREATE TABLE") else { return statement }
        return statement.replacingOccurrences(of: " TEXT", with: " TEXT COLLATE \"C\"")
    }

    static let all: [Migration] = [
        Migration(version: 1) { d in [
            """
            CREATE TABLE options (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                autoload INTEGER NOT NULL DEFAULT 1
            )
            """,
            """
            CREATE TABLE users (
                id \(id(d)),
                login TEXT NOT NULL UNIQUE,
                pass TEXT NOT NULL,
                nicename TEXT NOT NULL UNIQUE,
                email TEXT NOT NULL,
                url TEXT NOT NULL DEFAULT '',
                registered TEXT NOT NULL,
                display_name TEXT NOT NULL DEFAULT '',
                first_name TEXT NOT NULL DEFAULT '',
                last_name TEXT NOT NULL DEFAULT '',
                nickname TEXT NOT NULL DEFAULT '',
                description TEXT NOT NULL DEFAULT '',
                locale TEXT NOT NULL DEFAULT '',
                roles TEXT NOT NULL DEFAULT '[]',
                extra_caps TEXT NOT NULL DEFAULT '{}'
            )
            """,
            "CREATE INDEX users_email ON users (email)",
            metaTable("usermeta", owner: "user_id", of: "users", d),
            "CREATE INDEX usermeta_user ON usermeta (user_id, meta_key)",
            """
            CREATE TABLE application_passwords (
                uuid TEXT PRIMARY KEY,
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                app_id TEXT NOT NULL DEFAULT '',
                name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created TEXT NOT NULL,
                last_used TEXT,
                last_ip TEXT
            )
            """,
            "CREATE INDEX application_passwords_user ON application_passwords (user_id)",
            """
            CREATE TABLE posts (
                id \(id(d)),
                author BIGINT NOT NULL DEFAULT 0,
                date TEXT NOT NULL,
                date_gmt TEXT NOT NULL,
                content TEXT NOT NULL DEFAULT '',
                title TEXT NOT NULL DEFAULT '',
                excerpt TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'publish',
                comment_status TEXT NOT NULL DEFAULT 'open',
                ping_status TEXT NOT NULL DEFAULT 'open',
                password TEXT NOT NULL DEFAULT '',
                slug TEXT NOT NULL DEFAULT '',
                modified TEXT NOT NULL,
                modified_gmt TEXT NOT NULL,
                parent BIGINT NOT NULL DEFAULT 0,
                guid TEXT NOT NULL DEFAULT '',
                menu_order INTEGER NOT NULL DEFAULT 0,
                type TEXT NOT NULL DEFAULT 'post',
                mime_type TEXT NOT NULL DEFAULT '',
                comment_count INTEGER NOT NULL DEFAULT 0,
                format TEXT NOT NULL DEFAULT 'standard',
                sticky INTEGER NOT NULL DEFAULT 0,
                template TEXT NOT NULL DEFAULT ''
            )
            """,
            "CREATE INDEX posts_type_status_date ON posts (type, status, date_gmt, id)",
            "CREATE INDEX posts_slug ON posts (slug)",
            "CREATE INDEX posts_parent ON posts (parent)",
            "CREATE INDEX posts_author ON posts (author)",
            metaTable("postmeta", owner: "post_id", of: "posts", d),
            "CREATE INDEX postmeta_post ON postmeta (post_id, meta_key)",
            """
            CREATE TABLE terms (
                id \(id(d)),
                taxonomy TEXT NOT NULL,
                name TEXT NOT NULL,
                slug TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                parent BIGINT NOT NULL DEFAULT 0,
                count INTEGER NOT NULL DEFAULT 0,
                term_group INTEGER NOT NULL DEFAULT 0
            )
            """,
            "CREATE UNIQUE INDEX terms_taxonomy_slug ON terms (taxonomy, slug)",
            metaTable("termmeta", owner: "term_id", of: "terms", d),
            """
            CREATE TABLE term_relationships (
                object_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
                term_id BIGINT NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
                term_order INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (object_id, term_id)
            )
            """,
            "CREATE INDEX term_relationships_term ON term_relationships (term_id, object_id)",
            """
            CREATE TABLE comments (
                id \(id(d)),
                post_id BIGINT NOT NULL DEFAULT 0,
                author TEXT NOT NULL DEFAULT '',
                author_email TEXT NOT NULL DEFAULT '',
                author_url TEXT NOT NULL DEFAULT '',
                author_ip TEXT NOT NULL DEFAULT '',
                date TEXT NOT NULL,
                date_gmt TEXT NOT NULL,
                content TEXT NOT NULL DEFAULT '',
                karma INTEGER NOT NULL DEFAULT 0,
                approved TEXT NOT NULL DEFAULT '1',
                agent TEXT NOT NULL DEFAULT '',
                type TEXT NOT NULL DEFAULT 'comment',
                parent BIGINT NOT NULL DEFAULT 0,
                user_id BIGINT NOT NULL DEFAULT 0
            )
            """,
            "CREATE INDEX comments_post ON comments (post_id, approved, date_gmt)",
            metaTable("commentmeta", owner: "comment_id", of: "comments", d),
        ] },
        // The scheduled-post check and status filters read posts by status and date.
        Migration(version: 2) { _ in [
            "CREATE INDEX posts_status_date ON posts (status, date_gmt)",
            "CREATE INDEX comments_parent ON comments (parent)",
        ] },
        // Lists order by local date then id: an index in that order lets a page be read
        // straight from the index instead of sorting every matching post.
        Migration(version: 3) { _ in [
            "CREATE INDEX posts_type_status_local_date ON posts (type, status, date, id)",
        ] },
        // How many posts each type has in each status, kept by triggers in the writing
        // transaction, so `X-WP-Total` of an unfiltered list needs no count of the table.
        Migration(version: 4) { d in
            let table = [
                "CREATE TABLE post_counts (type TEXT NOT NULL, status TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (type, status))",
                "INSERT INTO post_counts (type, status, n) SELECT type, status, COUNT(*) FROM posts GROUP BY type, status",
            ]
            let add = "INSERT INTO post_counts (type, status, n) VALUES (NEW.type, NEW.status, 1) ON CONFLICT (type, status) DO UPDATE SET n = post_counts.n + 1"
            let remove = "UPDATE post_counts SET n = n - 1 WHERE type = OLD.type AND status = OLD.status"
            if d == "postgresql" {
                return table + [
                    """
                    CREATE FUNCTION posts_count() RETURNS trigger AS $$
                    BEGIN
                        IF TG_OP IN ('DELETE', 'UPDATE') THEN \(remove); END IF;
                        IF TG_OP IN ('INSERT', 'UPDATE') THEN \(add); END IF;
                        RETURN NULL;
                    END $$ LANGUAGE plpgsql
                    """,
                    "CREATE TRIGGER posts_count_insert_delete AFTER INSERT OR DELETE ON posts FOR EACH ROW EXECUTE FUNCTION posts_count()",
                    """
                    CREATE TRIGGER posts_count_update AFTER UPDATE OF type, status ON posts FOR EACH ROW
                    WHEN (OLD.type <> NEW.type OR OLD.status <> NEW.status) EXECUTE FUNCTION posts_count()
                    """,
                ]
            }
            return table + [
                "CREATE TRIGGER posts_count_insert AFTER INSERT ON posts BEGIN \(add); END",
                "CREATE TRIGGER posts_count_delete AFTER DELETE ON posts BEGIN \(remove); END",
                """
                CREATE TRIGGER posts_count_update AFTER UPDATE OF type, status ON posts
                WHEN OLD.type <> NEW.type OR OLD.status <> NEW.status BEGIN \(remove); \(add); END
                """,
            ]
        },
        // Term counts join a term's relationships to the status of each post: this index answers
        // that without reading the post rows themselves.
        Migration(version: 5) { _ in [
            "CREATE INDEX posts_id_status ON posts (id, status)",
            "ANALYZE posts",
        ] },
        // A tag of each application password, so a sign-in checks one bcrypt hash, not all of a user's.
        Migration(version: 6) { _ in [
            "ALTER TABLE application_passwords ADD COLUMN lookup TEXT",
        ] },
        // An import tells a post it has already made by its GUID.
        Migration(version: 7) { _ in [
            "CREATE INDEX posts_guid ON posts (guid)",
        ] },
        // A trigram index of titles, excerpts and contents, kept by triggers, that searches use
        // (case and accents folded, as MySQL's collation folds them for WordPress).
        Migration(version: 8) { d in
            // PostgreSQL folds accents with its `unaccent` extension (trusted: a database's owner may add it).
            guard d == "sqlite" else { return ["CREATE EXTENSION IF NOT EXISTS unaccent"] }
            let insert = "INSERT INTO posts_search (rowid, title, excerpt, content) VALUES (NEW.id, NEW.title, NEW.excerpt, NEW.content)"
            let remove = "INSERT INTO posts_search (posts_search, rowid, title, excerpt, content) VALUES ('delete', OLD.id, OLD.title, OLD.excerpt, OLD.content)"
            return [
                "CREATE VIRTUAL TABLE posts_search USING fts5(title, excerpt, content, content='posts', content_rowid='id', tokenize='trigram remove_diacritics 1')",
                "INSERT INTO posts_search (posts_search) VALUES ('rebuild')",
                "CREATE TRIGGER posts_search_insert AFTER INSERT ON posts BEGIN \(insert); END",
                "CREATE TRIGGER posts_search_delete AFTER DELETE ON posts BEGIN \(remove); END",
                """
                CREATE TRIGGER posts_search_update AFTER UPDATE OF title, excerpt, content ON posts
                WHEN OLD.title IS NOT NEW.title OR OLD.excerpt IS NOT NEW.excerpt OR OLD.content IS NOT NEW.content
                BEGIN \(remove); \(insert); END
                """,
            ]
        },
        // How many posts hold each trigram, to tell a rare searched word from a common one.
        Migration(version: 9) { d in
            d == "sqlite" ? ["CREATE VIRTUAL TABLE posts_search_terms USING fts5vocab(posts_search, 'row')"] : []
        },
        // A term's count (its published posts) kept by triggers as relationships come and go and
        // posts enter or leave `publish`, instead of counted again after each write: counting a
        // category of 100,000 posts cost a write ten milliseconds. A post's own delete takes its
        // published relationships off first; the cascade that follows finds the post gone.
        Migration(version: 10) { d in
            func published(_ post: String) -> String { "(SELECT status FROM posts WHERE id = \(post)) = 'publish'" }
            let relate = "UPDATE terms SET count = count + 1 WHERE id = NEW.term_id"
            let unrelate = "UPDATE terms SET count = count - 1 WHERE id = OLD.term_id"
            let moved = """
                UPDATE terms SET count = count + (CASE WHEN NEW.status = 'publish' THEN 1 ELSE -1 END)
                WHERE id IN (SELECT term_id FROM term_relationships WHERE object_id = NEW.id)
                """
            let gone = "UPDATE terms SET count = count - 1 WHERE id IN (SELECT term_id FROM term_relationships WHERE object_id = OLD.id)"
            let recount = """
                UPDATE terms SET count = (SELECT COUNT(*) FROM term_relationships tr JOIN posts p ON p.id = tr.object_id
                    WHERE tr.term_id = terms.id AND p.status = 'publish')
                """
            if d == "postgresql" {
                return [
                    recount,
                    """
                    CREATE FUNCTION term_counts_relationship() RETURNS trigger AS $$
                    BEGIN
                        IF TG_OP = 'INSERT' AND \(published("NEW.object_id")) THEN \(relate); END IF;
                        IF TG_OP = 'DELETE' AND \(published("OLD.object_id")) THEN \(unrelate); END IF;
                        RETURN NULL;
                    END $$ LANGUAGE plpgsql
                    """,
                    "CREATE TRIGGER term_counts_relationship AFTER INSERT OR DELETE ON term_relationships FOR EACH ROW EXECUTE FUNCTION term_counts_relationship()",
                    """
                    CREATE FUNCTION term_counts_status() RETURNS trigger AS $$
                    BEGIN
                        IF TG_OP = 'UPDATE' THEN \(moved); RETURN NULL; END IF;
                        \(gone); RETURN OLD;
                    END $$ LANGUAGE plpgsql
                    """,
                    """
                    CREATE TRIGGER term_counts_status AFTER UPDATE OF status ON posts FOR EACH ROW
                    WHEN ((OLD.status = 'publish') <> (NEW.status = 'publish')) EXECUTE FUNCTION term_counts_status()
                    """,
                    "CREATE TRIGGER term_counts_post_delete BEFORE DELETE ON posts FOR EACH ROW WHEN (OLD.status = 'publish') EXECUTE FUNCTION term_counts_status()",
                ]
            }
            return [
                recount,
                """
                CREATE TRIGGER term_counts_relate AFTER INSERT ON term_relationships
                WHEN \(published("NEW.object_id")) BEGIN \(relate); END
                """,
                """
                CREATE TRIGGER term_counts_unrelate AFTER DELETE ON term_relationships
                WHEN \(published("OLD.object_id")) BEGIN \(unrelate); END
                """,
                """
                CREATE TRIGGER term_counts_status AFTER UPDATE OF status ON posts
                WHEN (OLD.status = 'publish') <> (NEW.status = 'publish') BEGIN \(moved); END
                """,
                "CREATE TRIGGER term_counts_post_delete BEFORE DELETE ON posts WHEN OLD.status = 'publish' BEGIN \(gone); END",
            ]
        },
        // A new post's unique slug reads every "slug-N" already taken, and a post's revisions are
        // counted by parent and type: with those columns in the indexes, both are walks along an
        // index alone, not a row lookup for each entry. Statistics are gathered again so the
        // planner weighs the new indexes rightly.
        Migration(version: 11) { _ in [
            "DROP INDEX posts_slug",
            "CREATE INDEX posts_slug ON posts (slug, type, parent)",
            "DROP INDEX posts_parent",
            "CREATE INDEX posts_parent ON posts (parent, type)",
            "ANALYZE posts",
        ] },
        // A term's unique slug is checked against every taxonomy's terms (`wp_unique_term_slug`),
        // and its "-N" numbers are read along one range of this index.
        Migration(version: 12) { _ in [
            "CREATE INDEX terms_slug ON terms (slug)",
        ] },
        // Revisions leave the trigram index: no search reads them, and indexing each one made
        // every edit index its text twice. Their entries are taken out with the values they
        // were indexed with (ids are never reused, so none can be found for another post).
        Migration(version: 13) { d in
            guard d == "sqlite" else { return [] }
            let columns = "title, excerpt, content"
            let remove = "INSERT INTO posts_search (posts_search, rowid, \(columns)) SELECT 'delete', OLD.id, OLD.title, OLD.excerpt, OLD.content WHERE OLD.type <> 'revision'"
            let insert = "INSERT INTO posts_search (rowid, \(columns)) SELECT NEW.id, NEW.title, NEW.excerpt, NEW.content WHERE NEW.type <> 'revision'"
            return [
                "DROP TRIGGER posts_search_insert",
                "DROP TRIGGER posts_search_delete",
                "DROP TRIGGER posts_search_update",
                "INSERT INTO posts_search (posts_search, rowid, \(columns)) SELECT 'delete', id, \(columns) FROM posts WHERE type = 'revision'",
                "CREATE TRIGGER posts_search_insert AFTER INSERT ON posts WHEN NEW.type <> 'revision' BEGIN \(insert); END",
                "CREATE TRIGGER posts_search_delete AFTER DELETE ON posts WHEN OLD.type <> 'revision' BEGIN \(remove); END",
                """
                CREATE TRIGGER posts_search_update AFTER UPDATE OF title, excerpt, content, type ON posts
                WHEN OLD.title IS NOT NEW.title OR OLD.excerpt IS NOT NEW.excerpt OR OLD.content IS NOT NEW.content OR OLD.type IS NOT NEW.type
                BEGIN \(remove); \(insert); END
                """,
            ]
        },
    ]

    /// Applies the migrations the database has not seen yet.
    public static func apply(on provider: any DatabaseProvider) async throws {
        let dialect = provider.dialectName
        try await provider.write { db in
            _ = try await db.raw("CREATE TABLE IF NOT EXISTS quire_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)").all()
            // The content version every write bumps, so cached answers know when they are stale.
            _ = try await db.raw("CREATE TABLE IF NOT EXISTS site_state (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)").all()
            _ = try await db.raw("INSERT INTO site_state (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING").all()
        }
        let applied = try await provider.read { db in
            try await db.raw("SELECT version FROM quire_migrations").all().map { try $0.decode(column: "version", as: Int.self) }
        }
        for m in all where !applied.contains(m.version) {
            try await provider.write { db in
                // Another server on the same database may have applied it meanwhile.
                let done = try await db.raw("SELECT version FROM quire_migrations WHERE version = \(bind: m.version)").first() != nil
                if done { return }
                for statement in m.statements(dialect) { _ = try await db.raw(SQLQueryString(textInBytes(statement, dialect))).all() }
                let now = WPDate.format(WPDate.now())
                _ = try await db.raw("INSERT INTO quire_migrations (version, applied_at) VALUES (\(bind: m.version), \(bind: now))").all()
            }
        }
    }
}
