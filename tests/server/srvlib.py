# srvlib.py -- what the server's tests share: start `chokepoint serve` on loopback with a free
# port, read its announcements (address, seat codes, teacher code, quarters, the hash), and talk
# to it as a client would (python3-websocket). Every wait has a deadline, so a hung server fails
# a test instead of hanging it.
import json
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time

import websocket

WAIT_S = 60  # the longest any one answer may take (a sanitizer build playing agents is slow)


class Server:
    """A `chokepoint serve` process and what it printed."""

    def __init__(self, binary, args, folder=None, env=None):
        self.folder = folder or tempfile.mkdtemp(prefix="cp-serve-")
        self.lines = []
        self.cond = threading.Condition()
        cmd = [os.path.abspath(binary), "serve", "--bind", "127.0.0.1", "--port", "0", "--dir", self.folder] + args
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=env, cwd=self.folder)
        self.err = []
        threading.Thread(target=self._read, args=(self.proc.stdout, self.lines), daemon=True).start()
        threading.Thread(target=self._read, args=(self.proc.stderr, self.err), daemon=True).start()
        self.wait_line(r"^ready$")
        addr = self.wait_line(r"^address: http://127\.0\.0\.1:(\d+)/$")
        self.port = int(addr.group(1))
        self.codes = {}
        for line in self.text().splitlines():
            m = re.match(r"^seat: (\w{3}) .* (\S+)$", line)
            if m:
                self.codes[m.group(1)] = m.group(2)
            m = re.match(r"^teacher: (\S+)$", line)
            if m:
                self.codes["teacher"] = m.group(1)

    def _read(self, stream, into):
        for raw in iter(stream.readline, b""):
            with self.cond:
                into.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self.cond.notify_all()
        with self.cond:
            self.cond.notify_all()

    def text(self):
        with self.cond:
            return "\n".join(self.lines)

    def wait_line(self, pattern, timeout=WAIT_S):
        """The first stdout line matching 'pattern' (a regex), waiting for it."""
        rx = re.compile(pattern)
        deadline = time.time() + timeout
        with self.cond:
            while True:
                for line in self.lines:
                    m = rx.search(line)
                    if m:
                        return m
                left = deadline - time.time()
                if left <= 0 or (self.proc.poll() is not None and not self._pending()):
                    raise AssertionError("no line /%s/ from the server; stdout:\n%s\nstderr:\n%s"
                                         % (pattern, "\n".join(self.lines), "\n".join(self.err)))
                self.cond.wait(min(left, 0.5))

    def _pending(self):
        return False

    def url(self, path="/ws"):
        return "ws://127.0.0.1:%d%s" % (self.port, path)

    def wait_exit(self, timeout=WAIT_S):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError("the server did not exit; stderr:\n" + "\n".join(self.err))

    def kill(self, sig=signal.SIGKILL):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(WAIT_S)

    def alive(self):
        return self.proc.poll() is None


class Client:
    """One WebSocket connection; recv() keeps every message so tests can look for one type."""

    def __init__(self, server, code=None, name="Ana", client="page", hello=True):
        self.ws = websocket.create_connection(server.url(), timeout=WAIT_S)
        self.inbox = []
        self.req = 0
        if hello:
            self.welcome = self.hello(code, name, client)

    def send(self, obj):
        self.ws.send(obj if isinstance(obj, str) else json.dumps(obj))

    def send_req(self, obj):
        self.req += 1
        obj = dict(obj, req=self.req)
        self.send(obj)
        return self.req

    def hello(self, code, name="Ana", client="page"):
        self.send({"type": "hello", "v": 1, "code": code, "name": name, "client": client})
        return self.expect("welcome")

    def recv_one(self, timeout=WAIT_S):
        self.ws.settimeout(timeout)
        op, data = self.ws.recv_data()
        if op == websocket.ABNF.OPCODE_CLOSE:
            raise ConnectionResetError("closed by the server")
        return json.loads(data.decode("utf-8"))

    def expect(self, typ, req=None, timeout=WAIT_S, **match):
        """The next message of type 'typ' (and 'req', and fields equal to 'match'), skipping
        others (kept in self.inbox)."""
        deadline = time.time() + timeout
        for k, m in enumerate(self.inbox):
            if m["type"] == typ and (req is None or m.get("req") == req) and \
                    all(m.get(f) == v for f, v in match.items()):
                return self.inbox.pop(k)
        while True:
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError("no %s (req %s) within %ss; got %s" %
                                     (typ, req, timeout, [x["type"] for x in self.inbox]))
            m = self.recv_one(left)
            if m["type"] == typ and (req is None or m.get("req") == req) and \
                    all(m.get(f) == v for f, v in match.items()):
                return m
            self.inbox.append(m)

    def ask(self, obj, reply, timeout=WAIT_S):
        """Send a request and wait for its reply of type 'reply' (or an error with its req)."""
        r = self.send_req(obj)
        deadline = time.time() + timeout
        while True:
            for k, m in enumerate(self.inbox):
                if m.get("req") == r and m["type"] in (reply, "error"):
                    # states that came before the reply are older than what it did
                    self.inbox = [x for x in self.inbox[:k] if x["type"] != "state"] + self.inbox[k + 1:]
                    return m
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError("no answer to %s" % obj)
            self.inbox.append(self.recv_one(left))

    def closed_by_server(self, timeout=WAIT_S):
        """True once the server closes this connection (messages before the close are kept)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                self.inbox.append(self.recv_one(deadline - time.time()))
            except (ConnectionResetError, websocket.WebSocketConnectionClosedException,
                    BrokenPipeError, ConnectionAbortedError):
                return True
            except websocket.WebSocketTimeoutException:
                return False
        return False

    def close(self):
        try:
            self.ws.close(timeout=2)
        except Exception:
            pass


def errors(client, code):
    return [m for m in client.inbox if m["type"] == "error" and m.get("code") == code]


def new_folder():
    return tempfile.mkdtemp(prefix="cp-serve-")


def remove(folder):
    shutil.rmtree(folder, ignore_errors=True)


class Checks:
    """CHECK-style assertions that go on after a failure and count (as tests/check.h does)."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("check failed: " + what, flush=True)

    def done(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 1 if self.failed else 0
