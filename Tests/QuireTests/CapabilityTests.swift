import QuireAuth
import QuireREST
import QuireStore
import Testing

/// The role × capability table and the meta capabilities WordPress maps onto it.
@Suite struct CapabilityTests {
    static let table: [(String, [String: Bool])] = [
        ("administrator", ["manage_options": true, "promote_users": true, "list_users": true, "edit_others_posts": true,
                           "publish_posts": true, "moderate_comments": true, "upload_files": true, "unfiltered_html": true]),
        ("editor", ["manage_options": false, "promote_users": false, "list_users": false, "edit_others_posts": true,
                    "publish_pages": true, "moderate_comments": true, "manage_categories": true, "unfiltered_html": true,
                    "read_private_posts": true]),
        ("author", ["edit_others_posts": false, "publish_posts": true, "upload_files": true, "edit_published_posts": true,
                    "moderate_comments": false, "edit_pages": false, "read_private_posts": false]),
        ("contributor", ["edit_posts": true, "publish_posts": false, "upload_files": false, "delete_posts": true,
                         "delete_published_posts": false]),
        ("subscriber", ["read": true, "edit_posts": false, "level_0": true, "level_1": false]),
    ]

    @Test(arguments: table.map(\.0))
    func roleGrantsItsCapabilities(_ role: String) {
        let user = SiteUser(User(id: 7, login: role, email: "\(role)@example.com", roles: [role]))
        let expectations = Self.table.first(where: { $0.0 == role })!.1
        for (cap, expected) in expectations {
            #expect(user.can(Capability(cap)) == expected, "\(role) \(cap)")
        }
    }

    @Test func authorEditsOwnPostButNotAnothers() {
        let author = SiteUser(User(id: 3, login: "author", email: "a@example.com", roles: ["author"]))
        let own = Post(id: 10, author: 3, status: .publish)
        let others = Post(id: 11, author: 2, status: .publish)
        #expect(author.can(.editPost, post: own, caps: .post))
        #expect(!author.can(.editPost, post: others, caps: .post))
        #expect(author.can(.deletePost, post: own, caps: .post))
        #expect(!author.can(.deletePost, post: others, caps: .post))
    }

    @Test func contributorMayNotPublishNorEditPublished() {
        let contributor = SiteUser(User(id: 4, login: "c", email: "c@example.com", roles: ["contributor"]))
        #expect(!contributor.can(.publishPost, post: Post(id: 1, author: 4, status: .draft), caps: .post))
        #expect(contributor.can(.editPost, post: Post(id: 1, author: 4, status: .draft), caps: .post))
        #expect(!contributor.can(.editPost, post: Post(id: 1, author: 4, status: .publish), caps: .post))
    }

    @Test func privatePostsNeedReadPrivatePosts() {
        let priv = Post(id: 5, author: 1, status: .private)
        #expect(!SiteUser(User(id: 3, login: "a", email: "a@x.y", roles: ["author"])).can(.readPost, post: priv, caps: .post))
        #expect(SiteUser(User(id: 2, login: "e", email: "e@x.y", roles: ["editor"])).can(.readPost, post: priv, caps: .post))
        #expect(SiteUser(User(id: 1, login: "admin", email: "x@x.y", roles: ["subscriber"])).can(.readPost, post: priv, caps: .post))
    }

    @Test func editorEditsOthersButNotPrivateWithoutTheCap() {
        let editor = SiteUser(User(id: 2, login: "e", email: "e@x.y", roles: ["editor"]))
        #expect(editor.can(.editPost, post: Post(id: 9, author: 1, status: .private), caps: .post))
        #expect(editor.can(.editPost, post: Post(id: 9, author: 1, status: .publish), caps: .page))
    }

    @Test func usersEditThemselvesOnly() {
        let sub = SiteUser(User(id: 5, login: "s", email: "s@x.y", roles: ["subscriber"]))
        #expect(sub.can(.editUser, [5]))
        #expect(!sub.can(.editUser, [1]))
        #expect(!sub.can(.promoteUser, [5]))
        #expect(SiteUser(User(id: 1, login: "admin", email: "a@x.y", roles: ["administrator"])).can(.promoteUser, [5]))
    }

    @Test func allCapabilitiesListRoleCapsThenRoleName() {
        let admin = User(id: 1, login: "admin", email: "a@x.y", roles: ["administrator"])
        let caps = admin.allCapabilities.map(\.0)
        #expect(caps.first == "switch_themes")
        #expect(caps.last == "administrator")
        #expect(admin.ownCapabilities.map(\.0) == ["administrator"])
    }
}
