import Foundation
import QuireREST

/// `_wp_attachment_metadata` of a file in the uploads folder, as `wp_generate_attachment_metadata`
/// makes it: the image's size and path, its `-scaled` copy when it is larger than the
/// big-image threshold (2,560 px), its intermediate sizes (made beside it from the original)
/// and its `image_meta` read from EXIF; for any other file, its size in bytes.
///
/// ```swift
/// let made = AttachmentMetadata.make(relative: "2024/01/photo.jpg", data: bytes, mime: "image/jpeg",
///                                    library: library, options: ["thumbnail_size_w": 150])
/// meta.append(("_wp_attached_file", .string(made.attachedFile)))
/// meta.append(("_wp_attachment_metadata", made.metadata))
/// ```
public enum AttachmentMetadata {
    public struct Made: Sendable {
        public var metadata: JSON
        /// The file the attachment now names: the `-scaled` copy when one was made.
        public var attachedFile: String
        /// Every file made beside the original (to remove them if the row fails).
        public var madeFiles: [String]
        /// `image_meta`, for the title and caption an upload takes from it.
        public var imageMeta: JSON
    }

    /// WordPress's `big_image_size_threshold`.
    public static let bigImageThreshold = 2560

    public static func make(relative: String, data: [UInt8], mime: String, library: MediaLibrary, options: [String: Int]) -> Made {
        var details: JSONObject = [:]
        let dimensions = ImageInfo.dimensions(data, mime: mime)
        if let (w, h) = dimensions {
            details["width"] = .int(w)
            details["height"] = .int(h)
        }
        var attached = relative
        let isImage = mime.hasPrefix("image/")
        // Only images keep their file's path in the metadata.
        if isImage { details["file"] = .string(relative) }
        details["filesize"] = .int(data.count)
        var made: [String] = []
        var imageMeta = ImageMeta.empty
        if isImage {
            let original = library.root.appendingPathComponent(relative)
            if ImageMeta.exifTypes.contains(mime) { imageMeta = ImageMeta.from(exif: library.resizer.exifBlock(of: original)) }
            var sizes = JSONObject()
            if let (w, h) = dimensions {
                if let scaled = library.resizer.scaledCopy(of: original, width: w, height: h, mime: mime, threshold: bigImageThreshold) {
                    let folder = (relative as NSString).deletingLastPathComponent
                    attached = folder.isEmpty ? scaled.file : folder + "/" + scaled.file
                    made.append(scaled.file)
                    details["width"] = .int(scaled.width)
                    details["height"] = .int(scaled.height)
                    details["file"] = .string(attached)
                    details["filesize"] = .int(scaled.bytes)
                }
                for (name, entry) in library.resizer.makeSizes(of: original, width: w, height: h, mime: mime,
                                                               sizes: ImageResizer.sizes(options: options)) {
                    var o = JSONObject()
                    for k in ["file", "width", "height", "filesize", "mime_type"] {
                        if let v = entry[k] as? Int { o[k] = .int(v) } else if let v = entry[k] as? String { o[k] = .string(v) }
                    }
                    sizes[name] = .object(o)
                    if let f = entry["file"] as? String { made.append(f) }
                }
            }
            details["sizes"] = sizes.isEmpty ? .array([]) : .object(sizes)
            details["image_meta"] = imageMeta
            if attached != relative { details["original_image"] = .string((relative as NSString).lastPathComponent) }
        }
        return Made(metadata: .object(details), attachedFile: attached, madeFiles: made, imageMeta: imageMeta)
    }
}
