/// JSON text prepared once with integers left open, for values whose shape never changes and
/// whose numbers do (a post's `_links`: the same addresses around each post's ids).
///
/// It is made from an example written with stand-in numbers: every run of digits in the text
/// that spells one of them becomes a hole for that value.
///
/// ```swift
/// let example = Array(#"{"self":[{"href":"http:\/\/x\/posts\/4815162342000000001"}]}"#.utf8)
/// let template = JSONTextTemplate(example, standIns: [4815162342000000001])
/// var sink = JSONByteSink()
/// sink.write(template, values: [7])
/// // sink.bytes is `{"self":[{"href":"http:\/\/x\/posts\/7"}]}`
/// ```
public struct JSONTextTemplate: Sendable {
    /// The text between the holes: one more piece than there are holes.
    let pieces: [[UInt8]]
    /// For each hole, which of the values fills it.
    let holes: [Int]

    /// The template of `example`, whose runs of digits that spell `standIns[i]` are holes for
    /// value `i` (a stand-in that does not appear is a value the text does not hold).
    public init(_ example: [UInt8], standIns: [Int]) {
        let spelled = standIns.map { Array(String($0).utf8) }
        var pieces: [[UInt8]] = []
        var holes: [Int] = []
        var piece: [UInt8] = []
        var i = 0
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        while i < example.count {
            guard isDigit(example[i]) else { piece.append(example[i]); i += 1; continue }
            var end = i
            while end < example.count && isDigit(example[end]) { end += 1 }
            let run = example[i..<end]
            if let which = spelled.firstIndex(where: { $0.elementsEqual(run) }) {
                pieces.append(piece)
                piece = []
                holes.append(which)
            } else {
                piece.append(contentsOf: run)
            }
            i = end
        }
        pieces.append(piece)
        self.pieces = pieces
        self.holes = holes
    }
}

extension JSONTextTemplate {
    /// The text with its holes filled from `values`.
    public func filled(_ values: [Int]) -> [UInt8] {
        var sink = JSONByteSink(capacity: pieces.reduce(0) { $0 + $1.count } + 20 * holes.count)
        sink.write(self, values: values)
        return sink.bytes
    }
}

extension JSONByteSink {
    /// Writes `template` as one value, its holes filled from `values`.
    public mutating func write(_ template: JSONTextTemplate, values: [Int]) {
        separate()
        written.append(contentsOf: template.pieces[0])
        for (n, which) in template.holes.enumerated() {
            JSONEncoding.writeInt(values[which], into: &written)
            written.append(contentsOf: template.pieces[n + 1])
        }
        needsComma = true
    }
}
