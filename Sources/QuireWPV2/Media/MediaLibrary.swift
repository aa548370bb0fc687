import Foundation
import QuireREST

/// Where uploaded files live: `<root>/YYYY/MM/name.ext` (or flat), served at
/// `/wp-content/uploads/…`. A file is written before its row and removed if the row fails.
public struct MediaLibrary: Sendable {
    public let root: URL
    /// Largest accepted upload, in bytes.
    public let maxUploadSize: Int
    public let resizer: ImageResizer

    public init(root: URL, maxUploadSize: Int = 64 * 1024 * 1024, resizer: ImageResizer = .detect()) {
        self.root = root
        self.maxUploadSize = maxUploadSize
        self.resizer = resizer
    }

    /// Writes the bytes under a unique name; returns the path relative to the root.
    public func store(_ data: [UInt8], filename: String, yearMonth: Bool, now: Date = Date()) throws -> String {
        var folder = ""
        if yearMonth {
            let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: now)
            folder = String(format: "%04d/%02d/", c.year!, c.month!)
        }
        let dir = root.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let clean = Self.sanitizeFileName(filename)
        let ext = (clean as NSString).pathExtension, base = (clean as NSString).deletingPathExtension
        var name = clean
        var n = 1
        while FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path) {
            name = "\(base)-\(n).\(ext)"
            n += 1
        }
        let target = dir.appendingPathComponent(name)
        let temp = dir.appendingPathComponent(".\(UUID().uuidString).part")
        try Data(data).write(to: temp)
        try FileManager.default.moveItem(at: temp, to: target)
        return folder + name
    }

    public func remove(_ relative: String, sizes: [String] = []) {
        let url = root.appendingPathComponent(relative)
        try? FileManager.default.removeItem(at: url)
        for s in sizes { try? FileManager.default.removeItem(at: url.deletingLastPathComponent().appendingPathComponent(s)) }
    }

    /// `sanitize_file_name`: no path, no special characters, spaces to dashes.
    public static func sanitizeFileName(_ name: String) -> String {
        let last = (name as NSString).lastPathComponent
        var out = ""
        for u in last.unicodeScalars {
            if (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "." || u == "-" || u == "_" {
                out.unicodeScalars.append(u)
            } else if u == " " || u == "+" {
                out.append("-")
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        return out.isEmpty ? "file" : out
    }
}
