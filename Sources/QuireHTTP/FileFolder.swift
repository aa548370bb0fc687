import Foundation
import HTTPTypes
import Hummingbird
import QuireREST
import NIOCore

/// A folder of files served as they are under a URL path, with `Content-Type`,
/// `Last-Modified`, `ETag`, conditional requests and single byte ranges: the uploads, and the
/// installed WordPress package's scripts, styles and images the editor loads.
///
///     let uploads = FileFolder.uploads(root: URL(fileURLWithPath: "site-uploads"))
///     let scripts = FileFolder(prefix: "/wp-includes/", root: wordpress.appendingPathComponent("wp-includes"),
///                              extensions: ["js", "css"], maxAge: 86_400)
public struct FileFolder: Sendable {
    /// The URL path the folder is served under, with its slashes: `/wp-content/uploads/`.
    public let prefix: String
    public let root: URL
    /// The only file extensions served (lowercased); nil serves every file.
    public let extensions: Set<String>?
    /// Seconds a browser may keep a file without asking again (`Cache-Control: max-age`).
    public let maxAge: Int?
    /// Whether symbolic links below the folder are followed. Uploads never follow them (a
    /// link could lead anywhere); an installed package's may (Debian's `wordpress` links its
    /// copies of underscore and others to `/usr/share/javascript`).
    public let followsLinks: Bool

    public init(prefix: String, root: URL, extensions: Set<String>? = nil, maxAge: Int? = nil, followsLinks: Bool = false) {
        self.followsLinks = followsLinks
        self.prefix = prefix
        self.root = root
        self.extensions = extensions
        self.maxAge = maxAge
    }

    /// The URL path uploads are served under.
    public static let uploadsPrefix = "/wp-content/uploads/"

    public static func uploads(root: URL) -> FileFolder { FileFolder(prefix: uploadsPrefix, root: root) }

    static let types = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "jpe": "image/jpeg", "gif": "image/gif",
                        "webp": "image/webp", "pdf": "application/pdf", "txt": "text/plain; charset=UTF-8",
                        "js": "application/javascript; charset=UTF-8", "css": "text/css; charset=UTF-8",
                        "svg": "image/svg+xml", "json": "application/json; charset=UTF-8", "woff": "font/woff",
                        "woff2": "font/woff2", "ttf": "font/ttf", "eot": "application/vnd.ms-fontobject"]

    func response(path: String, headers: HTTPFields, method: HTTPRequest.Method) -> Response? {
        guard path.hasPrefix(prefix) else { return nil }
        let relative = String(path.dropFirst(prefix.count)).removingPercentEncoding ?? ""
        guard !relative.isEmpty, !relative.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") }) else {
            return Response(status: .notFound)
        }
        if let extensions, !extensions.contains((relative as NSString).pathExtension.lowercased()) { return Response(status: .notFound) }
        var url = root.appendingPathComponent(relative)
        // Only real files under the uploads folder: a symbolic link anywhere below it (to a
        // folder or to a file) could lead outside, so the path must resolve to itself.
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL
        guard followsLinks || url.resolvingSymlinksInPath().standardizedFileURL.path == realRoot.appendingPathComponent(relative).standardizedFileURL.path else {
            return Response(status: .notFound)
        }
        if followsLinks { url = url.resolvingSymlinksInPath() }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              (attributes[.type] as? FileAttributeType) == .typeRegular,
              let data = FileManager.default.contents(atPath: url.path) else { return Response(status: .notFound) }
        let modified = (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        let etag = "\"\(String(data.count, radix: 16))-\(String(Int(modified.timeIntervalSince1970), radix: 16))\""
        var fields = HTTPFields()
        fields[.contentType] = Self.types[url.pathExtension.lowercased()] ?? "application/octet-stream"
        fields[.lastModified] = HTTPDate.format(modified)
        fields[.eTag] = etag
        fields[.acceptRanges] = "bytes"
        fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        if let maxAge { fields[.cacheControl] = "public, max-age=\(maxAge)" }
        if headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: fields) }
        var body = data
        var status = HTTPResponse.Status.ok
        if let range = headers[.range], let (start, end) = Self.parseRange(range, size: data.count) {
            body = data.subdata(in: start..<(end + 1))
            status = .partialContent
            fields[.contentRange] = "bytes \(start)-\(end)/\(data.count)"
        } else if headers[.range] != nil {
            fields[.contentRange] = "bytes */\(data.count)"
            return Response(status: .rangeNotSatisfiable, headers: fields)
        }
        fields[.contentLength] = String(body.count)
        if method == .head { return Response(status: status, headers: fields) }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `bytes=a-b`, `bytes=a-` or `bytes=-n`; one range only.
    static func parseRange(_ header: String, size: Int) -> (Int, Int)? {
        guard header.hasPrefix("bytes="), size > 0 else { return nil }
        let spec = header.dropFirst(6)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
        let a = spec[..<dash], b = spec[spec.index(after: dash)...]
        if a.isEmpty {
            guard let n = Int(b), n > 0 else { return nil }
            return (max(0, size - n), size - 1)
        }
        guard let start = Int(a), start < size else { return nil }
        let end = b.isEmpty ? size - 1 : min(Int(b) ?? size - 1, size - 1)
        return end >= start ? (start, end) : nil
    }
}
