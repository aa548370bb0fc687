import Dispatch
import Foundation
import QuireREST
import QuireStore
import SQLKit
import Testing

/// Runs every job of the tasks that prefer it on one thread of its own: a job that blocks
/// that thread holds up every other job here, as a blocked cooperative thread would on a small
/// machine (and no other test's load can take the thread away).
final class OneThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init() {
        let thread = Thread { [unowned self] in
            while true {
                condition.lock()
                while jobs.isEmpty { condition.wait() }
                let job = jobs.removeFirst()
                condition.unlock()
                job.runSynchronously(on: asUnownedTaskExecutor())
            }
        }
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }
}

/// Another process holding the database's write lock until told to let go (Python's own sqlite3).
final class LockHolder: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()

    init(_ path: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys, select
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            c.execute("UPDATE options SET value = value WHERE name = 'blogname'")
            print("locked", flush=True)
            select.select([sys.stdin], [], [], 60)
            c.execute("COMMIT")
            """, path]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = input
        try process.run()
        let line = String(decoding: out.fileHandleForReading.readData(ofLength: 7), as: UTF8.self)
        guard line.hasPrefix("locked") else { throw RESTError("lock_failed", "the other process did not take the lock: \(line)") }
    }

    /// Commits the other process's transaction and waits for it to end.
    func release() {
        input.fileHandleForWriting.write(Data("go\n".utf8))
        process.waitUntilExit()
    }
}

/// Set once by one task, read by another.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// A write that waits for another process's lock suspends its task instead of sleeping in
/// SQLite on a cooperative thread, so reads go on being answered meanwhile. Checked by order,
/// not by time: the reads are answered while the other process still holds the lock and the
/// writes still wait; the writes succeed once it lets go.
/// The executor's thread lives as long as the test process.
enum LockTestExecutor {
    static let shared = OneThreadExecutor()
}

@Suite(.enabled(if: TestDatabase.all.contains(.sqlite))) struct SQLiteLockTests {
    @Test func readsGoOnWhileAWriteWaitsForAnotherProcess() async throws {
        try await TestSite.with(databases: [.sqlite]) { site, client in
            // The test itself runs on the one thread too, so that other tests blocking the
            // shared threads cannot hold its steps back past the write's wait for the lock.
            try await withTaskExecutorPreference(LockTestExecutor.shared) {
                let holder = try LockHolder(site.directory.appendingPathComponent("site.sqlite").path)
                let executor = LockTestExecutor.shared
                let written = Flag()
                // The waiting write and a read share one thread: a write asleep in SQLite's busy
                // handler would keep the read from running until the write gave up.
                let write = Task(executorPreference: executor) {
                    defer { written.set() }
                    try await site.store.setOptions([("blogdescription", "written after the lock")])
                }
                try await Task.sleep(for: .milliseconds(200))
                let read = Task(executorPreference: executor) {
                    try await site.store.provider.read { db in try await db.raw("SELECT COUNT(*) AS n FROM posts").first()?.decode(column: "n", as: Int.self) }
                }
                #expect(try await read.value ?? 0 > 0)
                #expect(!written.isSet, "the read was answered only after the write had finished or failed")
                // Through the server too: a post being created waits, a list is answered.
                let created = Flag()
                let create = Task {
                    defer { created.set() }
                    return try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                                 json: ["title": "After the lock", "status": "publish"])
                }
                try await Task.sleep(for: .milliseconds(200))
                let list = try await client.call("GET", "/wp-json/wp/v2/posts?search=hello", site: site)
                #expect(list.status == 200)
                #expect(!created.isSet && !written.isSet, "a write went through while the other process held the lock")
                holder.release()
                #expect(holder.process.terminationStatus == 0)
                try await write.value
                #expect(try await create.value.status == 201)
                #expect(try await site.store.option("blogdescription") == "written after the lock")
            }
        }
    }
}
