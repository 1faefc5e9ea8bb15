# test_game.py -- whole class games on loopback: three human seats played by the test to the end,
# the server's final hash checked against `chokepoint replay` of its own recording; then the same
# game with the server killed (-9) mid-game and restarted with --load of its newest autosave, the
# students rejoining with the same codes: it must end with the same hash as the unbroken game.
# Usage: test_game.py CHOKEPOINT
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from srvlib import Checks, Client, Server, new_folder, remove  # noqa: E402

binary = os.path.abspath(sys.argv[1])
c = Checks()
SEATS = ["USA", "JPN", "DEU"]
TURNS = 5
ARGS = ["--scenario", "licensing-2025", "--seats", ",".join(SEATS), "--turns", str(TURNS), "--seed", "7"]


def orders_for(seat, turn):
    """What each student does in quarter 'turn': the same in every run."""
    if seat == "USA":
        return {"kind": "set_tariff", "good": "magnet", "partner": "CHN", "amount": 0.05 * (turn + 1)}
    if seat == "JPN":
        return {"kind": "buy_stockpile", "good": "magnet", "amount": 10 + turn}
    return {"kind": "set_subsidy", "facility_kind": "magnet_plant", "amount": 0.1}


def join(srv):
    return {seat: Client(srv, srv.codes[seat], name="student " + seat) for seat in SEATS}


def play_quarter(clients, turn):
    """Every seat orders (one after another, so that the queue's order is the same in every run),
    then all say ready; returns the `quarter` message."""
    for seat in SEATS:
        r = clients[seat].ask({"type": "order", "order": orders_for(seat, turn)}, "order_result")
        c.check(r.get("ok") is True, "%s's order in quarter %d: %s" % (seat, turn, r))
    for seat in SEATS:
        clients[seat].send({"type": "ready", "ready": True})
    q = [clients[s].expect("quarter", turn=turn + 1) for s in SEATS]
    return q[0]


def finish(srv, clients, start):
    for t in range(start, TURNS):
        play_quarter(clients, t)
    over = [clients[s].expect("over") for s in SEATS]
    code = srv.wait_exit()
    line = srv.wait_line(r"^hash: ([0-9a-f]{16})$").group(1)
    c.check(code == 0, "the server exits 0 after the last quarter (%s)" % code)
    c.check(all(o["hash"] == line and o["turn"] == TURNS for o in over),
            "every client's `over` has the printed hash %s: %s" % (line, over))
    return line


# ---- an unbroken game, checked against its recording ----------------------------------------------
f1 = new_folder()
srv = Server(binary, ARGS, folder=f1)
clients = join(srv)
s = clients["USA"].expect("state")
c.check(s["turn"] == 0 and s["last_turn"] == TURNS, "the game starts at turn 0 of %d" % TURNS)
h1 = finish(srv, clients, 0)
out = subprocess.run([binary, "replay", os.path.join(f1, "game.cprep")], capture_output=True, text=True)
m = re.search(r"identical \(hash ([0-9a-f]{16})\)", out.stdout)
c.check(out.returncode == 0 and m and m.group(1) == h1,
        "`chokepoint replay` of the server's recording ends with its hash %s: %s %s" % (h1, out.stdout, out.stderr))
c.check(len(glob.glob(os.path.join(f1, "autosave-*.cpsave"))) >= 1, "autosaves were written")

# ---- the same game, the server killed mid-game and resumed ------------------------------------------
f2 = new_folder()
srv = Server(binary, ARGS, folder=f2)
codes = dict(srv.codes)
clients = join(srv)
for t in range(3):
    play_quarter(clients, t)
srv.wait_line(r"^quarter: 3 ")
srv.kill()  # SIGKILL: no chance to save anything more
for cl in clients.values():
    cl.close()
saves = sorted(glob.glob(os.path.join(f2, "autosave-*.cpsave")))
c.check(len(saves) >= 1 and saves[-1].endswith("t0003.cpsave"), "the newest autosave is quarter 3's: %s" % saves)
srv = Server(binary, ["--load", saves[-1]], folder=f2)
c.check(srv.codes == codes, "the restarted server keeps the codes: %s vs %s" % (srv.codes, codes))
clients = join(srv)
s = clients["JPN"].expect("state")
c.check(s["turn"] == 3, "the students rejoin at quarter 3 (%d)" % s["turn"])
h2 = finish(srv, clients, 3)
c.check(h2 == h1, "the resumed game ends with the unbroken game's hash: %s vs %s" % (h2, h1))
out = subprocess.run([binary, "replay", os.path.join(f2, "game-from-3.cprep")], capture_output=True, text=True)
c.check(out.returncode == 0 and ("hash %s" % h1) in out.stdout,
        "the resumed part's recording replays to the same hash: %s %s" % (out.stdout, out.stderr))
for f in (f1, f2):
    remove(f)
sys.exit(c.done())
