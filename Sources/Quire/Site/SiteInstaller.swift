import Foundation
import QuireAuth
import QuireREST
import QuireStore

/// Creates the site a fresh WordPress install creates: the `admin` user, category 1
/// "Uncategorized", the "Hello world!" post with its first comment, the "Sample Page" and the
/// draft "Privacy Policy" page, and the default options. Without the sample content (a site
/// about to receive an import), only the options, the administrator and "Uncategorized".
public enum SiteInstaller {
    /// True when the database holds no site yet.
    public static func needsInstall(_ store: any ContentStore) async throws -> Bool {
        try await store.option("siteurl") == nil
    }

    /// Installs the site; returns the administrator's password.
    @discardableResult
    public static func install(_ store: any ContentStore, url: String, title: String = "Quire",
                               adminEmail: String = "admin@example.com", adminPassword: String? = nil,
                               sampleContent: Bool = true) async throws -> String {
        let password = adminPassword ?? ApplicationPasswords.generate()
        try await store.setOptions(DefaultOptions.values(url: url, adminEmail: adminEmail, title: title))
        let now = WPDate.format(Date())
        let admin = try await store.insertUser(User(login: "admin", passwordHash: PasswordHasher.hash(password),
                                                    email: adminEmail, url: url, registered: now, roles: ["administrator"]))
        let uncategorized = try await store.insertTerm(Term(taxonomy: "category", name: "Uncategorized", slug: "uncategorized"))
        guard sampleContent else { return password }
        let hello = try await store.insertPost(Post(
            author: admin.id, date: now, dateGMT: now,
            content: "<!-- wp:paragraph -->\n<p>Welcome to WordPress. This is your first post. Edit or delete it, then start writing!</p>\n<!-- /wp:paragraph -->",
            title: "Hello world!", status: .publish, slug: "hello-world", modified: now, modifiedGMT: now,
            guid: "\(url)/?p=1"), terms: ["category": [uncategorized.id]], meta: [])
        _ = try await store.insertPost(Post(
            author: admin.id, date: now, dateGMT: now, content: samplePage(url: url), title: "Sample Page",
            status: .publish, commentStatus: "closed", slug: "sample-page", modified: now, modifiedGMT: now,
            guid: "\(url)/?page_id=2", type: "page"), terms: [:], meta: [])
        _ = try await store.insertPost(Post(
            author: admin.id, date: now, dateGMT: now, content: privacyPolicy(url: url), title: "Privacy Policy",
            status: .draft, commentStatus: "closed", slug: "privacy-policy", modified: now, modifiedGMT: now,
            guid: "\(url)/?page_id=3", type: "page"), terms: [:], meta: [])
        _ = try await store.insertComment(Comment(
            postID: hello.id, author: "A WordPress Commenter", authorEmail: "wapuu@wordpress.example",
            authorURL: "https://wordpress.org/", date: now, dateGMT: now,
            content: "Hi, this is a comment.\nTo get started with moderating, editing, and deleting comments, please visit the Comments screen in the dashboard.\nCommenter avatars come from <a href=\"https://en.gravatar.com/\">Gravatar</a>."))
        return password
    }

    static func samplePage(url: String) -> String {
        """
        <!-- wp:paragraph -->
        <p>This is an example page. It's different from a blog post because it will stay in one place and will show up in your site navigation (in most themes). Most people start with an About page that introduces them to potential site visitors. It might say something like this:</p>
        <!-- /wp:paragraph -->

        <!-- wp:quote -->
        <blockquote class="wp-block-quote"><p>Hi there! I'm a bike messenger by day, aspiring actor by night, and this is my website. I live in Los Angeles, have a great dog named Jack, and I like pi&#241;a coladas. (And gettin' caught in the rain.)</p></blockquote>
        <!-- /wp:quote -->

        <!-- wp:paragraph -->
        <p>...or something like this:</p>
        <!-- /wp:paragraph -->

        <!-- wp:quote -->
        <blockquote class="wp-block-quote"><p>The XYZ Doohickey Company was founded in 1971, and has been providing quality doohickeys to the public ever since. Located in Gotham City, XYZ employs over 2,000 people and does all kinds of awesome things for the Gotham community.</p></blockquote>
        <!-- /wp:quote -->

        <!-- wp:paragraph -->
        <p>As a new WordPress user, you should go to <a href="\(url)/wp-admin/">your dashboard</a> to delete this page and create new pages for your content. Have fun!</p>
        <!-- /wp:paragraph -->
        """
    }

    /// The suggested policy WordPress installs: its blocks written one after another, with no line between.
    static func privacyPolicy(url: String) -> String {
        """
        <!-- wp:heading --><h2>Who we are</h2><!-- /wp:heading -->
        <!-- wp:paragraph --><p><strong class="privacy-policy-tutorial">Suggested text: </strong>Our website address is: \(url).</p><!-- /wp:paragraph -->
        <!-- wp:heading --><h2>Comments</h2><!-- /wp:heading -->
        <!-- wp:paragraph --><p><strong class="privacy-policy-tutorial">Suggested text: </strong>When visitors leave comments on the site we collect the data shown in the comments form, and also the visitor&#8217;s IP address and browser user agent string to help spam detection.</p><!-- /wp:paragraph -->
        <!-- wp:paragraph --><p>An anonymized string created from your email address (also called a hash) may be provided to the Gravatar service to see if you are using it. The Gravatar service privacy policy is available here: https://automattic.com/privacy/. After approval of your comment, your profile picture is visible to the public in the context of your comment.</p><!-- /wp:paragraph -->
        <!-- wp:heading --><h2>Media</h2><!-- /wp:heading -->
        <!-- wp:paragraph --><p><strong class="privacy-policy-tutorial">Suggested text: </strong>If you upload images to the website, you should avoid uploading images with embedded location data (EXIF GPS) included. Visitors to the website can download and extract any location data from images on the website.</p><!-- /wp:paragraph -->
        <!-- wp:heading --><h2>Cookies</h2><!-- /wp:heading -->
        <!-- wp:paragraph --><p><strong class="privacy-policy-tutorial">Suggested text: </strong>If you leave a comment on our site you may opt-in to saving your name, email address and website in cookies. These are for your convenience so that you do not have to fill in your details again when you leave another comment. These cookies will last for one year.</p><!-- /wp:paragraph -->
        <!-- wp:paragraph --><p>If you visit our login page, we will set a temporary cookie to determine if your browser accepts cookies. This cookie contains no personal data and is discarded when you close your browser.</p><!-- /wp:paragraph -->
        <!-- wp:paragraph --><p>When you log in, we will also set up several cookies to save your login information and your screen display choices. Login cookies last for two days, and screen options cookies last for a year. If you select &quot;Remember Me&quot;, your login will persist for two weeks. If you log out of your account, the login cookies will be removed.</p><!-- /wp:paragraph -->
        <!-- wp:paragraph --><p>If you edit or publish an article, an additional cookie will be saved in your browser. This cookie includes no personal data and simply indicates the post ID of the article you just edited. It expires after 1 day.</p><!-- /wp:paragraph -->
        <!-- wp:heading --><h2>Embedded content from other websites</h2><!-- /wp:heading -->
        <!-- wp:paragraph --><p><strong class="privacy-policy-tutorial">Suggested text: </strong>Articles on this site may include embedded content (e.g. videos, images, articles, etc.). Embedded content from other websites behaves in the exact same way as if the visitor has visited the other website.</p><!-- /wp:paragraph -->
        <!-- wp:paragraph --><p>These websites may collect data about you, use cookies, embed additional third-party tracking, and monitor your interaction with that embedded content, including tracking your interaction with the embedded content if you have an account and are logged in to that website.</p><!-- /wp:paragraph -->
        <!-- wp:heading --><h2>Who we share your data with</h2><!-- /wp:heading -->
        <!-- wp:paragraph --><p><strong class="privacy-policy-tutorial">Suggested text: </strong>If you request a password reset, your IP address will be included in the reset email.</p><!-- /wp:paragraph -->
        <!-- wp:heading --><h2>How long we retain your data</h2><!-- /wp:heading -->
        <!-- wp:paragraph --><p><strong class="privacy-policy-tutorial">Suggested text: </strong>If you leave a comment, the comment and its metadata are retained indefinitely. This is so we can recognize and approve any follow-up comments automatically instead of holding them in a moderation queue.</p><!-- /wp:paragraph -->
        <!-- wp:paragraph --><p>For users that register on our website (if any), we also store the personal information they provide in their user profile. All users can see, edit, or delete their personal information at any time (except they cannot change their username). Website administrators can also see and edit that information.</p><!-- /wp:paragraph -->
        <!-- wp:heading --><h2>What rights you have over your data</h2><!-- /wp:heading -->
        <!-- wp:paragraph --><p><strong class="privacy-policy-tutorial">Suggested text: </strong>If you have an account on this site, or have left comments, you can request to receive an exported file of the personal data we hold about you, including any data you have provided to us. You can also request that we erase any personal data we hold about you. This does not include any data we are obliged to keep for administrative, legal, or security purposes.</p><!-- /wp:paragraph -->
        <!-- wp:heading --><h2>Where your data is sent</h2><!-- /wp:heading -->
        <!-- wp:paragraph --><p><strong class="privacy-policy-tutorial">Suggested text: </strong>Visitor comments may be checked through an automated spam detection service.</p><!-- /wp:paragraph -->
        """.replacingOccurrences(of: "\n", with: "")
    }
}
