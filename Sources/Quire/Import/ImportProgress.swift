import Foundation

/// How far an import has gone, on standard error: a bar redrawn in place on a terminal, a
/// plain line every tenth of the way otherwise (a log keeps those).
final class ImportProgress: @unchecked Sendable {
    let total: Int
    private let terminal: Bool
    private let lock = NSLock()
    private var lastShown = -1
    private var lastTime = ContinuousClock.now

    init(total: Int, terminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.terminal = terminal
    }

    func show(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        if terminal {
            // At most ten redraws a second.
            let now = ContinuousClock.now
            guard done == total || now - lastTime > .milliseconds(100) else { return }
            lastTime = now
            let width = 30
            let filled = total > 0 ? min(width, done * width / total) : 0
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            write("\r[\(bar)] \(done)/\(total) items")
        } else {
            let tenth = total > 0 ? done * 10 / total : 0
            guard tenth > lastShown || done == total else { return }
            lastShown = tenth
            write("read \(done) of \(total) items\n")
        }
    }

    func end() {
        if terminal { write("\n") }
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}

/// The number of `<item>` elements in a file, counted without parsing it (for the progress
/// bar's total), a megabyte at a time.
enum WXRItemCount {
    static func count(in file: URL) -> Int {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return 0 }
        defer { try? handle.close() }
        let needle = Array("<item>".utf8)
        var count = 0
        var carry: [UInt8] = []
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let bytes = carry + Array(chunk)
            var i = 0
            while i + needle.count <= bytes.count {
                if bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) {
                    count += 1
                    i += needle.count
                } else {
                    i += 1
                }
            }
            carry = Array(bytes.suffix(needle.count - 1))
        }
        return count
    }
}
