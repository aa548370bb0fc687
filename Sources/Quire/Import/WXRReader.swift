import Dispatch
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Why a file could not be read as a WordPress export.
public struct WXRReadError: Error, CustomStringConvertible, Sendable {
    public let line: Int
    public let column: Int
    public let reason: String
    public var description: String { "line \(line), column \(column): \(reason)" }
}

/// Reads a WordPress eXtended RSS file (1.0 to 1.2) as a stream: the XML is parsed a few
/// kilobytes at a time on a thread of its own, and each author, term and item is handed over
/// as soon as it is complete. At most `buffered` records wait to be taken, so memory stays flat
/// however large the file is.
///
/// ```swift
/// for try await record in WXRReader(file: url).records() {
///     if case .item(let item) = record { print(item.title) }
/// }
/// ```
public struct WXRReader: Sendable {
    public let file: URL
    /// Longest text a single element may hold (a post's content, a meta value).
    public var maxValueBytes = 64 * 1024 * 1024
    public var buffered = 32

    public init(file: URL) { self.file = file }

    public func records() -> WXRRecords {
        let (stream, continuation) = AsyncThrowingStream<WXRRecord, any Error>.makeStream()
        let slots = DispatchSemaphore(value: buffered)
        let cancelled = CancelFlag()
        let file = self.file, limit = maxValueBytes
        continuation.onTermination = { _ in
            cancelled.set()
            slots.signal()
        }
        let thread = Thread {
            guard let input = InputStream(url: file) else {
                continuation.finish(throwing: WXRReadError(line: 0, column: 0, reason: "cannot open \(file.path)"))
                return
            }
            let parser = XMLParser(stream: input)
            let handler = WXRParserDelegate(maxValueBytes: limit) { record in
                slots.wait()
                if cancelled.isSet { return false }
                continuation.yield(record)
                return true
            }
            parser.delegate = handler
            parser.shouldResolveExternalEntities = false
            let ok = parser.parse()
            if let failure = handler.failure {
                continuation.finish(throwing: failure)
            } else if !ok || !handler.sawChannel {
                let reason = handler.sawChannel
                    ? (parser.parserError.map { Self.describe($0) } ?? "the XML is not well-formed")
                    : "this does not appear to be a WordPress export (no RSS channel)"
                continuation.finish(throwing: WXRReadError(line: parser.lineNumber, column: parser.columnNumber, reason: reason))
            } else if !handler.sawVersion {
                continuation.finish(throwing: WXRReadError(line: parser.lineNumber, column: parser.columnNumber,
                                                           reason: "this does not appear to be a WXR file: missing or invalid WXR version number"))
            } else {
                continuation.finish()
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
        return WXRRecords(source: stream, slots: slots)
    }

    /// The parser's error in words: `tagNameMismatchError` becomes "tag name mismatch".
    static func describe(_ error: any Error) -> String {
        let code = (error as NSError).code
        guard let known = XMLParser.ErrorCode(rawValue: code) else { return "the XML is not well-formed (error \(code))" }
        var words = ""
        for c in String(describing: known) {
            if c.isUppercase { words += " " + c.lowercased() } else { words.append(c) }
        }
        if words.hasSuffix(" error") { words.removeLast(6) }
        return "the XML is not well-formed: \(words)"
    }
}

/// The records of a file, in order; each one taken frees a slot for the reading thread.
public struct WXRRecords: AsyncSequence, Sendable {
    public typealias Element = WXRRecord
    let source: AsyncThrowingStream<WXRRecord, any Error>
    let slots: DispatchSemaphore

    public struct AsyncIterator: AsyncIteratorProtocol {
        var inner: AsyncThrowingStream<WXRRecord, any Error>.AsyncIterator
        let slots: DispatchSemaphore

        public mutating func next() async throws -> WXRRecord? {
            let record = try await inner.next()
            slots.signal()
            return record
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(inner: source.makeAsyncIterator(), slots: slots) }
}

/// Set once, read from any thread.
final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// Turns the parser's events into records. Runs on the reading thread only.
final class WXRParserDelegate: NSObject, XMLParserDelegate {
    let maxValueBytes: Int
    /// Hands a record over; false stops the parse.
    let emit: (WXRRecord) -> Bool
    var failure: WXRReadError?
    var sawChannel = false
    var sawVersion = false

    private var path: [String] = []
    private var text = Data()
    private var author: WXRAuthor?
    private var term: WXRTerm?
    private var item: WXRItem?
    private var comment: WXRComment?
    private var metaKey = ""
    private var metaValue = ""
    private var categoryAttributes: (String, String)?

    init(maxValueBytes: Int, emit: @escaping (WXRRecord) -> Bool) {
        self.maxValueBytes = maxValueBytes
        self.emit = emit
    }

    private func stop(_ parser: XMLParser, _ reason: String) {
        if failure == nil { failure = WXRReadError(line: parser.lineNumber, column: parser.columnNumber, reason: reason) }
        parser.abortParsing()
    }

    private func hand(_ parser: XMLParser, _ record: WXRRecord) {
        if !emit(record) { stop(parser, "the import was stopped") }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        path.append(name)
        text.removeAll(keepingCapacity: true)
        guard path.count > 1 else {
            if name != "rss" { stop(parser, "this does not appear to be a WordPress export (the root element is <\(name)>, not <rss>)") }
            return
        }
        switch name {
        case "channel" where path.count == 2: sawChannel = true
        case "item" where path.count == 3: item = WXRItem()
        case "wp:author" where item == nil: author = WXRAuthor()
        case "wp:category" where item == nil: term = WXRTerm(taxonomy: "category")
        case "wp:tag" where item == nil: term = WXRTerm(taxonomy: "post_tag")
        case "wp:term" where item == nil: term = WXRTerm()
        case "wp:comment" where item != nil: comment = WXRComment()
        case "wp:postmeta", "wp:commentmeta", "wp:termmeta": (metaKey, metaValue) = ("", "")
        case "category" where item != nil: categoryAttributes = (attributes["domain"] ?? "", attributes["nicename"] ?? "")
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { append(parser, Data(string.utf8)) }
    func parser(_ parser: XMLParser, foundCDATA block: Data) { append(parser, block) }

    private func append(_ parser: XMLParser, _ data: Data) {
        guard failure == nil else { return }
        if text.count + data.count > maxValueBytes {
            stop(parser, "<\(path.last ?? "")> holds more than \(maxValueBytes) bytes")
            return
        }
        text.append(data)
    }

    /// An open record with one more element's text, or, when the element closes it, nil
    /// after the record is handed on.
    private func fill<R: WXRFields>(_ record: R, _ name: String, closing: Bool, text: String, number: Int,
                                    _ parser: XMLParser, as wrap: (R) -> WXRRecord) -> R? {
        if closing {
            hand(parser, wrap(record))
            return nil
        }
        var filled = record
        filled.set(name, text: text, number: number)
        return filled
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { path.removeLast() }
        guard failure == nil else { return }
        let value = String(decoding: text, as: UTF8.self)
        text.removeAll(keepingCapacity: true)
        let number = Int(value.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0

        switch name {
        case "wp:meta_key": metaKey = value; return
        case "wp:meta_value": metaValue = value; return
        case "wp:postmeta": item?.meta.append((metaKey, metaValue)); return
        case "wp:commentmeta": comment?.meta.append((metaKey, metaValue)); return
        case "wp:termmeta": term?.meta.append((metaKey, metaValue)); return
        default: break
        }

        if var c = comment {
            if name == "wp:comment" {
                item?.comments.append(c)
                comment = nil
            } else {
                c.set(name, text: value, number: number)
                comment = c
            }
            return
        }
        if var i = item {
            switch name {
            case "wp:is_sticky": i.sticky = number != 0
            case "category":
                if let (domain, slug) = categoryAttributes, !domain.isEmpty { i.terms.append((domain, slug, value)) }
                categoryAttributes = nil
            case "item":
                item = nil
                hand(parser, .item(i))
                return
            default: i.set(name, text: value, number: number)
            }
            item = i
            return
        }
        if let a = author {
            author = fill(a, name, closing: name == "wp:author", text: value, number: number, parser, as: WXRRecord.author)
            return
        }
        if let t = term {
            let closing = name == "wp:category" || name == "wp:tag" || name == "wp:term"
            term = fill(t, name, closing: closing, text: value, number: number, parser, as: WXRRecord.term)
            return
        }
        switch name {
        case "wp:wxr_version":
            let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard ["1.0", "1.1", "1.2"].contains(v) else { return stop(parser, "WXR version \(v) is not one this importer reads (1.0 to 1.2)") }
            sawVersion = true
            hand(parser, .channel(name: "wxr_version", value: v))
        case "wp:base_site_url", "wp:base_blog_url":
            hand(parser, .channel(name: String(name.dropFirst(3)), value: value.trimmingCharacters(in: .whitespacesAndNewlines)))
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil {
            failure = WXRReadError(line: parser.lineNumber, column: parser.columnNumber, reason: WXRReader.describe(parseError))
        }
    }
}
