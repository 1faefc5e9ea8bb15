#!/bin/sh
# test_layers.sh -- the module graph runs one way: each file under src/ includes
# only its own folder or lower layers (and only their public headers), SDL stays
# in the window's drawing code, Lua in src/script, file IO, printing and exiting
# out of the core and base, quarters are played in one place, and every file
# says what it is for. The rules are those of issue 17 (its plan, section 8):
#
#   1. ranks: base 0 < core 1 < script 2 < session 3 < report 4 < ui/model 5 <
#      cli, ui/window, server 6. An #include "x.h" is resolved by its basename
#      to the one folder holding x.h (two headers of one name fail). A file may
#      not include a higher layer, a different rank-6 folder (no sideways
#      arrows), or a lower layer's header that is not public. (Until src/ui is
#      split into ui/model and ui/window, src/ui counts as a rank-6 folder of its
#      own and src/main.c as src/cli; both entries go with the split.)
#   2. <SDL...> only under src/ui/window/.
#   3. lua.h, lauxlib.h, lualib.h only under src/script/; script.h includes only
#      chokepoint.h and <std*.h>; a script header included from outside
#      src/script includes neither Lua nor the sandbox (sandbox.h, agent.h).
#   4. src/core and src/base call no IO, printing, exiting, clock or
#      environment function and name no FILE * (comments and strings aside);
#      test_symbols.sh checks the compiled archives the same way.
#   5. cp_world_advance( is called only in src/core/, src/session/game.c,
#      src/session/playback.c and src/session/made.c (the without-worlds a
#      game advances beside its own, docs/score.md): one place outside the
#      core plays a quarter.
#   6. every file opens with "/* name.c -- purpose" (its own name).
#
# Known violations, one a line, are listed in tests/layers/allowed.txt until
# the refactor removes them; a listed line that no longer occurs fails too, so
# the list only shrinks. Usage: test_layers.sh SOURCE_DIR [ALLOWED_FILE]
# Exit 0 when every rule holds, 1 otherwise (each breach named).
root=${1:-.}
cd "$root" || exit 2
allowed=${2:-tests/layers/allowed.txt}
[ -f "$allowed" ] || allowed=/dev/null
[ -d src ] || { echo "test_layers.sh: no src/ under $root"; exit 2; }

hdrs=$(mktemp) || exit 2
trap 'rm -f "$hdrs"' EXIT INT TERM
find src -name '*.h' | LC_ALL=C sort > "$hdrs"
# shellcheck disable=SC2046 # file names under src/ have no spaces (rule 6 names them)
LC_ALL=C awk -v hdrs="$hdrs" -v allowed="$allowed" -v sq="'" '
# ---- the ranks (issue 17), keyed by folder under src/ ---------------------------
BEGIN {
    rank["base"] = 0; rank["core"] = 1; rank["script"] = 2; rank["session"] = 3
    rank["report"] = 4; rank["ui/model"] = 5
    rank["cli"] = 6; rank["ui/window"] = 6; rank["server"] = 6
    # today, until U1 splits it into ui/model and ui/window: the window folder
    rank["ui"] = 6

    while ((getline h < hdrs) > 0) {
        b = base(h)
        if (b in hdrpath)
            viol("header " b " is in two folders: " hdrpath[b] " and " h, \
                 "an include is resolved by its basename alone")
        else
            hdrpath[b] = h
    }
    close(hdrs)
    nallowed = 0
    while ((getline line < allowed) > 0) {
        nallowedline++
        if (line ~ /^[ \t]*(#|$)/)
            continue
        if (line in allowline) {
            problems++
            print "FAIL " allowed ":" nallowedline ": listed twice: " line
        }
        allowline[line] = nallowedline
        nallowed++
    }
    close(allowed)
}

function base(p) { sub(/.*\//, "", p); return p }

# The folder (a key of rank[]) a file under src/ belongs to: the longest
# ranked folder that holds it; "" when none does.
function layer_of(p,   d) {
    if (p == "src/main.c")
        return "cli" # moves to src/cli/main.c (issue 17)
    d = p
    sub(/\/[^\/]*$/, "", d)
    sub(/^src\/?/, "", d)
    while (d != "") {
        if (d in rank)
            return d
        if (d !~ /\//)
            break
        sub(/\/[^\/]*$/, "", d)
    }
    return ""
}

# Whether header b (basename) of layer l may be included from a higher layer.
function public(l, b) {
    if (l == "base" || l == "ui/model")
        return 1
    if (l == "core")
        return b == "chokepoint.h"
    if (l == "script")
        return b == "script.h"
    if (l == "session")
        return b == "session.h" || b == "batch.h"
    if (l == "report")
        return b != "report_internal.h"
    return 0
}

# One breach: "key" is what allowed.txt lists; "why" is printed with it.
function viol(key, why) {
    if (key in seen)
        return
    seen[key] = 1
    if (key in allowline) {
        known++
        return
    }
    problems++
    print "FAIL " key " -- " why
}

# The line without comments and the contents of string and character
# literals (block comments may span lines: in_comment carries over).
function strip(s,   out, i, n, c, q) {
    if (!in_comment && index(s, "/") == 0 && index(s, "\"") == 0 && index(s, sq) == 0)
        return s
    out = ""
    n = length(s)
    i = 1
    while (i <= n) {
        c = substr(s, i, 1)
        if (in_comment) {
            if (c == "*" && substr(s, i + 1, 1) == "/") {
                in_comment = 0
                i += 2
                out = out " "
            } else {
                i++
            }
            continue
        }
        if (c == "/" && substr(s, i + 1, 1) == "*") {
            in_comment = 1
            i += 2
            continue
        }
        if (c == "/" && substr(s, i + 1, 1) == "/")
            break
        if (c == "\"" || c == sq) {
            q = c
            i++
            while (i <= n) {
                c = substr(s, i, 1)
                if (c == "\\") {
                    i += 2
                    continue
                }
                i++
                if (c == q)
                    break
            }
            out = out q q
            continue
        }
        out = out c
        i++
    }
    return out
}

FNR == 1 {
    in_comment = 0
    nfiles++
    file = FILENAME
    flayer[file] = layer_of(file)
    if (flayer[file] == "")
        viol(file " has no rank", "its folder is not in the rank table of test_layers.sh")
    # rule 6
    b = base(file)
    want = "/* " b " -- "
    if (substr($0, 1, length(want)) != want)
        viol(file " does not open with " sq "/* " b " -- purpose" sq, "every file says why it exists")
}

# the includes, kept for END (where every file is known)
/^[ \t]*#[ \t]*include[ \t]*[<"]/ && !in_comment {
    t = $0
    sub(/^[ \t]*#[ \t]*include[ \t]*/, "", t)
    q = substr(t, 1, 1)
    t = substr(t, 2)
    sub(/[>"].*/, "", t)
    ninc++
    incfile[ninc] = file
    inctarget[ninc] = t
    incquoted[ninc] = (q == "\"")
}

{
    code = strip($0)
    # rule 4: no IO, printing, exiting, clock or environment in the core and base
    # (the file_*.c of base are the one way the program has to read and write whole files: they may do
    # file IO, never print, exit or read the clock; the core calls none of them)
    if (flayer[file] == "core" || flayer[file] == "base") {
        files = (flayer[file] == "base" && base(file) ~ /^file_/)
        rest = code
        while (match(rest, /(^|[^A-Za-z0-9_])(fopen|freopen|fread|fwrite|fprintf|printf|puts|fputs|putchar|perror|remove|rename|unlink|mkdir|opendir|stat|open|exit|abort|getenv|system|time)[ \t]*\(/)) {
            name = substr(rest, RSTART, RLENGTH)
            sub(/^[^A-Za-z_]/, "", name)
            sub(/[ \t]*\($/, "", name)
            if (!(files && name ~ /^(fopen|fread|fwrite|remove|rename|unlink|mkdir|opendir|stat|open)$/))
                viol(file " calls " name, "the " flayer[file] " does no IO, never prints, exits or reads the clock")
            rest = substr(rest, RSTART + RLENGTH)
        }
        if (!files && code ~ /(^|[^A-Za-z0-9_])FILE[ \t]*\*/)
            viol(file " uses FILE *", "the " flayer[file] " does no file IO")
        if (flayer[file] == "core" && code ~ /(^|[^A-Za-z0-9_])file_[a-z_]*[ \t]*\(/)
            viol(file " calls the file IO of base", "the core does no IO")
    }
    # rule 5: one place outside the core plays a quarter
    if (code ~ /(^|[^A-Za-z0-9_])cp_world_advance[ \t]*\(/ && flayer[file] != "core" && \
        file != "src/session/game.c" && file != "src/session/playback.c" && \
        file != "src/session/made.c")
        viol(file " calls cp_world_advance", \
             "only src/core, src/session/game.c, playback.c and made.c advance the world")
}

END {
    # which script headers the rest of the program includes
    for (k = 1; k <= ninc; k++)
        if (incquoted[k] && (base(inctarget[k]) in hdrpath)) {
            hp = hdrpath[base(inctarget[k])]
            if (flayer[hp] == "script" && flayer[incfile[k]] != "script")
                used_outside[hp] = 1
        }
    for (k = 1; k <= ninc; k++) {
        f = incfile[k]
        t = inctarget[k]
        b = base(t)
        lf = flayer[f]
        shown = incquoted[k] ? "\"" t "\"" : "<" t ">"
        # rule 1
        if (incquoted[k] && (b in hdrpath) && lf != "") {
            hp = hdrpath[b]
            lh = flayer[hp]
            if (lh != "" && lh != lf) {
                key = f " includes " hp
                if (rank[lh] > rank[lf])
                    viol(key, "a rank-" rank[lf] " file (" lf ") includes a rank-" rank[lh] " header (" lh ")")
                else if (rank[lh] == 6 && rank[lf] == 6)
                    viol(key, "no includes sideways between the rank-6 folders (" lf " -> " lh ")")
                else if (rank[lh] < rank[lf] && !public(lh, b))
                    viol(key, b " is not one of the public headers of " lh)
            }
        }
        # rule 2
        if (t ~ /^(SDL2\/)?SDL/ && lf != "ui/window")
            viol(f " includes " shown, "only src/ui/window includes SDL")
        # rule 3
        if (b ~ /^(lua|lauxlib|lualib)\.h$/ && lf != "script")
            viol(f " includes " shown, "only src/script includes Lua")
        if (f == "src/script/script.h" && \
            !(incquoted[k] ? b == "chokepoint.h" : t ~ /^std[a-z0-9_]*\.h$/))
            viol(f " includes " shown, "script.h includes only chokepoint.h and <std*.h>")
        if ((f in used_outside) && b ~ /^(lua|lauxlib|lualib|sandbox|agent)\.h$/)
            viol(f " includes " shown, \
                 "a script header that other layers include stays free of Lua and the sandbox")
    }
    for (line in allowline)
        if (!(line in seen)) {
            problems++
            print "FAIL " allowed ":" allowline[line] " lists a violation that no longer occurs " \
                  "(delete the line): " line
        }
    if (nfiles < 10 || ninc < 10) {
        print "FAIL only " nfiles " files and " ninc " includes under src/: wrong SOURCE_DIR?"
        problems++
    }
    if (problems) {
        print problems " problem(s); " known + 0 " known violation(s) listed in " allowed
        exit 1
    }
    print "layers hold: " nfiles " files, " ninc " includes; " known " known violation(s) listed in " allowed
}
' $(find src -name '*.[ch]' | LC_ALL=C sort)
