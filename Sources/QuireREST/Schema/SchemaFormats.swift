import Foundation

/// The `format` keyword: WordPress's checks for date-time, email, ip, uuid and hex-color, and
/// the sanitisers it applies to formatted strings.
enum SchemaFormats {
    static func validate(_ value: JSON, format: String, param: String) -> RESTError? {
        let s = PHPScalar.toString(value)
        switch format {
        case "hex-color":
            if !isHexColor(s) { return RESTError("rest_invalid_hex_color", "Invalid hex color.") }
        case "date-time":
            if RFC3339.parse(s) == nil { return RESTError("rest_invalid_date", "Invalid date.") }
        case "email":
            if !isEmail(s) { return RESTError("rest_invalid_email", "Invalid email address.") }
        case "ip":
            if !isIPAddress(s) { return RESTError("rest_invalid_ip", "\(param) is not a valid IP address.") }
        case "uuid":
            if !isUUID(value) { return RESTError("rest_invalid_uuid", "\(param) is not a valid UUID.") }
        default: break
        }
        return nil
    }

    static func sanitize(_ value: JSON, format: String) -> JSON? {
        switch format {
        case "hex-color": return .string(isHexColor(PHPScalar.toString(value)) ? PHPScalar.toString(value) : "")
        case "date-time", "email", "ip", "uuid", "text-field": return .string(TextSanitizer.textField(value))
        case "uri": return .string(TextSanitizer.url(PHPScalar.toString(value)))
        case "textarea-field": return .string(TextSanitizer.textareaField(value))
        default: return nil
        }
    }

    static func isHexColor(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 4 || b.count == 7, b[0] == UInt8(ascii: "#") else { return false }
        return b.dropFirst().allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) }
    }

    static func isUUID(_ v: JSON) -> Bool {
        guard case .string(let s) = v else { return false }
        let b = Array(s.utf8)
        guard b.count == 36 else { return false }
        for (i, c) in b.enumerated() {
            if [8, 13, 18, 23].contains(i) {
                if c != UInt8(ascii: "-") { return false }
            } else if !((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) {
                return false
            }
        }
        return true
    }

    /// WordPress's `is_email()`: a deliberately simple check, not RFC 5322.
    static func isEmail(_ email: String) -> Bool {
        guard email.utf8.count >= 6 else { return false }
        guard let at = email.dropFirst().firstIndex(of: "@") else { return false }
        let local = email[..<at], domain = email[email.index(after: at)...]
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~.-")
        guard !local.isEmpty, local.allSatisfy({ localAllowed.contains($0) }) else { return false }
        if domain.contains("..") { return false }
        let trimSet = CharacterSet(charactersIn: " \t\n\r\0\u{0B}.")
        if domain.trimmingCharacters(in: trimSet) != domain { return false }
        let subs = domain.split(separator: ".", omittingEmptySubsequences: false)
        if subs.count < 2 { return false }
        let subAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        for sub in subs {
            if sub.hasPrefix("-") || sub.hasSuffix("-") || sub.isEmpty { return false }
            if !sub.allSatisfy({ subAllowed.contains($0) }) { return false }
        }
        return true
    }

    static func isIPAddress(_ s: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, s, &v4) == 1 { return true }
        return s.contains(":") && inet_pton(AF_INET6, s, &v6) == 1
    }
}

/// The format checks controllers need outside argument validation.
public enum SchemaFormatsPublic {
    public static func isEmail(_ s: String) -> Bool { SchemaFormats.isEmail(s) }
}

/// Dates as the REST API accepts them: `YYYY-MM-DDTHH:MM:SS`, optional fraction and offset.
public enum RFC3339 {
    public struct Parts: Sendable, Equatable {
        public var year, month, day, hour, minute, second: Int
        /// Offset from UTC in seconds, when the text gave one.
        public var offset: Int?
    }

    public static func parse(_ s: String) -> Parts? {
        let b = Array(s.utf8)
        func num(_ at: Int, _ len: Int) -> Int? {
            guard at + len <= b.count else { return nil }
            var v = 0
            for i in at..<at + len {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 19, let y = num(0, 4), b[4] == UInt8(ascii: "-"), let mo = num(5, 2), b[7] == UInt8(ascii: "-"),
              let d = num(8, 2), [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[10]),
              let h = num(11, 2), b[13] == UInt8(ascii: ":"), let mi = num(14, 2), b[16] == UInt8(ascii: ":"),
              let sec = num(17, 2) else { return nil }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
            if i == start { return nil }
        }
        var offset: Int? = nil
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") {
                offset = 0
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                guard let oh = num(i + 1, 2) else { return nil }
                i += 3
                var om = 0
                if i < b.count, b[i] == UInt8(ascii: ":") {
                    guard let m = num(i + 1, 2) else { return nil }
                    om = m
                    i += 3
                }
                offset = sign * (oh * 3600 + om * 60)
            }
        }
        guard i == b.count else { return nil }
        guard (1...12).contains(mo), (1...31).contains(d), h <= 24, mi <= 59, sec <= 60 else { return nil }
        return Parts(year: y, month: mo, day: d, hour: h, minute: mi, second: sec, offset: offset)
    }
}
