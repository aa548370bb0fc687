import Dispatch
import Foundation
import QuireREST
import QuireStore
import Testing

/// Runs every job of the tasks that prefer it on one serial queue: a job that blocks its
/// thread holds up every other job here, as a blocked cooperative thread would on a small machine.
final class OneThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "one-thread-executor")

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        queue.async { unowned.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// Another process holding the database's write lock for a while (Python's own sqlite3).
struct LockHolder {
    let process: Process

    static func hold(_ path: String, seconds: Double) throws -> LockHolder {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            c.execute("UPDATE options SET value = value WHERE name = 'blogname'")
            print("locked", flush=True)
            time.sleep(float(sys.argv[2]))
            c.execute("COMMIT")
            """, path, String(seconds)]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        // Wait until the lock is held.
        let line = String(decoding: out.fileHandleForReading.readData(ofLength: 7), as: UTF8.self)
        guard line.hasPrefix("locked") else { throw RESTError("lock_failed", "the other process did not take the lock: \(line)") }
        return LockHolder(process: p)
    }
}

/// A write that waits for another process's lock suspends its task instead of sleeping in
/// SQLite on a cooperative thread, so reads go on being answered meanwhile.
@Suite struct SQLiteLockTests {
    @Test func readsGoOnWhileAWriteWaitsForAnotherProcess() async throws {
        try await TestSite.with { site, client in
            let path = site.directory.appendingPathComponent("site.sqlite").path
            let holder = try LockHolder.hold(path, seconds: 3)
            let started = ContinuousClock.now
            let executor = OneThreadExecutor()
            // The waiting write and a read share one thread.
            let write = Task(executorPreference: executor) {
                try await site.store.setOptions([("blogdescription", "written after the lock")])
                return ContinuousClock.now - started
            }
            try await Task.sleep(for: .milliseconds(100))
            let read = Task(executorPreference: executor) {
                _ = try await site.store.provider.read { db in try await db.raw("SELECT COUNT(*) AS n FROM posts").first() }
                return ContinuousClock.now - started
            }
            let readAfter = try await read.value
            #expect(readAfter < .seconds(1), "the read waited \(readAfter) for the writer's thread")
            // Through the server too: a post being created waits, a list is answered.
            let create = Task {
                try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site, json: ["title": "After the lock", "status": "publish"])
            }
            try await Task.sleep(for: .milliseconds(100))
            let listStarted = ContinuousClock.now
            let list = try await client.call("GET", "/wp-json/wp/v2/posts?search=hello", site: site)
            #expect(list.status == 200 && ContinuousClock.now - listStarted < .seconds(1))
            let wroteAfter = try await write.value
            #expect(wroteAfter > .seconds(2), "the write could not have committed while the other process held the lock")
            #expect(try await create.value.status == 201)
            #expect(try await site.store.option("blogdescription") == "written after the lock")
            holder.process.waitUntilExit()
            #expect(holder.process.terminationStatus == 0)
        }
    }
}
