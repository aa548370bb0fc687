import QuireREST
import Testing

/// Small text rules every request passes through.
@Suite struct TextPiecesTests {
    /// `sanitize_key`, as PHP 8.2 answered: ASCII letters lowered, every other byte outside
    /// `[a-z0-9_-]` (each byte of a multi-byte character) removed.
    @Test func keysAreSanitisedAsPHPDoes() {
        let answered: [(String, String)] = [
            ("view", "view"), ("VIEW", "view"), ("\u{130}View_Ab-9\u{e9}", "view_ab-9"), ("a b.c", "abc"), ("", ""),
            ("\u{dc}n\u{ef}c\u{f6}d\u{e9}-KEY_1", "ncd-key_1"),
        ]
        for (given, expected) in answered { #expect(TextSanitizer.key(.string(given)) == expected, "\(given)") }
        #expect(TextSanitizer.key(.int(42)) == "42")
        #expect(TextSanitizer.key(.array([])) == "")
    }

    /// A template made from an example gives back the example's text with other numbers, and
    /// leaves digits that spell no stand-in as they were.
    @Test func textTemplatesFillTheirHoles() {
        let example = Array(#"{"self":[{"href":"http:\/\/h:8190\/p\/4815162342000000001"}],"n":[{"count":4815162342000000002,"id":4815162342000000001}]}"#.utf8)
        let template = JSONTextTemplate(example, standIns: [4815162342000000001, 4815162342000000002, 4815162342000000003])
        #expect(String(decoding: template.filled([7, -3, 9]), as: UTF8.self)
                == #"{"self":[{"href":"http:\/\/h:8190\/p\/7"}],"n":[{"count":-3,"id":7}]}"#)
        var sink = JSONByteSink()
        sink.beginArray()
        sink.int(1)
        sink.write(template, values: [12, 0, 0])
        sink.endArray()
        #expect(String(decoding: sink.bytes, as: UTF8.self).hasPrefix(#"[1,{"self":[{"href":"http:\/\/h:8190\/p\/12"}]"#))
    }
}
