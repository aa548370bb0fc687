import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Quire
import QuireREST
import QuireStore
@testable import QuireWPV2
import Testing

/// `/wp/v2/media`: uploads both ways, stored files served back, and refusals that leave
/// nothing behind.
@Suite struct MediaTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("media/\(name)")
        return Array(try Data(contentsOf: url))
    }

    func rawUpload(_ client: any TestClientProtocol, _ site: TestSite, bytes: [UInt8], name: String, type: String,
                   as login: String = "author") async throws -> Reply {
        var fields = HTTPFields()
        fields[.authorization] = site.authorization(login)
        fields[.contentType] = type
        fields[HTTPField.Name("Content-Disposition")!] = "attachment; filename=\"\(name)\""
        let r = try await client.execute(uri: "/wp-json/wp/v2/media", method: .post, headers: fields, body: ByteBuffer(bytes: bytes))
        return Reply(status: Int(r.status.code), headers: r.headers.map { ($0.name.canonicalName, $0.value) },
                     json: (try? JSONParser.parse(String(buffer: r.body))) ?? .null)
    }

    func multipartUpload(_ client: any TestClientProtocol, _ site: TestSite, bytes: [UInt8], name: String, type: String,
                         extra: [(String, String)] = []) async throws -> Reply {
        let boundary = "quire-test-boundary"
        var body: [UInt8] = []
        for (k, v) in extra {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)
        }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
        body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        var fields = HTTPFields()
        fields[.authorization] = site.authorization("author")
        fields[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let r = try await client.execute(uri: "/wp-json/wp/v2/media", method: .post, headers: fields, body: ByteBuffer(bytes: body))
        return Reply(status: Int(r.status.code), headers: r.headers.map { ($0.name.canonicalName, $0.value) },
                     json: (try? JSONParser.parse(String(buffer: r.body))) ?? .null)
    }

    /// A plugin's hooks on `attachment` run for uploads and edits as for any post type: one
    /// titles an upload, one refuses an edit, before anything is written.
    struct MediaHooksPlugin: QuirePlugin {
        var name: String { "media-hooks" }
        func register(_ site: inout PluginRegistrar) {
            site.beforeInsert("attachment") { post, r in
                if r.method == .post, r["title"] == nil, post.title.hasPrefix("gradient") { post.title = "Hooked upload" }
                if r["caption"]?.stringValue == "refuse" { throw RESTError("media_hooks_refused", "Refused by a hook.", status: 400) }
            }
        }
    }

    @Test func pluginHooksRunOnAttachments() async throws {
        try await TestSite.with(plugins: [MediaHooksPlugin()], databases: [.sqlite]) { site, client in
            let up = try await rawUpload(client, site, bytes: try Self.fixture("gradient.png"), name: "gradient.png", type: "image/png")
            #expect(up.status == 201)
            #expect(up.json["title"]?["raw"] == "Hooked upload")
            let id = try #require(up.json["id"]?.intValue)
            let refused = try await client.call("POST", "/wp-json/wp/v2/media/\(id)", as: "author", site: site, json: ["caption": "refuse"])
            #expect(refused.status == 400 && refused.json["code"] == "media_hooks_refused")
            let read = try await client.call("GET", "/wp-json/wp/v2/media/\(id)?context=edit", as: "author", site: site)
            #expect(read.json["caption"]?["raw"] == "")
        }
    }

    @Test(arguments: [("gradient.png", "image/png"), ("gradient.jpg", "image/jpeg"), ("gradient.gif", "image/gif"), ("gradient.webp", "image/webp")])
    func uploadsBothWaysAndServesTheFile(_ file: String, _ type: String) async throws {
        let sample = try Samples.load("media-item")
        let bytes = try Self.fixture(file)
        try await TestSite.with { site, client in
            let raw = try await rawUpload(client, site, bytes: bytes, name: file, type: type)
            #expect(raw.status == 201)
            #expect(raw.json["mime_type"] == .string(type))
            #expect(raw.json["media_type"] == "image")
            #expect(raw.json["media_details"]?["width"] == 320)
            #expect(raw.json["media_details"]?["height"] == 240)
            #expect(raw.json["media_details"]?["filesize"] == .int(bytes.count))
            let multipart = try await multipartUpload(client, site, bytes: bytes, name: file, type: type,
                                                      extra: [("alt_text", "A gradient"), ("caption", "Made by tests")])
            #expect(multipart.status == 201)
            #expect(multipart.json["alt_text"] == "A gradient")
            let id = try #require(multipart.json["id"]?.intValue)

            // The view matches WordPress's keys; the sizes need an image library (see the note).
            let view = try await client.call("GET", "/wp-json/wp/v2/media/\(id)", site: site)
            #expect(view.json.objectValue?.keys == sample["body"]?.objectValue?.keys)
            #expect(view.json["_links"]?.objectValue?.keys == sample["body"]?["_links"]?.objectValue?.keys)
            #expect(view.json["caption"]?["rendered"] == "<p>Made by tests</p>\n")

            // The stored file comes back byte for byte, with caching headers and ranges.
            let source = try #require(view.json["source_url"]?.stringValue)
            #expect(source.hasPrefix("http://127.0.0.1:8080/wp-content/uploads/20"))
            let path = String(source.dropFirst("http://127.0.0.1:8080".count))
            let got = try await client.execute(uri: path, method: .get)
            #expect(got.status == .ok)
            #expect(Array(got.body.readableBytesView) == bytes)
            #expect(got.headers[.contentType] == type)
            let etag = try #require(got.headers[.eTag])
            #expect(got.headers[.lastModified] != nil)
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag]).status == .notModified)
            let part = try await client.execute(uri: path, method: .get, headers: [.range: "bytes=0-7"])
            #expect(part.status == .partialContent)
            #expect(Array(part.body.readableBytesView) == Array(bytes.prefix(8)))
            let dims = ImageInfo.dimensions(Array(got.body.readableBytesView), mime: type)
            #expect(dims?.width == 320 && dims?.height == 240)
        }
    }

    @Test func intermediateSizesAreMadeWithTheImageLibrary() async throws {
        let resizer = ImageResizer.detect()
        try #require(resizer.isAvailable, "libvips (libvips-dev) is installed by .ci/run")
        let bytes = try Self.fixture("gradient.jpg")
        try await TestSite.with(imageResizer: resizer) { site, client in
            let up = try await rawUpload(client, site, bytes: bytes, name: "photo.jpg", type: "image/jpeg")
            let sizes = try #require(up.json["media_details"]?["sizes"]?.objectValue)
            #expect(sizes.keys == ["medium", "thumbnail", "full"])
            for (name, w, h) in [("thumbnail", 150, 150), ("medium", 300, 225), ("full", 320, 240)] {
                let size = try #require(sizes[name])
                #expect(size["width"] == .int(w) && size["height"] == .int(h), "\(name)")
                let url = try #require(size["source_url"]?.stringValue)
                let file = try await client.execute(uri: String(url.dropFirst("http://127.0.0.1:8080".count)), method: .get)
                #expect(file.status == .ok)
                let dims = ImageInfo.dimensions(Array(file.body.readableBytesView), mime: "image/jpeg")
                #expect(dims?.width == w && dims?.height == h, "\(name) pixels")
            }
        }
    }

    /// A 3000x2000 JPEG with EXIF tags, uploaded to WordPress 6.1 (GD) and to Quire: the same
    /// `-scaled` copy, sizes, file names, `image_meta`, title and caption.
    @Test func aLargePhotoIsScaledAndItsEXIFReadAsWordPressDoes() async throws {
        let bytes = try Self.fixture("exif-photo.jpg")
        let recorded = try JSONParser.parse(Array(try Self.fixture("exif-photo.wordpress.json")))
        let want = try #require(recorded["response"])
        try await TestSite.with(imageResizer: .detect()) { site, client in
            try await site.store.setOptions([("uploads_use_yearmonth_folders", 0)])
            let up = try await rawUpload(client, site, bytes: bytes, name: "exif-photo.jpg", type: "image/jpeg")
            #expect(up.status == 201)
            let got = up.json
            for key in ["title", "caption", "slug", "mime_type", "media_type", "source_url"] {
                #expect(got[key] == want[key], "\(key): \(got[key].map(JSONEncoding.encodeString) ?? "-")")
            }
            let details = try #require(got["media_details"]), wantDetails = try #require(want["media_details"])
            for key in ["width", "height", "file", "original_image", "image_meta"] {
                #expect(details[key] == wantDetails[key], "media_details.\(key): \(details[key].map(JSONEncoding.encodeString) ?? "-")")
            }
            let sizes = try #require(details["sizes"]?.objectValue), wantSizes = try #require(wantDetails["sizes"]?.objectValue)
            #expect(Set(sizes.keys) == Set(wantSizes.keys))
            for (name, w) in wantSizes {
                let g = try #require(sizes[name])
                for key in ["file", "width", "height", "mime_type", "source_url"] { #expect(g[key] == w[key], "sizes.\(name).\(key)") }
                // Each file is there, with the size it is said to have.
                let file = try await client.execute(uri: String(g["source_url"]!.stringValue!.dropFirst(TestSite.url.count)), method: .get)
                #expect(file.status == .ok)
                let dims = ImageInfo.dimensions(Array(file.body.readableBytesView), mime: "image/jpeg")
                #expect(dims?.width == w["width"]?.intValue && dims?.height == w["height"]?.intValue, "\(name) pixels")
            }
            // The original stays beside its copy, and goes with it.
            #expect(FileManager.default.fileExists(atPath: site.uploads.appendingPathComponent("exif-photo.jpg").path))
            let id = try #require(got["id"]?.intValue)
            let gone = try await client.call("DELETE", "/wp-json/wp/v2/media/\(id)?force=true", as: "admin", site: site)
            #expect(gone.status == 200)
            #expect(try FileManager.default.contentsOfDirectory(atPath: site.uploads.path).filter { !$0.hasPrefix(".") } == [])
        }
    }

    @Test func theSizesAreWordPresssArithmetic() {
        // wp_constrain_dimensions and image_resize_dimensions, by example.
        #expect(ImageGeometry.constrain(width: 3000, height: 2000, maxWidth: 2560, maxHeight: 2560) == (2560, 1707))
        #expect(ImageGeometry.constrain(width: 465, height: 700, maxWidth: 177, maxHeight: 177) == (118, 177))
        #expect(ImageGeometry.constrain(width: 3000, height: 2000, maxWidth: 768, maxHeight: 0) == (768, 512))
        #expect(ImageGeometry.resize(width: 320, height: 240, toWidth: 300, height: 300, crop: false)?.height == 225)
        #expect(ImageGeometry.resize(width: 320, height: 240, toWidth: 768, height: 0, crop: false) == nil)
        #expect(ImageGeometry.resize(width: 301, height: 200, toWidth: 300, height: 300, crop: false) == nil)
        let crop = ImageGeometry.resize(width: 320, height: 100, toWidth: 150, height: 150, crop: true)
        #expect(crop?.width == 150 && crop?.height == 100 && crop?.scaledHeight == 100)
        #expect(ImageMeta.timestamp("2024:03:04 05:06:07") == 1_709_528_767)
        #expect(PHPNumber.string(1.0 / 3) == "0.33333333333333" && PHPNumber.string(0.004) == "0.004" && PHPNumber.string(50) == "50")
    }

    @Test func withoutAnImageLibraryNoSizesAreMade() async throws {
        try await TestSite.with(imageResizer: ImageResizer.none) { site, client in
            let up = try await rawUpload(client, site, bytes: try Self.fixture("gradient.png"), name: "plain.png", type: "image/png")
            #expect(up.status == 201)
            #expect(up.json["media_details"]?["sizes"]?.objectValue?.keys == [], "the original is listed as full only beside other sizes")
        }
    }

    @Test func refusalsLeaveNeitherRowNorFile() async throws {
        try await TestSite.with { site, client in
            let png = try Self.fixture("gradient.png")
            let exe = try await rawUpload(client, site, bytes: try Self.fixture("not-an-image.png"), name: "not-an-image.png", type: "image/png")
            #expect(exe.status == 500)
            #expect(exe.json["code"] == "rest_upload_sideload_error")
            let renamed = try await rawUpload(client, site, bytes: png, name: "picture.exe", type: "application/octet-stream")
            #expect(renamed.json["code"] == "rest_upload_sideload_error")
            let big = try await rawUpload(client, site, bytes: Array(repeating: 0x89, count: 300_000), name: "big.png", type: "image/png")
            #expect(big.status == 400)
            #expect(big.json["code"] == "rest_upload_file_too_big")
            let empty = try await rawUpload(client, site, bytes: [], name: "x.png", type: "image/png")
            #expect(empty.json["code"] == "rest_upload_no_data")
            let subscriber = try await rawUpload(client, site, bytes: png, name: "a.png", type: "image/png", as: "subscriber")
            #expect(subscriber.status == 403)
            #expect(subscriber.json["code"] == "rest_cannot_create")
            // Attaching to a post one may not edit (or that does not exist) is refused before anything is written.
            var fields = HTTPFields()
            fields[.authorization] = site.authorization("author")
            fields[.contentType] = "image/png"
            fields[HTTPField.Name("Content-Disposition")!] = "attachment; filename=\"orphan.png\""
            let orphan = try await client.execute(uri: "/wp-json/wp/v2/media?post=99999", method: .post, headers: fields, body: ByteBuffer(bytes: png))
            #expect(orphan.status == .forbidden)
            // A failure after the file is written (a parent of the wrong type) removes the file again.
            fields[.authorization] = site.authorization("admin")
            let first = try await rawUpload(client, site, bytes: png, name: "first.png", type: "image/png", as: "admin")
            let firstID = try #require(first.json["id"]?.intValue)
            let onMedia = try await client.execute(uri: "/wp-json/wp/v2/media?post=\(firstID)", method: .post, headers: fields, body: ByteBuffer(bytes: png))
            #expect(onMedia.status == .badRequest)
            _ = try await client.call("DELETE", "/wp-json/wp/v2/media/\(firstID)?force=true", as: "admin", site: site)

            var q = PostQuery()
            q.types = ["attachment"]
            q.statuses = [.inherit, .private]
            #expect(try await site.store.posts(q).total == 0)
            let files = FileManager.default.enumerator(atPath: site.uploads.path)?.allObjects.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".png") || $0.hasSuffix(".exe") || $0.hasSuffix(".part") } ?? []
            #expect(files.isEmpty, "\(files)")
        }
    }

    @Test func updateFiltersDeleteAndFeaturedMediaEmbed() async throws {
        let png = try Self.fixture("gradient.png")
        try await TestSite.with { site, client in
            let up = try await rawUpload(client, site, bytes: png, name: "cover.png", type: "image/png")
            let id = try #require(up.json["id"]?.intValue)
            let updated = try await client.call("POST", "/wp-json/wp/v2/media/\(id)", as: "author", site: site,
                                                json: ["title": "Cover", "alt_text": "A cover", "description": "The cover."])
            #expect(updated.json["title"]?["raw"] == "Cover")
            #expect(updated.json["alt_text"] == "A cover")
            #expect(try await client.call("GET", "/wp-json/wp/v2/media?media_type=image", site: site).json.arrayValue?.count == 1)
            #expect(try await client.call("GET", "/wp-json/wp/v2/media?mime_type=image/jpeg", site: site).json.arrayValue?.count == 0)

            let post = try await client.call("POST", "/wp-json/wp/v2/posts", as: "author", site: site,
                                             json: ["title": "With cover", "status": "publish", "featured_media": .int(id)])
            let postID = try #require(post.json["id"]?.intValue)
            let embedded = try await client.call("GET", "/wp-json/wp/v2/posts/\(postID)?_embed=wp:featuredmedia", site: site)
            #expect(embedded.json["featured_media"] == .int(id))
            #expect(embedded.json["_embedded"]?["wp:featuredmedia"]?[0]?["id"] == .int(id))
            #expect(embedded.json["_embedded"]?["wp:featuredmedia"]?[0]?["alt_text"] == "A cover")

            #expect(try await client.call("DELETE", "/wp-json/wp/v2/media/\(id)", as: "author", site: site).status == 501)
            let gone = try await client.call("DELETE", "/wp-json/wp/v2/media/\(id)?force=true", as: "author", site: site)
            #expect(gone.json["deleted"] == true)
            let source = try #require(up.json["source_url"]?.stringValue)
            #expect(try await client.execute(uri: String(source.dropFirst("http://127.0.0.1:8080".count)), method: .get).status == .notFound)
        }
    }
}
