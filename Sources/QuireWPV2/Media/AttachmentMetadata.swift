import Foundation
import QuireREST

/// `_wp_attachment_metadata` of a file in the uploads folder, as `wp_generate_attachment_metadata`
/// makes it: the image's size and path, its intermediate sizes (made beside it) and its
/// `image_meta`; for any other file, its size in bytes.
///
/// ```swift
/// let made = AttachmentMetadata.make(relative: "2024/01/photo.jpg", data: bytes, mime: "image/jpeg",
///                                    library: library, options: ["thumbnail_size_w": 150])
/// meta.append(("_wp_attachment_metadata", made.metadata))
/// ```
public enum AttachmentMetadata {
    /// The metadata, and the names of the size files made (to remove them if the row fails).
    public static func make(relative: String, data: [UInt8], mime: String, library: MediaLibrary,
                            options: [String: Int]) -> (metadata: JSON, sizeFiles: [String]) {
        var details: JSONObject = [:]
        let dimensions = ImageInfo.dimensions(data, mime: mime)
        if let (w, h) = dimensions {
            details["width"] = .int(w)
            details["height"] = .int(h)
        }
        // Only images keep their file's path in the metadata.
        if mime.hasPrefix("image/") { details["file"] = .string(relative) }
        details["filesize"] = .int(data.count)
        var sizeFiles: [String] = []
        if mime.hasPrefix("image/") {
            var sizes = JSONObject()
            if let (w, h) = dimensions {
                for (name, entry) in library.resizer.makeSizes(of: library.root.appendingPathComponent(relative), width: w, height: h,
                                                               mime: mime, sizes: ImageResizer.sizes(options: options)) {
                    var o = JSONObject()
                    for k in ["file", "width", "height", "filesize", "mime_type"] {
                        if let v = entry[k] as? Int { o[k] = .int(v) } else if let v = entry[k] as? String { o[k] = .string(v) }
                    }
                    sizes[name] = .object(o)
                    if let f = entry["file"] as? String { sizeFiles.append(f) }
                }
            }
            details["sizes"] = sizes.isEmpty ? .array([]) : .object(sizes)
            details["image_meta"] = emptyImageMeta
        }
        return (.object(details), sizeFiles)
    }

    /// What WordPress stores when a file says nothing about itself.
    public static let emptyImageMeta: JSON = [
        "aperture": "0", "credit": "", "camera": "", "caption": "", "created_timestamp": "0", "copyright": "",
        "focal_length": "0", "iso": "0", "shutter_speed": "0", "title": "", "orientation": "0", "keywords": .array([]),
    ]
}
