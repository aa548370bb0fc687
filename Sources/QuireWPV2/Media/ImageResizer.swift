import Foundation

/// Makes the intermediate image sizes WordPress makes (thumbnail, medium, medium_large,
/// large), with libvips's `vipsthumbnail` when the host has it. Without it no sizes are made,
/// as WordPress makes none without GD or Imagick.
public struct ImageResizer: Sendable {
    public struct Size: Sendable, Equatable {
        public var name: String
        public var width: Int
        public var height: Int
        public var crop: Bool
    }

    /// The program that resizes, nil when none was found.
    public let tool: String?

    public init(tool: String?) { self.tool = tool }

    /// Looks for `vipsthumbnail` on the PATH (unless `QUIRE_NO_IMAGE_LIBRARY` is set).
    public static func detect() -> ImageResizer {
        let env = ProcessInfo.processInfo.environment
        if env["QUIRE_NO_IMAGE_LIBRARY"] != nil { return ImageResizer(tool: nil) }
        for dir in (env["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":") {
            let path = "\(dir)/vipsthumbnail"
            if FileManager.default.isExecutableFile(atPath: path) { return ImageResizer(tool: path) }
        }
        return ImageResizer(tool: nil)
    }

    public var isAvailable: Bool { tool != nil }

    /// WordPress's default sizes, from the site's options.
    public static func sizes(options: [String: Int]) -> [Size] {
        [
            Size(name: "thumbnail", width: options["thumbnail_size_w"] ?? 150, height: options["thumbnail_size_h"] ?? 150,
                 crop: (options["thumbnail_crop"] ?? 1) == 1),
            Size(name: "medium", width: options["medium_size_w"] ?? 300, height: options["medium_size_h"] ?? 300, crop: false),
            Size(name: "medium_large", width: options["medium_large_size_w"] ?? 768, height: options["medium_large_size_h"] ?? 0, crop: false),
            Size(name: "large", width: options["large_size_w"] ?? 1024, height: options["large_size_h"] ?? 1024, crop: false),
        ]
    }

    /// Whether a size would shrink the original (sizes never enlarge).
    static func applies(_ s: Size, width: Int, height: Int) -> Bool {
        if s.crop { return width > s.width || height > s.height }
        let w = s.width > 0 ? s.width : Int.max, h = s.height > 0 ? s.height : Int.max
        return width > w || height > h
    }

    /// Makes each size beside the original; returns `media_details.sizes` entries (largest first).
    public func makeSizes(of original: URL, width: Int, height: Int, mime: String, sizes: [Size]) -> [(String, [String: Any])] {
        guard let tool else { return [] }
        var made: [(String, Int, [String: Any])] = []
        let base = original.deletingPathExtension().lastPathComponent, ext = original.pathExtension
        for s in sizes where Self.applies(s, width: width, height: height) {
            let box = "\(s.width > 0 ? s.width : 100_000)x\(s.height > 0 ? s.height : 100_000)"
            let temp = original.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).\(ext)")
            let p = Process()
            p.executableURL = URL(fileURLWithPath: tool)
            p.arguments = [original.path, "--size", box] + (s.crop ? ["--smartcrop", "centre"] : []) + ["-o", temp.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            do { try p.run() } catch { continue }
            p.waitUntilExit()
            guard p.terminationStatus == 0, let data = FileManager.default.contents(atPath: temp.path),
                  let dims = ImageInfo.dimensions(Array(data), mime: mime) else {
                try? FileManager.default.removeItem(at: temp)
                continue
            }
            let name = "\(base)-\(dims.width)x\(dims.height).\(ext)"
            let target = original.deletingLastPathComponent().appendingPathComponent(name)
            try? FileManager.default.removeItem(at: target)
            guard (try? FileManager.default.moveItem(at: temp, to: target)) != nil else { continue }
            made.append((s.name, dims.width, ["file": name, "width": dims.width, "height": dims.height, "filesize": data.count, "mime_type": mime]))
        }
        return made.sorted { $0.1 > $1.1 }.map { ($0.0, $0.2) }
    }
}
