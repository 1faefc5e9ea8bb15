# test_protocol.py -- every message of protocol 1 against a real `chokepoint serve` on loopback
# (docs/network.md): joining with right, wrong, forged and missing codes, orders, quotes,
# withdrawals, deals, readiness, the teacher's actions and their refusal to a student, and the
# hostile side: oversized frames, malformed JSON, invalid UTF-8, wrong types, another seat's
# nation, a flood from one client while another is still answered, and reconnection.
# Usage: test_protocol.py CHOKEPOINT SOURCE_DIR
import base64
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import urllib.error

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import websocket  # noqa: E402
from srvlib import Checks, Client, Server, errors, new_folder, remove  # noqa: E402

binary, source = sys.argv[1], sys.argv[2]
c = Checks()
web = new_folder()
for name, text in (("index.html", "<!doctype html><title>t</title>"), ("app.js", "1;"),
                   ("style.css", "p{}")):
    with open(os.path.join(web, name), "w") as f:
        f.write(text)
folder = new_folder()
srv = Server(binary, ["--scenario", "licensing-2025", "--seats", "USA,JPN,DEU", "--turns", "40",
                      "--web", web], folder=folder)
codes = srv.codes
c.check(set(codes) == {"USA", "JPN", "DEU", "teacher"}, "a code per seat and the teacher: %s" % codes)
c.check(all(len(v.replace("-", "")) == 16 for v in codes.values()), "codes are 16 symbols (80 bits)")
c.check(len(set(codes.values())) == 4, "the codes differ")
mode = os.stat(os.path.join(folder, "codes.txt")).st_mode & 0o777
c.check(mode == 0o600, "codes.txt is 0600, not %o" % mode)
c.check("\u2588" not in srv.text(), "no QR code when stdout is not a terminal and no --qr")


def tariff(amount=0.25, **extra):
    return dict({"kind": "set_tariff", "good": "magnet", "partner": "CHN", "amount": amount}, **extra)


# ---- joining -----------------------------------------------------------------------------------
def test_join():
    a = Client(srv, hello=False)
    r = a.ask({"type": "ping"}, "pong")
    c.check(r["type"] == "pong", "ping before hello: pong")
    r = a.ask({"type": "order", "order": tariff()}, "order_result")
    c.check(r["type"] == "error" and r["code"] == "not_joined", "an order before hello: not_joined, got %s" % r)
    a.send({"type": "hello", "v": 1, "name": "x"})
    r = a.expect("error")
    c.check(r["code"] == "bad_message" and "code" in r["message"], "hello without a code: %s" % r)
    a.send({"type": "hello", "v": 1, "code": "AAAA-BBBB-CCCC-DDDD", "name": "x"})
    r = a.expect("error")
    c.check(r["code"] == "bad_code", "a wrong code: bad_code, got %s" % r)
    good = codes["USA"]
    forged = good[:-1] + ("2" if good[-1] != "2" else "3")
    a.send({"type": "hello", "v": 1, "code": forged, "name": "x"})
    r = a.expect("error")
    c.check(r["code"] == "bad_code", "a code one symbol off (forged): bad_code, got %s" % r)
    a.send({"type": "hello", "v": 1, "code": good + "X", "name": "x"})
    r = a.expect("error")
    c.check(r["code"] == "bad_code", "a seat's code with one symbol more: bad_code, got %s" % r)
    a.send({"type": "hello", "v": 1, "code": 12345, "name": "x"})
    r = a.expect("error")
    c.check(r["code"] == "bad_message" and "hello.code" in r["message"], "a code that is a number: %s" % r)
    # lower case without dashes is the same code
    w = a.hello(good.replace("-", "").lower(), name="Ana\x07\x1b[31m")
    c.check(w["role"] == "student" and w["seat"] == "USA" and w["nation"] == "United States",
            "the seat's code joins its seat: %s" % {k: w[k] for k in ("role", "seat", "nation")})
    c.check(w["name"] == "Ana[31m", "control characters stripped from the name: %r" % w["name"])
    cat = w["catalog"]
    kinds = {o["kind"]: o for o in cat["orders"]}
    c.check(len(kinds) == 17, "the catalog lists every order kind (%d)" % len(kinds))
    c.check(kinds["set_tariff"]["fields"] == ["good", "partner", "amount"] and
            kinds["set_tariff"]["amount"] == {"lo": 0, "hi": 10, "what": "tariff rate"},
            "set_tariff's fields and range: %s" % kinds["set_tariff"])
    c.check([g["id"] for g in cat["goods"]] == ["ore", "light_oxide", "heavy_oxide", "magnet"], "goods")
    c.check(any(n["iso"] == "CHN" and not n["human"] for n in cat["nations"]) and
            any(n["iso"] == "USA" and n["human"] for n in cat["nations"]), "nations, human or not")
    s = a.expect("state")
    c.check(s["me"]["iso"] == "USA" and s["turn"] == 0 and s["last_turn"] == 40 and
            len(s["prices"]) == 4 and s["date"] == "2025Q1", "the first state")
    c.check([g["price_paid_usd_per_kg"] for g in s["me"]["goods"]] == [p["paid_usd_per_kg"] for p in s["prices"]]
            and all(g["producer_price_usd_per_kg"] > 0 for g in s["me"]["goods"]),
            "the seat's goods carry the prices it paid and its producers got")
    for key in ("budget_musd", "gdp_busd_per_yr", "gdp_loss_busd", "pressure", "score", "locked"):
        c.check(key in s["me"], "me.%s is sent" % key)
    c.check(set(s["score"]["parts"]) == {"security", "prosperity", "leverage", "stability"} and
            s["goals"] and all(g["status"] in ("on_track", "behind", "met", "missed") for g in s["goals"]),
            "score parts and goals: %s" % s["goals"])
    c.check(all(p["host"] == "USA" or p["owner"] == "USA" for p in s["pipeline"]), "the pipeline is the seat's")
    r = a.ask({"type": "hello", "v": 1, "code": good}, "welcome")
    c.check(r["type"] == "error" and r["code"] == "bad_message", "a second hello: %s" % r)
    a.close()
    # five wrong codes close the connection
    b = Client(srv, hello=False)
    for k in range(5):
        b.send({"type": "hello", "v": 1, "code": "WRNG-%04d" % k})
    c.check(b.closed_by_server(), "five wrong codes close the connection")
    c.check(len(errors(b, "bad_code")) == 5, "each wrong code answered bad_code")
    # a version other than 1
    v = Client(srv, hello=False)
    v.send({"type": "hello", "v": 2, "code": codes["USA"]})
    c.check(v.closed_by_server() and errors(v, "bad_version"), "version 2: bad_version and closed")
    # a name with U+202E (right-to-left override) and U+2066 once reached the class table as typed
    t = Client(srv, codes["teacher"], name="Ms \u202eT\u2066x\u0085" + "y" * 60)
    c.check(t.welcome["role"] == "teacher" and t.welcome["seat"] is None, "the teacher's code: %s" % t.welcome["role"])
    c.check(t.welcome["name"] == "Ms Tx" + "y" * 35, "bidi overrides and C1 controls stripped, 40 characters kept: %r"
            % t.welcome["name"])
    t.close()


# ---- orders --------------------------------------------------------------------------------------
def test_orders():
    a = Client(srv, codes["JPN"])
    r = a.ask({"type": "quote", "order": tariff()}, "quote")
    c.check(r.get("ok") is True and r["cost_now_musd"] == 0, "a tariff's quote: %s" % r)
    r = a.ask({"type": "quote", "order": {"kind": "buy_stockpile", "good": "magnet", "amount": 100}}, "quote")
    c.check(r.get("ok") is True and r["cost_now_musd"] > 0, "a stockpile's quote costs money: %s" % r)
    r = a.ask({"type": "quote", "order": tariff(99)}, "quote")
    c.check(r.get("ok") is False and r["message"] == "set_tariff: tariff rate must be between 0 and 10, got 99",
            "a refused quote carries the core's message: %s" % r)
    r = a.ask({"type": "order", "order": tariff(99)}, "order_result")
    c.check(r.get("ok") is False and "tariff rate must be between 0 and 10" in r["message"],
            "a refused order carries the core's message: %s" % r)
    r = a.ask({"type": "order", "order": {"kind": "build_facility", "facility_kind": "mine",
                                          "amount": 5000, "partner": "AUS"}}, "order_result")
    c.check("ok" in r, "build abroad answered: %s" % r)
    a.inbox = [m for m in a.inbox if m["type"] != "state"]  # the states before it
    r = a.ask({"type": "order", "order": tariff(0.3)}, "order_result")
    c.check(r.get("ok") is True and isinstance(r["index"], int), "an accepted order: %s" % r)
    idx = r["index"]
    s = a.expect("state")
    pend = [p for p in s["pending"] if p["index"] == idx]
    c.check(len(pend) == 1 and pend[0]["order"] == tariff(0.3) and "tariff" in pend[0]["text"],
            "the order is pending in the next state: %s" % s["pending"])
    # wrong types and missing fields, named
    cases = [
        (tariff("high"), "order.amount: a number is needed, got a string"),
        ({"kind": "set_tariff", "good": "magnet", "amount": 0.1}, "order.partner: missing"),
        (tariff(good="unobtainium"), "order.good: no good named 'unobtainium'"),
        (tariff(partner="XXX"), "order.partner: no nation 'XXX'"),
        ({"kind": "launch_rocket"}, "order.kind: no kind named 'launch_rocket'"),
        ({"good": "magnet"}, "order.kind: missing"),
        ({"kind": "fund_facility", "facility": 1.5, "amount": 3}, "order.facility: a whole number"),
        ({"kind": "set_tracking", "flag": "yes"}, "order.flag: true, false, 1 or 0"),
        ("set_tariff", "order: an object is needed, got a string"),
    ]
    for order, words in cases:
        r = a.ask({"type": "order", "order": order}, "order_result")
        c.check(r["type"] == "error" and r["code"] == "bad_message" and r["message"].startswith(words),
                "%s -> bad_message '%s', got %s" % (order, words, r))
    r = a.ask({"type": "order"}, "order_result")
    c.check(r["type"] == "error" and r["message"].startswith("order: missing"), "no order: %s" % r)
    # {"type": 7} was once answered "type: missing"
    r = a.ask({"type": 7}, "x")
    c.check(r["type"] == "error" and r["message"].startswith("type: a string"), "type a number: %s" % r)
    a.send({"type": "ping", "req": "one"})
    r = a.expect("error")
    c.check(r["code"] == "bad_message" and r["message"].startswith("req:"), "req a string: %s" % r)
    r = a.ask({"type": "teleport"}, "x")
    c.check(r["type"] == "error" and r["code"] == "bad_message" and "teleport" in r["message"], "unknown type: %s" % r)
    # another seat's nation
    r = a.ask({"type": "order", "order": tariff(0.2, nation="CHN")}, "order_result")
    c.check(r["type"] == "error" and r["code"] == "not_your_seat", "an order naming CHN from JPN: %s" % r)
    r = a.ask({"type": "order", "nation": "USA", "order": tariff(0.2)}, "order_result")
    c.check(r["type"] == "error" and r["code"] == "not_your_seat", "a message naming USA from JPN: %s" % r)
    r = a.ask({"type": "order", "order": tariff(0.2, nation="JPN")}, "order_result")
    c.check(r.get("ok") is True, "an order naming its own seat is fine: %s" % r)
    # withdraw: another seat's order, a wrong index, its own
    u = Client(srv, codes["DEU"])
    r = u.ask({"type": "withdraw", "index": idx}, "order_result")
    c.check(r["type"] == "error" and r["code"] == "not_your_seat", "withdrawing JPN's order from DEU: %s" % r)
    r = u.ask({"type": "withdraw", "index": 999}, "order_result")
    c.check(r.get("ok") is False and "no pending order" in r["message"], "withdraw a wrong index: %s" % r)
    r = u.ask({"type": "withdraw", "index": "0"}, "order_result")
    c.check(r["type"] == "error" and r["code"] == "bad_message", "withdraw.index a string: %s" % r)
    u.close()
    r = a.ask({"type": "withdraw", "index": idx}, "order_result")
    c.check(r.get("ok") is True, "withdrawing its own order: %s" % r)
    s = a.expect("state")
    c.check(all(p["order"] != tariff(0.3) for p in s["pending"]), "the withdrawn order is gone")
    a.close()


# ---- deals ------------------------------------------------------------------------------------------
def test_deals():
    a = Client(srv, codes["USA"])
    b = Client(srv, codes["JPN"])
    deal = {"to": "JPN", "term_turns": 8,
            "clauses": [{"kind": "tariff", "from": "USA", "to": "JPN", "good": "magnet", "amount": 0}]}
    r = a.ask({"type": "deal", "action": "propose", "deal": deal}, "deal_result")
    c.check(r.get("ok") is True and isinstance(r["deal_id"], int), "a proposal: %s" % r)
    did = r.get("deal_id")
    s = b.expect("state", timeout=30)
    while not any(d["id"] == did for d in s.get("deals", [])):
        s = b.expect("state")
    d = [d for d in s["deals"] if d["id"] == did][0]
    c.check(d["mine_to_answer"] and d["status"] == "proposed" and d["from"] == "USA" and d["text"],
            "JPN sees the proposal to answer: %s" % d)
    r = b.ask({"type": "deal", "action": "accept", "deal_id": did}, "deal_result")
    c.check(r.get("ok") is True, "JPN accepts: %s" % r)
    r = b.ask({"type": "deal", "action": "accept", "deal_id": 9999}, "deal_result")
    c.check(r.get("ok") is False and r["message"], "accepting a deal that is not there: core's refusal %s" % r)
    bad = dict(deal, clauses=[{"kind": "tariff", "from": "USA", "to": "JPN", "good": "magnet", "amount": -5}])
    r = a.ask({"type": "deal", "action": "propose", "deal": bad}, "deal_result")
    c.check(r.get("ok") is False and r["message"], "a deal the core refuses: %s" % r)
    r = a.ask({"type": "deal", "action": "propose", "deal": dict(deal, clauses="none")}, "deal_result")
    c.check(r["type"] == "error" and r["message"].startswith("deal.clauses"), "clauses not a list: %s" % r)
    r = a.ask({"type": "deal", "action": "haggle", "deal_id": 1}, "deal_result")
    c.check(r["type"] == "error" and r["code"] == "bad_message", "an unknown deal action: %s" % r)
    r = a.ask({"type": "deal", "action": "withdraw", "deal_id": did}, "deal_result")
    c.check("ok" in r, "withdraw answered: %s" % r)
    # a second proposal: JPN counters it, USA rejects the counter with a reason
    r = a.ask({"type": "deal", "action": "propose", "deal": deal}, "deal_result")
    d2 = r.get("deal_id")
    c.check(r.get("ok") is True and d2 != did, "a second proposal: %s" % r)
    counter = {"to": "USA", "term_turns": 4,
               "clauses": [{"kind": "tariff", "from": "USA", "to": "JPN", "good": "magnet", "amount": 0},
                           {"kind": "tariff", "from": "JPN", "to": "USA", "good": "magnet", "amount": 0}]}
    r = b.ask({"type": "deal", "action": "counter", "deal_id": d2, "deal": counter}, "deal_result")
    c.check(r.get("ok") is True and r["deal_id"] == d2, "JPN counters: %s" % r)
    r = b.ask({"type": "deal", "action": "counter", "deal_id": d2}, "deal_result")
    c.check(r["type"] == "error" and r["message"].startswith("deal: an object is needed"), "a counter without terms: %s" % r)
    r = a.ask({"type": "deal", "action": "reject", "deal_id": d2, "reason": "too short"}, "deal_result")
    c.check(r.get("ok") is True, "USA rejects the counter: %s" % r)
    s = a.expect("state")
    d = [x for x in s["deals"] if x["id"] == d2]
    c.check(d and d[0]["status"] == "rejected" and d[0]["term_turns"] == 4 and len(d[0]["clauses"]) == 2,
            "the rejected counter shows in USA's deals: %s" % d)
    r = a.ask({"type": "deal", "action": "reject", "deal_id": d2, "reason": 5}, "deal_result")
    c.check(r["type"] == "error" and r["message"].startswith("deal.reason: a string"), "a reason that is a number: %s" % r)
    a.close()
    b.close()


# ---- the teacher -----------------------------------------------------------------------------------
def test_teacher():
    a = Client(srv, codes["DEU"])
    r = a.ask({"type": "teacher", "action": "pause"}, "teacher_result")
    c.check(r["type"] == "error" and r["code"] == "not_teacher", "a student's pause: not_teacher, got %s" % r)
    t = Client(srv, codes["teacher"], name="Ms T")
    r = t.ask({"type": "order", "order": tariff()}, "order_result")
    c.check(r["type"] == "error" and r["code"] == "not_your_seat", "the teacher plays no seat: %s" % r)
    r = t.ask({"type": "teacher", "action": "pause"}, "teacher_result")
    c.check(r.get("ok") is True, "pause: %s" % r)
    s = a.expect("state", paused=True)
    c.check(s["paused"] is True, "students see the pause")
    r = a.ask({"type": "order", "order": tariff()}, "order_result")
    c.check(r["type"] == "error" and r["code"] == "paused", "an order while paused: %s" % r)
    r = a.ask({"type": "quote", "order": tariff()}, "quote")
    c.check(r.get("ok") is True, "a quote while paused still works: %s" % r)
    r = t.ask({"type": "teacher", "action": "resume"}, "teacher_result")
    c.check(r.get("ok") is True, "resume: %s" % r)
    r = t.ask({"type": "teacher", "action": "timer", "seconds": 0}, "teacher_result")
    c.check(r.get("ok") is True, "timer 0: %s" % r)
    r = t.ask({"type": "teacher", "action": "timer", "seconds": "soon"}, "teacher_result")
    c.check(r["type"] == "error" and r["code"] == "bad_message", "timer with a string: %s" % r)
    r = t.ask({"type": "teacher", "action": "inject",
               "event": {"kind": "mine_flood", "nation": "CHN", "magnitude": 0.2, "turns": 1}}, "teacher_result")
    c.check(r.get("ok") is True, "inject a flood: %s" % r)
    r = t.ask({"type": "teacher", "action": "inject", "event": {"kind": "mine_flood", "nation": "CHN",
                                                                "magnitude": 7}}, "teacher_result")
    c.check(r.get("ok") is False and r["message"], "an event the core refuses: %s" % r)
    r = t.ask({"type": "teacher", "action": "inject", "event": {"kind": "volcano", "nation": "CHN"}}, "teacher_result")
    c.check(r["type"] == "error" and "event.kind" in r["message"], "an unknown event: %s" % r)
    r = t.ask({"type": "teacher", "action": "debrief"}, "teacher_result")
    c.check(r.get("ok") is False and "not available in serve yet" in r["message"], "debrief: %s" % r)
    r = t.ask({"type": "teacher", "action": "lock", "seat": "KOR"}, "teacher_result")
    c.check(r.get("ok") is True, "lock KOR: %s" % r)
    r = t.ask({"type": "teacher", "action": "unlock", "seat": "KOR"}, "teacher_result")
    c.check(r.get("ok") is True, "unlock KOR: %s" % r)
    r = t.ask({"type": "teacher", "action": "lock", "seat": "ATL"}, "teacher_result")
    c.check(r["type"] == "error" and r["code"] == "bad_message", "lock a nation not in the game: %s" % r)
    r = t.ask({"type": "teacher", "action": "fly"}, "teacher_result")
    c.check(r["type"] == "error" and r["code"] == "bad_message", "an unknown action: %s" % r)
    # readiness shows in the class table
    r = a.ask({"type": "ready", "ready": "yes"}, "state")
    c.check(r["type"] == "error" and r["message"].startswith("ready.ready"), "ready with a string: %s" % r)
    a.send({"type": "ready", "ready": True})
    s = a.expect("state", ready=True)
    c.check(s["ready"] is True, "ready shows in the seat's state")
    m = t.expect("class")
    while not any(x["iso"] == "DEU" and x["ready"] for x in m["class"]):
        m = t.expect("class")
    c.check(True, "the teacher's class table shows DEU ready")
    a.send({"type": "ready", "ready": False})
    a.expect("state", ready=False)
    # end the quarter now
    r = t.ask({"type": "teacher", "action": "end_quarter"}, "teacher_result")
    c.check(r.get("ok") is True, "end_quarter: %s" % r)
    q = a.expect("quarter")
    c.check(q["turn"] == 1 and q["date"] == "2025Q2", "the quarter was played: %s" % q)
    s = a.expect("state", turn=1)
    c.check(s["report"] is not None and s["turn"] == 1, "a new state after the quarter")
    turns = [n["turn"] for n in s["news"]]
    c.check(turns and turns == sorted(turns, reverse=True) and turns[0] == 1,
            "the news, newest first, starts with the quarter just played: %s" % turns[:8])

    a.close()
    t.close()


# ---- hostile frames ------------------------------------------------------------------------------------
def test_hostile():
    a = Client(srv, codes["DEU"])
    a.send("x" * 20000)
    c.check(a.closed_by_server(), "a 20000-byte frame closes the connection")
    c.check(errors(a, "too_large"), "and is answered too_large: %s" % a.inbox[-1:])
    b = Client(srv, codes["DEU"])
    b.send('{"type": "ping", ')
    r = b.expect("error")
    c.check(r["code"] == "bad_message", "broken JSON: bad_message")
    b.ask({"type": "ping"}, "pong")  # everything before is in
    b.inbox = []
    b.send('{"type": "ping"} and then some')  # once answered pong: the text after it was ignored
    m = b.recv_one()
    c.check(m["type"] == "error" and m["code"] == "bad_message", "JSON with text after it: bad_message, got %s" % m)
    b.send("[1,2,3]")
    c.check(b.expect("error")["code"] == "bad_message", "JSON that is not an object: bad_message")
    b.ws.send(b'{"type":"ping","x":"\xff\xfe"}', opcode=websocket.ABNF.OPCODE_TEXT)
    c.check(b.expect("error")["code"] == "bad_message", "invalid UTF-8: bad_message")
    b.ws.send(b"\x00\x01", opcode=websocket.ABNF.OPCODE_BINARY)
    c.check(b.expect("error")["code"] == "bad_message", "a binary frame: bad_message")
    r = b.ask({"type": "ping"}, "pong")
    c.check(r["type"] == "pong", "the connection stays open after ordinary mistakes")
    for k in range(2):
        b.send("nope")
    c.check(b.closed_by_server(), "the sixth frame that is not JSON closes the connection")
    c.check(len([m for m in b.inbox if m.get("code") == "bad_message"]) >= 2, "each answered")
    # a flood from one client while another is still answered. The breaking input of a fix: 400
    # pings at once got 5 pongs and no `flood` error, because the connection was closed before
    # its sender thread had written what was queued (ws_conn.c now drains before closing)
    f = Client(srv, codes["USA"])
    g = Client(srv, codes["JPN"])
    for k in range(400):
        try:
            f.send({"type": "ping", "req": k})
        except Exception:
            break
    r = g.ask({"type": "quote", "order": tariff(0.1)}, "quote")
    c.check(r.get("ok") is True and r["cost_now_musd"] == 0, "another client's quote is answered during a flood: %s" % r)
    c.check(f.closed_by_server(), "the flooding client is closed")
    c.check(errors(f, "flood"), "and was told flood first")
    pongs = [m for m in f.inbox if m["type"] == "pong"]
    c.check(40 <= len(pongs) < 400, "the bucket let the first burst through (%d pongs)" % len(pongs))
    r = g.ask({"type": "ping"}, "pong")
    c.check(r["type"] == "pong", "the other client still works")
    g.close()


# ---- reconnection --------------------------------------------------------------------------------------
def test_reconnect():
    a = Client(srv, codes["USA"], name="Ana")
    a.expect("state")
    a.inbox = [m for m in a.inbox if m["type"] != "state"]
    r = a.ask({"type": "order", "order": {"kind": "set_export_tax", "good": "ore", "amount": 0.05}}, "order_result")
    c.check(r.get("ok") is True, "an order before the laptop sleeps: %s" % r)
    s1 = a.expect("state")
    mine = [p for p in s1["pending"]]
    b = Client(srv, codes["USA"], name="Ana again")
    s2 = b.expect("state")
    c.check(s2["pending"] == mine and len(mine) >= 1, "the same pending orders after rejoining: %s vs %s" % (s2["pending"], mine))
    c.check(a.closed_by_server() and errors(a, "replaced"), "the older connection is told replaced and closed")
    r = b.ask({"type": "ping"}, "pong")
    c.check(r["type"] == "pong", "the new connection works")
    b.close()


# ---- the page's files --------------------------------------------------------------------------------------
def get(path):
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.sendall(("GET %s HTTP/1.0\r\nHost: x\r\n\r\n" % path).encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_static():
    status, body = get("/")
    c.check(status == 200 and body.startswith(b"<!doctype html>"), "/ is index.html (%d)" % status)
    c.check(get("/app.js") == (200, b"1;") and get("/style.css") == (200, b"p{}"), "app.js and style.css")
    status, body = get("/map.cpmap")
    with open(os.path.join(source, "assets", "world-110m.cpmap"), "rb") as f:
        c.check(status == 200 and body == f.read(), "/map.cpmap is the map asset")
    for bad in ("/../CMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd", "/codes.txt", "/web/", "/assets/",
                "/index.html/../../x", "//etc/passwd", "/app.js.bak", "/app.js/"):
        status, body = get(bad)
        c.check(status in (400, 404), "%s is not served (%d)" % (bad, status))
        c.check(b"teacher" not in body, "%s leaks nothing" % bad)
    status, body = get("/app.js%00.txt")  # CivetWeb cuts the path at the NUL: app.js or nothing
    c.check(status == 404 or body == b"1;", "/app.js%00.txt serves at most app.js")


# ---- bots, and a seat handed to an agent and back ------------------------------------------------
def test_bot_and_seats():
    b = Client(srv, codes["DEU"], client="bot")
    w = b.expect("world")
    raw = base64.b64decode(w["save"])
    c.check(raw[:8] == b"CPWORLD\x1a" and w["turn"] == b.expect("state")["turn"],
            "a bot gets the world as cp_world_save bytes (%d bytes) at its turn" % len(raw))
    t = Client(srv, codes["teacher"])
    r = t.ask({"type": "teacher", "action": "seat_agent", "seat": "DEU"}, "teacher_result")
    c.check(r.get("ok") is True and "agents" in r["message"], "DEU to its scenario agent: %s" % r)
    # before the fix this order was accepted ({'ok': True, 'index': 1}): DEU's student and its agent
    # both ordered for it
    r = b.ask({"type": "order", "order": tariff()}, "order_result")
    c.check(r["type"] == "error" and r["code"] == "not_your_seat" and "agent" in r["message"],
            "the student of a seat an agent plays cannot order for it: %s" % r)
    r = t.ask({"type": "teacher", "action": "seat_agent", "seat": "DEU", "agent": "no_such_agent_here"}, "teacher_result")
    c.check(r.get("ok") is False and "no_such_agent_here" in r["message"], "an agent that is not there: %s" % r)
    r = t.ask({"type": "teacher", "action": "seat_human", "seat": "DEU"}, "teacher_result")
    c.check(r.get("ok") is True, "DEU back to its student: %s" % r)
    r = b.ask({"type": "order", "order": tariff()}, "order_result")
    c.check(r.get("ok") is True, "and the student orders again: %s" % r)
    r = t.ask({"type": "teacher", "action": "seat_human", "seat": "KOR"}, "teacher_result")
    c.check(r.get("ok") is True, "KOR to a student: %s" % r)
    m = srv.wait_line(r"^seat: KOR .* (\S+)$")
    k = Client(srv, m.group(1))
    c.check(k.welcome["seat"] == "KOR", "the new seat's code, printed on stdout, joins it")
    r = t.ask({"type": "teacher", "action": "seat_agent", "seat": "KOR"}, "teacher_result")
    c.check(r.get("ok") is True, "KOR back to its agent: %s" % r)
    for x in (b, t, k):
        x.close()


# ---- a client that stops reading ------------------------------------------------------------------------
def test_stalled():
    # a bot (large messages: the world each quarter) that never reads: its socket buffers fill
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    ws = websocket.WebSocket()
    ws.sock = None
    stalled = websocket.create_connection(srv.url(), socket=s, timeout=10)
    stalled.send(json.dumps({"type": "hello", "v": 1, "code": codes["USA"], "client": "bot"}))
    t = Client(srv, codes["teacher"])
    g = Client(srv, codes["JPN"])
    turn0 = g.expect("state")["turn"]
    # ten quarters' worth of states and worlds (~600 KB each) pile up for the stalled one: more
    # than the kernel's socket buffers hold, so its sender thread blocks in a write
    for k in range(10):
        r = t.ask({"type": "teacher", "action": "end_quarter"}, "teacher_result")
        c.check(r.get("ok") is True, "end_quarter with a stalled client: %s" % r)
        q = g.expect("quarter", turn=turn0 + k + 1)
        c.check(q["turn"] == turn0 + k + 1, "the quarter is played while a client is stalled")
    r = g.ask({"type": "quote", "order": tariff(0.1)}, "quote")
    c.check(r.get("ok") is True, "others are answered while a client is stalled: %s" % r)
    # before the fix the teacher's state at quarter 11 held quarters 8 and 9's news, not 10 and 11's
    last = turn0 + 10
    ts = t.expect("state", turn=last)  # the teacher's: everyone's news, more than the 60 sent
    turns = [n["turn"] for n in ts["news"]]
    c.check(len(turns) == 60 and turns == sorted(turns, reverse=True) and turns[0] == last,
            "the teacher's news is the newest 60 (quarter %d first): %s" % (last, turns))
    stalled.sock.close()
    g.close()
    t.close()


# ---- the connection limit -------------------------------------------------------------------------------
def test_limit():
    opened, refused = [], 0
    for k in range(270):
        try:
            opened.append(websocket.create_connection(srv.url(), timeout=10))
        except Exception:
            refused += 1
    c.check(refused >= 14 and len(opened) <= 256, "at most 256 connections at once (%d open, %d refused)"
            % (len(opened), refused))
    for ws in opened:
        ws.close()
    # the closed ones leave room again (the server notices each close on its own thread)
    joined = None
    for attempt in range(50):
        try:
            joined = Client(srv, codes["JPN"])
            break
        except Exception:
            time.sleep(0.2)
    c.check(joined is not None and joined.welcome["seat"] == "JPN", "a client joins once they have gone")
    if joined:
        joined.close()


def cli(*args):
    return subprocess.run([binary] + list(args), capture_output=True, text=True, timeout=120)


def test_command_line():
    r = cli("serve", "--help")
    c.check(r.returncode == 0 and "--turn-seconds" in r.stdout and "docs/network.md" in r.stdout, "serve --help")
    r = cli("help", "serve")
    c.check(r.returncode == 0 and "--seats" in r.stdout, "chokepoint help serve")
    r = cli("--help")
    c.check("chokepoint serve" in r.stdout, "the command list names serve")
    r = cli("serve", "--scenario", "licensing-2025", "--port", "http")
    c.check(r.returncode == 2 and "--port: 'http' is not a whole number from 0 to 65535" in r.stderr,
            "a bad --port is named: %s" % r.stderr)
    # it once said "--agent ZZZ=none: no nation ZZZ in this scenario", a flag serve does not have
    r = cli("serve", "--scenario", "licensing-2025", "--seats", "USA,ZZZ", "--dir", os.path.join(folder, "x"))
    c.check(r.returncode == 1 and "--seats: the scenario has no nation 'ZZZ'" in r.stderr,
            "a seat the scenario lacks is named: %s" % r.stderr)
    r = cli("serve", "--scenario", "licensing-2025", "--seats", "USAA")
    c.check(r.returncode == 2 and "'USAA' is not an ISO3 code" in r.stderr, "a malformed --seats: %s" % r.stderr)
    r = cli("serve", "--seats", "USA")
    c.check(r.returncode == 2 and "--scenario" in r.stderr, "no scenario: %s" % r.stderr)
    r = cli("serve", "--scenario", "licensing-2025", "--bind", "127.0.0.1", "--port", str(srv.port),
            "--dir", os.path.join(folder, "y"))
    c.check(r.returncode == 1 and "cannot listen on 127.0.0.1:%d" % srv.port in r.stderr,
            "a port in use is refused with a message: %s" % r.stderr)
    # ::1 either listens (a CivetWeb with IPv6: the run is cut short) or is refused, saying why
    try:
        r = subprocess.run([binary, "serve", "--scenario", "licensing-2025", "--bind", "::1", "--port", "0",
                            "--dir", os.path.join(folder, "z")], capture_output=True, text=True, timeout=20)
        c.check(r.returncode == 1 and "--bind ::1: this system's CivetWeb was built without IPv6" in r.stderr,
                "--bind ::1 refused with the reason: %s" % r.stderr)
    except subprocess.TimeoutExpired as e:
        c.check(b"address: http://[::1]:" in (e.stdout or b""), "--bind ::1 listens: %s" % e.stdout)
    # the timer ends quarters without anyone ready; no seats: agents play every nation
    tsrv = Server(binary, ["--scenario", "licensing-2025", "--turns", "2", "--turn-seconds", "1"], folder=new_folder())
    c.check("note: no human seats" in tsrv.text(), "no human seats is said")
    c.check(tsrv.wait_exit() == 0 and tsrv.wait_line(r"^hash: [0-9a-f]{16}$"), "the timer plays the game to its end")
    remove(tsrv.folder)


for t in (test_join, test_orders, test_deals, test_teacher, test_hostile, test_reconnect, test_static,
          test_bot_and_seats, test_stalled, test_limit, test_command_line):
    before = c.failed
    try:
        t()
    except Exception as e:  # a hang or a crash is a failure of that test, the others still run
        c.check(False, "%s raised %r" % (t.__name__, e))
    print("%s %s" % ("FAIL" if c.failed > before else "ok  ", t.__name__), flush=True)

c.check(srv.alive(), "the server is still up after all of it")
srv.kill()
c.check(not [l for l in srv.err if "ERROR: AddressSanitizer" in l or "runtime error" in l],
        "no sanitizer reports: %s" % srv.err[-20:])

# --qr draws the address
qsrv = Server(binary, ["--scenario", "licensing-2025", "--seats", "USA", "--qr"], folder=new_folder())
rows = [l for l in qsrv.lines if "\u2588" in l]
c.check(len(rows) >= 10 and len(set(len(r) for r in rows)) == 1, "--qr draws a square of half blocks (%d rows)" % len(rows))
# and the drawing is a QR code of the address: back into modules (a half block is two rows of them,
# drawn = light), scaled up into a PBM image, read by zbarimg (zbar-tools)
modules = []
for row in rows:
    top, bottom = [], []
    for ch in row:
        top.append(0 if ch in "\u2588\u2580" else 1)     # 1 = dark
        bottom.append(0 if ch in "\u2588\u2584" else 1)
    modules += [top, bottom]
scale, pad = 6, 8
width = len(modules[0]) * scale + 2 * pad
pbm = os.path.join(qsrv.folder, "qr.pbm")
with open(pbm, "w") as f:
    f.write("P1\n%d %d\n" % (width, len(modules) * scale + 2 * pad))
    blank = "0 " * width + "\n"
    f.write(blank * pad)
    for line in modules:
        text = "0 " * pad + "".join(("%d " % v) * scale for v in line) + "0 " * pad + "\n"
        f.write(text * scale)
    f.write(blank * pad)
address = qsrv.wait_line(r"^address: (\S+)$").group(1)
try:
    z = subprocess.run(["zbarimg", "--raw", "-q", pbm], capture_output=True, text=True, timeout=60)
    c.check(z.stdout.strip() == address, "the QR code reads as the address %s: %r %r" % (address, z.stdout, z.stderr))
except FileNotFoundError:
    c.check(False, "zbarimg is missing: scripts/lib/deps.sh installs zbar-tools (CP_SERVER_TEST_PACKAGES)")
qsrv.kill()
remove(qsrv.folder)
remove(folder)
remove(web)
sys.exit(c.done())
