# test_fuzz.py -- a hostile crowd: messages built from well-formed ones and then mutated (bytes
# flipped, cut short, fields swapped for values of other types, huge and odd numbers, deep nesting,
# random UTF-8 and invalid bytes), from a seeded generator so a failure can be replayed, sent from
# student, teacher and code-less connections, plus raw garbage on the TCP port. The server must stay
# up and, afterwards, answer a well-formed client correctly.
# Usage: test_fuzz.py CHOKEPOINT [MESSAGES [SEED]]
import json
import os
import random
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import websocket  # noqa: E402
from srvlib import Checks, Client, Server, new_folder, remove  # noqa: E402

binary = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 800
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 18
rng = random.Random(seed)
c = Checks()
folder = new_folder()
srv = Server(binary, ["--scenario", "licensing-2025", "--seats", "USA,JPN", "--turns", "60"], folder=folder)

TEMPLATES = [
    {"type": "hello", "v": 1, "code": "X", "name": "Ana", "client": "page"},
    {"type": "quote", "req": 1, "order": {"kind": "set_tariff", "good": "magnet", "partner": "CHN", "amount": 0.25}},
    {"type": "order", "req": 2, "order": {"kind": "build_facility", "facility_kind": "mine", "amount": 5000, "partner": "AUS"}},
    {"type": "order", "req": 3, "order": {"kind": "suspend_export_control", "good": "all", "partner": "all", "turns": 4, "mode": "licensed", "amount": 0.5}},
    {"type": "order", "req": 4, "order": {"kind": "fund_facility", "facility": 3, "amount": 10}},
    {"type": "withdraw", "req": 5, "index": 0},
    {"type": "deal", "req": 6, "action": "propose", "deal": {"to": "JPN", "term_turns": 8, "clauses": [
        {"kind": "offtake", "from": "USA", "to": "JPN", "good": "magnet", "amount": 5, "price_usd_per_kg": 80}]}},
    {"type": "deal", "req": 7, "action": "counter", "deal_id": 0, "deal": {"to": "USA", "term_turns": 2, "clauses": []}},
    {"type": "deal", "req": 8, "action": "accept", "deal_id": 0},
    {"type": "ready", "ready": False},
    {"type": "ping"},
    {"type": "teacher", "req": 9, "action": "inject", "event": {"kind": "summit", "nation": "CHN", "partner": "USA", "turns": 2}},
    {"type": "teacher", "req": 10, "action": "lock", "seat": "JPN"},
    {"type": "teacher", "req": 11, "action": "timer", "seconds": 0},
    {"type": "teacher", "req": 12, "action": "seat_human", "seat": "KOR"},
]
ODD = [None, True, False, 0, -1, 2 ** 31, -2 ** 63, 1e308, -1e308, 1.5, "", "all", "USA", "CHN",
       "magnet", "\u0000", "\ud7ff" * 3, "x" * 300, [], {}, [1, [2, [3]]], {"kind": "set_tariff"}]


def mutate_value(v, depth=0):
    r = rng.random()
    if isinstance(v, dict) and depth < 4 and r < 0.6:
        v = dict(v)
        if v and rng.random() < 0.7:
            k = rng.choice(list(v))
            v[k] = mutate_value(v[k], depth + 1)
        if rng.random() < 0.2 and v:
            del v[rng.choice(list(v))]
        if rng.random() < 0.2:
            v[rng.choice(["nation", "extra", "kind", "req", "type", "order"])] = rng.choice(ODD)
        return v
    if isinstance(v, list) and v and r < 0.5:
        return [mutate_value(x, depth + 1) for x in v]
    return rng.choice(ODD) if r < 0.8 else v


def garble(text):
    b = bytearray(text.encode("utf-8"))
    r = rng.random()
    if r < 0.25 and b:
        for _ in range(rng.randint(1, 4)):
            b[rng.randrange(len(b))] = rng.randrange(256)
    elif r < 0.45:
        b = b[:rng.randrange(len(b) + 1)]
    elif r < 0.55:
        b = bytearray(b"[" * rng.randint(500, 4000))
    elif r < 0.6:
        b = bytearray(rng.randrange(256) for _ in range(rng.randint(1, 300)))
    return bytes(b)


def one_message(codes):
    m = json.loads(json.dumps(rng.choice(TEMPLATES)))
    if m["type"] == "hello":
        m["code"] = rng.choice(list(codes.values()) + ["WRONG", "", codes["USA"].lower()])
    if rng.random() < 0.7:
        m = mutate_value(m)
    text = json.dumps(m)
    return garble(text) if rng.random() < 0.3 else text.encode("utf-8")


sent = 0
conns = 0
while sent < count:
    who = rng.choice(["USA", "JPN", "teacher", None])
    try:
        cl = Client(srv, srv.codes[who] if who else None, hello=who is not None)
    except Exception:
        c.check(srv.alive(), "the server is up when a client connects (after %d messages)" % sent)
        continue
    conns += 1
    for _ in range(rng.randint(1, 35)):  # within the flood bucket's 40
        data = one_message(srv.codes)
        try:
            op = websocket.ABNF.OPCODE_TEXT if rng.random() < 0.95 else websocket.ABNF.OPCODE_BINARY
            cl.ws.send(data, opcode=op)
        except Exception:
            break
        sent += 1
    cl.close()
    if rng.random() < 0.1:  # garbage straight onto the port
        try:
            s = socket.create_connection(("127.0.0.1", srv.port), timeout=5)
            s.sendall(bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000))))
            s.close()
        except OSError:
            pass

c.check(srv.alive(), "the server is up after %d hostile messages on %d connections (seed %d)" % (sent, conns, seed))
a = Client(srv, srv.codes["JPN"], name="after the storm")
c.check(a.welcome["seat"] == "JPN", "a well-formed client joins afterwards")
r = a.ask({"type": "quote", "order": {"kind": "set_tariff", "good": "magnet", "partner": "CHN", "amount": 99}}, "quote")
c.check(r.get("ok") is False and "tariff rate must be between 0 and 10" in r.get("message", ""),
        "and gets the core's answer to a quote: %s" % r)
r = a.ask({"type": "ping"}, "pong")
c.check(r["type"] == "pong", "and a pong")
a.close()
srv.kill()
c.check(not [l for l in srv.err if "AddressSanitizer" in l or "runtime error" in l],
        "no sanitizer reports: %s" % srv.err[-30:])
remove(folder)
sys.exit(c.done())
