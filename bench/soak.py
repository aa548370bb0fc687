"""The work of bench/soak: a mixed load for a while, with errors and memory reported."""
import argparse, base64, collections, json, os, random, subprocess, sys, tempfile, threading, time, urllib.request, urllib.error

PORT = 8192


def request(method, path, auth=None, body=None):
    headers = {"Content-Type": "application/json"}
    if auth: headers["Authorization"] = auth
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}/wp-json{path}", method=method, headers=headers,
                                 data=json.dumps(body).encode() if body is not None else None)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--bin"); a.add_argument("--minutes", type=float); a.add_argument("--clients", type=int)
    o = a.parse_args()
    work = tempfile.mkdtemp()
    db = os.path.join(work, "site.sqlite")
    env = dict(os.environ, QUIRE_ADMIN_PASSWORD="soak-admin")
    server = subprocess.Popen([o.bin, "serve", "--db", db, "--port", str(PORT), "--generate-posts", "1000",
                               "--sign-in-failures-per-login", "1000000", "--sign-in-failures-per-address", "1000000"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/wp-json/", timeout=1).read(); break
        except Exception:
            if server.poll() is not None: sys.exit("the server stopped while starting")
            time.sleep(0.2)
    else:
        server.kill(); sys.exit("the server did not start")
    pw = subprocess.run([o.bin, "user", "application-password", "create", "admin", "soak", "--porcelain", "--db", db],
                        capture_output=True, text=True, check=True).stdout.strip()
    admin = "Basic " + base64.b64encode(f"admin:{pw}".encode()).decode()
    wrong = "Basic " + base64.b64encode(b"admin:wrong wrong wrong").decode()
    counts = collections.Counter()
    lock = threading.Lock()
    end = time.time() + o.minutes * 60

    def one():
        r = random.random()
        if r < 0.35: return request("GET", f"/wp/v2/posts?page={random.randint(1, 20)}")
        if r < 0.5: return request("GET", f"/wp/v2/posts/{random.randint(1, 1000)}")
        if r < 0.6: return request("GET", f"/wp/v2/search?search=swift&page={random.randint(1, 5)}")
        if r < 0.7: return request("GET", "/wp/v2/categories?per_page=100")
        if r < 0.8: return request("GET", "/wp/v2/posts?context=edit", admin)
        if r < 0.92:
            s, b = request("POST", "/wp/v2/posts", admin, {"title": "soak", "content": "y" * 500, "status": "publish"})
            if s == 201 and random.random() < 0.5:
                request("DELETE", f"/wp/v2/posts/{json.loads(b)['id']}?force=true", admin)
            return s, b
        return request("GET", "/wp/v2/users/me", wrong)

    def client():
        while time.time() < end:
            try:
                status, _ = one()
                key = "5xx" if status >= 500 else f"{status // 100}xx"
            except Exception:
                key = "connection error"
            with lock:
                counts[key] += 1

    start_rss = rss_mb(server.pid)
    threads = [threading.Thread(target=client) for _ in range(o.clients)]
    for t in threads: t.start()
    samples = []
    while time.time() < end:
        time.sleep(min(30, max(0.1, end - time.time())))
        samples.append(rss_mb(server.pid))
        print(f"{len(samples) * 30:>4} s: {sum(counts.values())} requests, RSS {samples[-1]:.0f} MB", flush=True)
    for t in threads: t.join()
    alive = server.poll() is None
    server.kill()
    print(f"{o.minutes:g} minutes, {o.clients} clients: {sum(counts.values())} requests {dict(counts)}; "
          f"RSS {start_rss:.0f} MB at the start, {max(samples or [0]):.0f} MB at most, {samples[-1] if samples else 0:.0f} MB at the end; "
          f"server {'alive' if alive else 'DEAD'}")
    sys.exit(0 if alive and counts["5xx"] == 0 and counts["connection error"] == 0 else 1)


main()
