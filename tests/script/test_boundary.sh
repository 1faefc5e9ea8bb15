#!/bin/sh
# test_boundary.sh -- the Lua host's boundaries: only src/script includes Lua, it includes nothing from the core but chokepoint.h, and its public headers stay free of Lua.
root=${1:-.}
fail=0

bad=$(grep -rlE '#include *[<"](lua|lauxlib|lualib)\.h[>"]' "$root/src" | grep -v "^$root/src/script/")
if [ -n "$bad" ]; then
    echo "Lua headers included outside src/script: $bad"
    fail=1
fi

bad=$(grep -rnE '#include *"[^"]*(world_internal|rng)\.h"' "$root/src/script")
if [ -n "$bad" ]; then
    echo "src/script includes the core's internals: $bad"
    fail=1
fi

# the headers the rest of the program includes: script.h and what it pulls in
for h in script.h seats.h scenario_load.h; do
    if grep -qE '#include *[<"](lua|lauxlib|lualib|sandbox|agent)\.h[>"]' "$root/src/script/$h"; then
        echo "src/script/$h must not include Lua or the sandbox"
        fail=1
    fi
done

# every source file opens with a one-line purpose comment
for f in "$root"/src/script/*.c "$root"/src/script/*.h; do
    if ! head -n 1 "$f" | grep -qE '^/\* [a-z_]+\.[ch] -- '; then
        echo "$f: the first line should be '/* name.c -- purpose'"
        fail=1
    fi
done

[ $fail -eq 0 ] && echo "boundaries hold"
exit $fail
