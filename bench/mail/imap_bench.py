#!/usr/bin/env python3
"""Messages per second through IMAP from a local Dovecot, and replies per
second out through a local Postfix, on a fresh SQLite desk.

  bench/mail/imap_bench.py MBOX [N] [REPLIES]    (as root: the mail servers need it)

Starts throw-away Dovecot and Postfix (scripts/mail_test_servers.sh), puts
the first N messages of MBOX (bench/mail/make_mbox.py) into a mailbox's
Maildir, starts `luister serve` with one job thread, adds the mailbox through
the API and times the poll job until every message was received; then posts
REPLIES agent replies in the imported conversations and times the outbox
until all were sent. Prints the rates and the server's peak RSS.
"""
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LUISTER = os.path.join(ROOT, "build", "luister")
SERVERS = os.path.join(ROOT, "scripts", "mail_test_servers.sh")
PASSWORD = "wrk tulip harbour 1984"


def mbox_messages(path, limit):
    out, cur = [], None
    with open(path, "rb") as f:
        prev_blank = True
        for line in f:
            if line.startswith(b"From ") and prev_blank:
                if cur is not None:
                    out.append(b"".join(cur))
                    if len(out) == limit:
                        return out
                cur = []
            elif cur is not None:
                if re.match(rb"^>+From ", line):
                    line = line[1:]
                cur.append(line)
            prev_blank = line.strip() == b""
    if cur:
        out.append(b"".join(cur))
    return out[:limit]


class Api:
    def __init__(self, port):
        self.base = "http://127.0.0.1:%d" % port
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        s = self.call("POST", "/api/v1/session",
                      {"email": "admin@luister.local", "password": PASSWORD})
        self.csrf = s["csrf_token"]

    def call(self, method, path, body=None):
        req = urllib.request.Request(self.base + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
        req.add_header("Content-Type", "application/json")
        if getattr(self, "csrf", None):
            req.add_header("X-CSRF-Token", self.csrf)
        with self.opener.open(req) as r:
            return json.loads(r.read() or b"null")


def peak_rss_mib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0


def main():
    mbox = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    replies = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    work = tempfile.mkdtemp(prefix="luister-imap-bench-")
    mail_dir = os.path.join("/tmp", "luister-mail-bench-%d" % os.getpid())
    env = dict(line.split("=", 1) for line in subprocess.run(
        [SERVERS, "start", mail_dir], check=True, capture_output=True, text=True).stdout.split())
    server = None
    try:
        subprocess.run([SERVERS, "adduser", mail_dir, "bench"], check=True, capture_output=True)
        maildir = os.path.join(env["MAILDIR_BASE"], "luister.test", "bench")
        owner = os.stat(env["MAILDIR_BASE"])
        for i, raw in enumerate(mbox_messages(mbox, n)):
            tmp = os.path.join(maildir, "tmp", "m%06d" % i)
            with open(tmp, "wb") as f:
                f.write(raw.replace(b"\n", b"\r\n") if b"\r\n" not in raw else raw)
            os.chown(tmp, owner.st_uid, owner.st_gid)
            os.rename(tmp, os.path.join(maildir, "new", "m%06d" % i))
        db = "sqlite:" + os.path.join(work, "desk.db")
        subprocess.run([LUISTER, "migrate", "--db", db], check=True, capture_output=True)
        subprocess.run([LUISTER, "demo", "--db", db, "--customers", "20", "--conversations", "30",
                        "--admin-password", PASSWORD], check=True, capture_output=True)
        log = open(os.path.join(work, "serve.log"), "w")
        server = subprocess.Popen([LUISTER, "serve", "--db", db, "--data-dir", work,
                                   "--listen", "127.0.0.1:0", "--job-threads", "1"],
                                  stdout=log, stderr=subprocess.STDOUT)
        port = None
        for _ in range(200):
            time.sleep(0.05)
            m = re.search(r"on http://127\.0\.0\.1:(\d+)", open(log.name).read())
            if m:
                port = int(m.group(1))
                break
        api = Api(port)
        queue = api.call("GET", "/api/v1/queues")["items"][0]["id"]
        settings = {"queue_id": queue, "name": "Bench", "address": "bench@luister.test",
                    "host": "127.0.0.1", "port": int(env["IMAP_PORT"]), "security": "plain",
                    "username": "bench@luister.test", "secret": env["PASSWORD"],
                    "poll_seconds": 3600, "smtp_host": "127.0.0.1",
                    "smtp_port": int(env["SMTP_PORT"]), "smtp_security": "plain"}
        start = time.monotonic()
        box = api.call("POST", "/api/v1/mailboxes", settings)["id"]
        while True:
            m = api.call("GET", "/api/v1/mailboxes/%d" % box)
            if m["counts"]["received"] >= n:
                break
            if m["counts"]["received"] and not m["counts"]["received"] % 200:
                pass
            api.call("POST", "/api/v1/mailboxes/%d/poll" % box, {})
            time.sleep(0.05)
        took = time.monotonic() - start
        print("imap: %d messages in %.1f s: %.0f messages/s (imported %d, duplicates %d, "
              "ignored %d, quarantined %d); peak RSS %.0f MiB" % (
                  n, took, n / took, m["counts"]["imported"], m["counts"]["duplicates"],
                  m["counts"]["ignored"], m["counts"]["quarantined"], peak_rss_mib(server.pid)))

        # Replies out: to conversations of the desk's customers on luister.test,
        # so that Postfix delivers them (it relays nowhere).
        customer = "reader@luister.test"
        subprocess.run([SERVERS, "adduser", mail_dir, "reader"], check=True, capture_output=True)
        c = api.call("POST", "/api/v1/customers",
                     {"name": "Reader", "identities": [{"kind": "email", "value": customer}]})
        dept = api.call("GET", "/api/v1/queues")["items"][0]["department_id"]
        conv = api.call("POST", "/api/v1/conversations",
                        {"customer_id": c["id"], "channel": "email", "subject": "Bench",
                         "department_id": dept, "queue_id": queue})
        ids = []
        start = time.monotonic()
        for i in range(replies):
            r = api.call("POST", "/api/v1/conversations/%d/messages" % conv["id"],
                         {"direction": "out", "body_text": "Antwoord %d" % i})
            ids.append(r["id"])
        posted = time.monotonic() - start
        target = os.path.join(env["MAILDIR_BASE"], "luister.test", "reader", "new")
        while len(os.listdir(target)) < replies:
            time.sleep(0.05)
            if time.monotonic() - start > 600:
                break
        took = time.monotonic() - start
        sent = len(os.listdir(target))
        print("smtp: %d replies posted in %.1f s, %d delivered by Postfix after %.1f s: "
              "%.0f sends/s" % (replies, posted, sent, took, sent / took))
    finally:
        if server:
            server.terminate()
            server.wait()
        subprocess.run([SERVERS, "stop", mail_dir], capture_output=True)
        shutil.rmtree(mail_dir, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
