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
