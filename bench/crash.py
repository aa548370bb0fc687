"""The work of bench/crash: start, write, kill -9, restart, check; repeated."""
import argparse, base64, json, os, signal, subprocess, sys, tempfile, threading, time, urllib.request, urllib.error

PORT = 8191


def call(method, path, auth, body=None, timeout=5):
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}/wp-json{path}", method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": auth, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read() or b"null")


def start(binary, db):
    env = dict(os.environ, QUIRE_ADMIN_PASSWORD="crash-admin")
    p = subprocess.Popen([binary, "serve", "--db", db, "--port", str(PORT), "--no-cache"], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/wp-json/", timeout=1).read()
            return p
        except Exception:
            time.sleep(0.1)
    p.kill()
    sys.exit("server did not start")


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--bin"); a.add_argument("--runs", type=int); a.add_argument("--writers", type=int); a.add_argument("--seconds", type=float)
    o = a.parse_args()
    work = tempfile.mkdtemp()
    db = os.path.join(work, "site.sqlite")
    p = start(o.bin, db)
    pw = subprocess.run([o.bin, "user", "application-password", "create", "admin", "crash", "--porcelain", "--db", db],
                        capture_output=True, text=True, check=True).stdout.strip()
    auth = "Basic " + base64.b64encode(f"admin:{pw}".encode()).decode()
    acknowledged = {}   # id -> title
    lock = threading.Lock()
    total_lost = total_half = 0
    for run in range(o.runs):
        stop = threading.Event()

        def writer(n):
            i = 0
            while not stop.is_set():
                title = f"crash {run}-{n}-{i}"
                i += 1
                try:
                    status, body = call("POST", "/wp/v2/posts", auth, {"title": title, "content": "x" * 200, "status": "publish",
                                                                       "categories": [1]})
                    if status == 201:
                        with lock:
                            acknowledged[body["id"]] = title
                except Exception:
                    pass

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(o.writers)]
        for t in threads: t.start()
        time.sleep(o.seconds)
        p.send_signal(signal.SIGKILL)
        p.wait()
        stop.set()
        for t in threads: t.join()
        p = start(o.bin, db)
        # Every acknowledged post is there, with its title and its category.
        lost = 0
        ids = list(acknowledged)
        for k in range(0, len(ids), 100):
            chunk = ids[k:k + 100]
            _, items = call("GET", f"/wp/v2/posts?include={','.join(map(str, chunk))}&per_page=100&_fields=id,title,categories", auth)
            found = {it["id"]: it for it in items}
            for i in chunk:
                it = found.get(i)
                if it is None or it["title"]["rendered"] != acknowledged[i] or it["categories"] != [1]:
                    lost += 1
        # Nothing half-written: every post has its category, and the kept count matches the rows.
        _, first = call("GET", "/wp/v2/posts?per_page=1", auth)
        req = urllib.request.Request(f"http://127.0.0.1:{PORT}/wp-json/wp/v2/posts?per_page=1&categories_exclude=1",
                                     headers={"Authorization": auth})
        with urllib.request.urlopen(req) as r:
            half = int(r.headers["X-WP-Total"])
        total_lost += lost
        total_half += half
        print(f"run {run + 1}: {len(acknowledged)} acknowledged so far, {lost} lost, {half} without their category", flush=True)
    p.kill()
    print(f"{o.runs} kills, {len(acknowledged)} acknowledged writes, {total_lost} lost, {total_half} half-written")
    sys.exit(1 if total_lost or total_half else 0)


main()
