import Foundation
import QuireREST

/// `image_meta` of an attachment, as `wp_read_image_metadata` fills it from a JPEG's or TIFF's
/// EXIF tags: aperture, credit, camera, caption, created time, copyright, focal length, ISO,
/// shutter speed, title and orientation, each as the string WordPress stores.
///
/// ```swift
/// ImageMeta.from(exif: block)["camera"] // "QX-100"
/// ```
public enum ImageMeta {
    /// What WordPress stores when a file says nothing about itself.
    public static let empty: JSON = [
        "aperture": "0", "credit": "", "camera": "", "caption": "", "created_timestamp": "0", "copyright": "",
        "focal_length": "0", "iso": "0", "shutter_speed": "0", "title": "", "orientation": "0", "keywords": .array([]),
    ]

    /// The types WordPress reads EXIF from.
    public static let exifTypes: Set<String> = ["image/jpeg", "image/tiff"]

    public static func from(exif block: [UInt8]?) -> JSON {
        guard let block, let tags = EXIFTags.read(block) else { return empty }
        var meta = empty.objectValue!
        func text(_ tag: UInt16) -> String? {
            guard let v = tags[tag] else { return nil }
            let s = v.phpString.trimmingCharacters(in: .whitespacesAndNewlines)
            return s.isEmpty || s == "0" ? nil : s
        }
        if let description = tags[EXIFTags.imageDescription]?.phpString, !description.isEmpty, description != "0" {
            let trimmed = description.trimmingCharacters(in: .whitespacesAndNewlines)
            if description.utf8.count < 80 { meta["title"] = .string(trimmed) }
            meta["caption"] = .string(tags[EXIFTags.userComment].flatMap(EXIFTags.userCommentText) ?? trimmed)
        }
        if let artist = text(EXIFTags.artist) { meta["credit"] = .string(artist) }
        if let copyright = text(EXIFTags.copyright) { meta["copyright"] = .string(copyright) }
        if let f = tags[EXIFTags.fNumber], let value = f.decimal, value != 0 {
            meta["aperture"] = .string(PHPNumber.string((value * 100).rounded(.toNearestOrAwayFromZero) / 100))
        }
        if let model = text(EXIFTags.model) { meta["camera"] = .string(model) }
        if let digitized = text(EXIFTags.dateTimeDigitized), let ts = timestamp(digitized) { meta["created_timestamp"] = .string(String(ts)) }
        if let focal = tags[EXIFTags.focalLength], let value = focal.decimal, value != 0 { meta["focal_length"] = .string(PHPNumber.string(value)) }
        if let iso = tags[EXIFTags.isoSpeedRatings], let first = iso.firstInteger, first != 0 { meta["iso"] = .string(String(first)) }
        if let exposure = tags[EXIFTags.exposureTime], let value = exposure.decimal, value != 0 {
            meta["shutter_speed"] = .string(PHPNumber.string(value))
        }
        if let orientation = tags[EXIFTags.orientation]?.firstInteger, orientation != 0 { meta["orientation"] = .string(String(orientation)) }
        return .object(meta)
    }

    /// `wp_exif_date2ts`: `2024:03:04 05:06:07`, read as UTC, in seconds since 1970.
    static func timestamp(_ text: String) -> Int? {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: ":").compactMap { Int($0) }, time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard date.count == 3, time.count >= 2, date[0] > 0 else { return nil }
        // Days from the civil date (proleptic Gregorian).
        let y = date[1] <= 2 ? date[0] - 1 : date[0], m = date[1], d = date[2]
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + time[0] * 3600 + time[1] * 60 + (time.count > 2 ? time[2] : 0)
    }
}

/// Numbers written as PHP writes a float or an int as a string (`precision` 14).
enum PHPNumber {
    static func string(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        let g = String(format: "%.14G", x)
        guard let e = g.firstIndex(of: "E") else { return g }
        var mantissa = String(g[..<e])
        if !mantissa.contains(".") { mantissa += ".0" }
        let exponent = Int(g[g.index(after: e)...]) ?? 0
        return mantissa + "E" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
    }
}

/// The tags of an EXIF block (IFD0 and the EXIF sub-IFD), read as PHP's `exif_read_data` gives
/// them. Offsets are checked against the block; a loop of IFDs is not followed twice.
enum EXIFTags {
    static let imageDescription: UInt16 = 0x010E, model: UInt16 = 0x0110, orientation: UInt16 = 0x0112
    static let artist: UInt16 = 0x013B, copyright: UInt16 = 0x8298, exposureTime: UInt16 = 0x829A
    static let fNumber: UInt16 = 0x829D, isoSpeedRatings: UInt16 = 0x8827, dateTimeDigitized: UInt16 = 0x9004
    static let focalLength: UInt16 = 0x920A, userComment: UInt16 = 0x9286
    static let exifPointer: UInt16 = 0x8769

    enum Value {
        case text(String)
        case integers([Int])
        case rationals([(Int, Int)])
        case bytes([UInt8])

        /// As PHP prints it: text, the integer, or `num/den`.
        var phpString: String {
            switch self {
            case .text(let s): return s
            case .integers(let n): return n.first.map(String.init) ?? ""
            case .rationals(let r): return r.first.map { "\($0.0)/\($0.1)" } ?? ""
            case .bytes(let b): return String(decoding: b, as: UTF8.self)
            }
        }

        /// `wp_exif_frac2dec`.
        var decimal: Double? {
            switch self {
            case .rationals(let r): return r.first.map { $0.1 == 0 ? 0 : Double($0.0) / Double($0.1) }
            case .integers(let n): return n.first.map(Double.init)
            case .text(let s): return Double(s.trimmingCharacters(in: .whitespaces)) ?? 0
            case .bytes: return nil
            }
        }

        var firstInteger: Int? {
            switch self {
            case .integers(let n): return n.first
            case .text(let s): return Int(s.trimmingCharacters(in: .whitespaces))
            default: return nil
            }
        }
    }

    /// PHP's `COMPUTED.UserComment`: the text after the 8-byte character code.
    static func userCommentText(_ v: Value) -> String? {
        guard case .bytes(let b) = v, b.count > 8 else { return nil }
        let s = String(decoding: b[8...], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\0 \t\r\n"))
        return s.isEmpty ? nil : s
    }

    static func read(_ block: [UInt8]) -> [UInt16: Value]? {
        var start = 0
        if block.starts(with: Array("Exif\0\0".utf8)) { start = 6 }
        let tiff = Array(block[start...])
        guard tiff.count >= 8 else { return nil }
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= tiff.count else { return nil }
            return little ? Int(tiff[at]) | Int(tiff[at + 1]) << 8 : Int(tiff[at]) << 8 | Int(tiff[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        func s32(_ at: Int) -> Int? { u32(at).map { Int(Int32(truncatingIfNeeded: $0)) } }
        var out: [UInt16: Value] = [:]
        var visited: Set<Int> = []
        func readIFD(_ offset: Int) {
            guard !visited.contains(offset), visited.count < 4, let count = u16(offset), count < 1000 else { return }
            visited.insert(offset)
            for i in 0..<count {
                let entry = offset + 2 + i * 12
                guard let tag = u16(entry), let type = u16(entry + 2), let n = u32(entry + 4), n < 1 << 20 else { return }
                let unit = [1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8][type] ?? 0
                guard unit > 0 else { continue }
                let length = unit * n
                let at = length <= 4 ? entry + 8 : (u32(entry + 8) ?? -1)
                guard at >= 0, at + length <= tiff.count else { continue }
                let key = UInt16(tag)
                switch type {
                case 2:
                    let bytes = tiff[at..<at + length].prefix { $0 != 0 }
                    out[key] = .text(String(decoding: bytes, as: UTF8.self))
                case 3: out[key] = .integers((0..<n).compactMap { u16(at + $0 * 2) })
                case 4: out[key] = .integers((0..<n).compactMap { u32(at + $0 * 4) })
                case 9: out[key] = .integers((0..<n).compactMap { s32(at + $0 * 4) })
                case 5: out[key] = .rationals((0..<n).compactMap { j in u32(at + j * 8).flatMap { a in u32(at + j * 8 + 4).map { (a, $0) } } })
                case 10: out[key] = .rationals((0..<n).compactMap { j in s32(at + j * 8).flatMap { a in s32(at + j * 8 + 4).map { (a, $0) } } })
                default: out[key] = .bytes(Array(tiff[at..<at + length]))
                }
            }
        }
        guard let first = u32(4) else { return nil }
        readIFD(first)
        if case .integers(let p)? = out[exifPointer], let sub = p.first { readIFD(sub) }
        return out
    }
}
