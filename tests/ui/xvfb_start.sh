# xvfb_start.sh -- a virtual X screen and the game's window on it, for the
# window's end-to-end tests. Sourced (POSIX sh); uses the caller's fail() and
# $bin, and writes xvfb.log, game.out and game.err in the current directory.
#   xvfb_start FIRST LAST [WxH]: the first display number in FIRST..LAST whose
#     lock file is free gets an Xvfb of WxH pixels (default 1280x800;
#     $xvfb_pid). -noreset keeps the server up when the readiness probe
#     disconnects, so the game never meets a server that is resetting.
#   game_window ARGS...: start `chokepoint play ARGS` ($game_pid) and wait for
#     its window ($win) with the game's title, then focus it.
xvfb_start() {
    d=$1
    while [ -e "/tmp/.X$d-lock" ] && [ "$d" -lt "$2" ]; do d=$((d + 1)); done
    Xvfb ":$d" -screen 0 "${3:-1280x800}x24" -nolisten tcp -noreset > xvfb.log 2>&1 &
    xvfb_pid=$!
    DISPLAY=":$d"
    export DISPLAY
    i=0
    until xdotool getmouselocation > /dev/null 2>&1; do
        i=$((i + 1))
        [ $i -gt 50 ] && fail "Xvfb did not start on $DISPLAY: $(cat xvfb.log)"
        kill -0 "$xvfb_pid" 2> /dev/null || fail "Xvfb exited: $(cat xvfb.log)"
        sleep 0.1
    done
}

game_window() {
    # leak checks see the X and GL libraries' allocations: off for the window
    ASAN_OPTIONS=detect_leaks=0 SDL_VIDEODRIVER=x11 "$bin" play "$@" > game.out 2> game.err &
    game_pid=$!
    win=
    i=0
    while [ -z "$win" ]; do
        # "Chokepoint - <scenario> ...": the title the game sets once its renderer is made,
        # as SDL may put a new window in place of its first while it makes it
        win=$(xdotool search --onlyvisible --name '^Chokepoint - ' 2> /dev/null | head -n 1)
        i=$((i + 1))
        [ $i -gt 300 ] && fail "no window titled Chokepoint after 30 s"
        kill -0 "$game_pid" 2> /dev/null || fail "the game exited before opening its window"
        [ -z "$win" ] && sleep 0.1
    done
    xdotool windowfocus --sync "$win" 2> /dev/null || xdotool windowfocus "$win"
}
