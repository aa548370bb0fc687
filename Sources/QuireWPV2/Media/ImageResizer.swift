import CVips
import Foundation
import QuireREST

/// Makes the image files WordPress makes, with libvips linked into the server: the
/// intermediate sizes (thumbnail, medium, medium_large, large, 1536x1536, 2048x2048) named
/// `name-WxH.ext`, and the `-scaled` copy of an original larger than the big-image threshold.
/// Without the library (or with `QUIRE_NO_IMAGE_LIBRARY` set) no files are made, as WordPress
/// makes none without GD or Imagick.
///
/// ```swift
/// let resizer = ImageResizer.detect()
/// let sizes = resizer.makeSizes(of: url, width: 3000, height: 2000, mime: "image/jpeg", sizes: ImageResizer.sizes(options: [:]))
/// ```
public struct ImageResizer: Sendable {
    public struct Size: Sendable, Equatable {
        public var name: String
        public var width: Int
        public var height: Int
        public var crop: Bool
    }

    /// Whether images are resized at all.
    public let isAvailable: Bool

    public init(enabled: Bool) { isAvailable = enabled && Self.libraryStarted }

    /// libvips, started once for the process.
    static let libraryStarted: Bool = quire_vips_start() == 0

    /// The library, unless `QUIRE_NO_IMAGE_LIBRARY` is set.
    public static func detect() -> ImageResizer {
        ImageResizer(enabled: ProcessInfo.processInfo.environment["QUIRE_NO_IMAGE_LIBRARY"] == nil)
    }

    /// No image files made.
    public static let none = ImageResizer(enabled: false)

    /// The quality WordPress saves JPEG and WebP sizes at (`wp_editor_set_quality`).
    static let quality = 82

    /// WordPress's sizes, from the site's options, and the two it registers for large screens.
    public static func sizes(options: [String: Int]) -> [Size] {
        [
            Size(name: "thumbnail", width: options["thumbnail_size_w"] ?? 150, height: options["thumbnail_size_h"] ?? 150,
                 crop: (options["thumbnail_crop"] ?? 1) == 1),
            Size(name: "medium", width: options["medium_size_w"] ?? 300, height: options["medium_size_h"] ?? 300, crop: false),
            Size(name: "medium_large", width: options["medium_large_size_w"] ?? 768, height: options["medium_large_size_h"] ?? 0, crop: false),
            Size(name: "large", width: options["large_size_w"] ?? 1024, height: options["large_size_h"] ?? 1024, crop: false),
            Size(name: "1536x1536", width: 1536, height: 1536, crop: false),
            Size(name: "2048x2048", width: 2048, height: 2048, crop: false),
        ]
    }

    /// Makes each size beside the original; returns `media_details.sizes` entries (largest first).
    public func makeSizes(of original: URL, width: Int, height: Int, mime: String, sizes: [Size]) -> [(String, [String: Any])] {
        guard isAvailable else { return [] }
        var made: [(String, Int, [String: Any])] = []
        let base = original.deletingPathExtension().lastPathComponent, ext = original.pathExtension
        for s in sizes {
            guard let plan = ImageGeometry.resize(width: width, height: height, toWidth: s.width, height: s.height, crop: s.crop) else { continue }
            let name = "\(base)-\(plan.width)x\(plan.height).\(ext)"
            let target = original.deletingLastPathComponent().appendingPathComponent(name)
            guard let bytes = write(original, plan: plan, to: target, mime: mime) else { continue }
            made.append((s.name, plan.width, ["file": name, "width": plan.width, "height": plan.height, "filesize": bytes, "mime_type": mime]))
        }
        return made.sorted { $0.1 > $1.1 }.map { ($0.0, $0.2) }
    }

    /// The `-scaled` copy WordPress makes of an image wider or taller than `threshold`, as
    /// (file name, width, height, bytes); nil when the image is within it or nothing was made.
    public func scaledCopy(of original: URL, width: Int, height: Int, mime: String, threshold: Int) -> (file: String, width: Int, height: Int, bytes: Int)? {
        guard isAvailable, threshold > 0, width > threshold || height > threshold else { return nil }
        let (w, h) = ImageGeometry.constrain(width: width, height: height, maxWidth: threshold, maxHeight: threshold)
        let name = "\(original.deletingPathExtension().lastPathComponent)-scaled.\(original.pathExtension)"
        let target = original.deletingLastPathComponent().appendingPathComponent(name)
        let plan = ImageGeometry.Plan(width: w, height: h, scaledWidth: w, scaledHeight: h, left: 0, top: 0)
        guard let bytes = write(original, plan: plan, to: target, mime: mime) else { return nil }
        return (name, w, h, bytes)
    }

    /// Scales the file as planned (cropping the middle when the plan says so) and saves it
    /// under a temporary name, then moves it in place; returns the bytes written.
    private func write(_ original: URL, plan: ImageGeometry.Plan, to target: URL, mime: String) -> Int? {
        var scaled: UnsafeMutablePointer<VipsImage>?
        guard quire_vips_thumbnail(original.path, &scaled, Int32(plan.scaledWidth), Int32(plan.scaledHeight)) == 0, let scaledImage = scaled else {
            quire_vips_clear_error()
            return nil
        }
        defer { quire_vips_release(scaledImage) }
        var final = scaledImage
        var cropped: UnsafeMutablePointer<VipsImage>?
        if plan.scaledWidth != plan.width || plan.scaledHeight != plan.height {
            guard quire_vips_extract(scaledImage, &cropped, Int32(plan.left), Int32(plan.top), Int32(plan.width), Int32(plan.height)) == 0,
                  let c = cropped else {
                quire_vips_clear_error()
                return nil
            }
            final = c
        }
        defer { if let cropped { quire_vips_release(cropped) } }
        let temp = target.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).\(target.pathExtension)")
        let quality = mime == "image/jpeg" || mime == "image/webp" ? Self.quality : 0
        guard quire_vips_save(final, temp.path, Int32(quality)) == 0 else {
            quire_vips_clear_error()
            try? FileManager.default.removeItem(at: temp)
            return nil
        }
        try? FileManager.default.removeItem(at: target)
        guard (try? FileManager.default.moveItem(at: temp, to: target)) != nil,
              let size = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.size] as? Int else {
            try? FileManager.default.removeItem(at: temp)
            return nil
        }
        return size
    }

    /// The raw EXIF block libvips finds in the file, if any.
    public func exifBlock(of file: URL) -> [UInt8]? {
        guard isAvailable, let image = quire_vips_open(file.path) else {
            quire_vips_clear_error()
            return nil
        }
        defer { quire_vips_release(image) }
        var length = 0
        guard let data = quire_vips_exif(image, &length), length > 0 else { return nil }
        return Array(UnsafeRawBufferPointer(start: data, count: length))
    }
}
