#!/usr/bin/python3
"""teacher.py -- the teacher's connection in the class tests (tests/net/test_class.sh): joins
with the teacher's code over WebSocket (python3-websocket, a Debian package), checks that the
welcome says "teacher", reads every message until the game's `over` (or the server closes),
and prints one line: "teacher: welcome=1 states=N classes=N over=HASH". Rejoins after a drop
(the server restarted) for up to 60 s. Usage: teacher.py URL CODE
"""
import json
import sys
import time

import websocket


def main():
    url, code = sys.argv[1], sys.argv[2]
    ws_url = url.replace("http://", "ws://").rstrip("/") + "/ws"
    welcome = states = classes = 0
    over = ""
    deadline = None
    while not over:
        try:
            ws = websocket.create_connection(ws_url, timeout=600)
        except OSError as e:
            if deadline is None:
                deadline = time.time() + 60
            if time.time() > deadline:
                print("teacher: cannot reach %s: %s" % (ws_url, e))
                return 1
            time.sleep(0.2)
            continue
        deadline = None
        ws.send(json.dumps({"type": "hello", "v": 1, "code": code, "name": "Teacher",
                            "client": "page"}))
        try:
            while True:
                m = json.loads(ws.recv())
                t = m.get("type")
                if t == "welcome":
                    if m.get("role") != "teacher":
                        print("teacher: welcomed as %r" % m.get("role"))
                        return 1
                    welcome = 1
                elif t == "state":
                    states += 1
                elif t == "class":
                    classes += 1
                elif t == "over":
                    over = m.get("hash", "?")
                    break
                elif t == "error":
                    print("teacher: error %s: %s" % (m.get("code"), m.get("message")))
        except (websocket.WebSocketException, OSError, ValueError):
            pass
        try:
            ws.close()
        except (websocket.WebSocketException, OSError):
            pass
    print("teacher: welcome=%d states=%d classes=%d over=%s" % (welcome, states, classes, over))
    return 0


if __name__ == "__main__":
    sys.exit(main())
