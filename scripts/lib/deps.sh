# deps.sh -- make sure Debian packages are installed (sourced by play.sh and
# test.sh). As root it installs what is missing with apt-get; otherwise it
# prints the exact command to run and stops.

# need_packages PKG...: install the packages that are not installed yet.
need_packages() {
  local missing=()
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Chokepoint needs these Debian packages. Please run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

# The packages a build of the game needs.
# (libcivetweb-dev, libcjson-dev, libqrencode-dev: `chokepoint serve`, the class server)
CP_BUILD_PACKAGES=(build-essential cmake pkg-config liblua5.4-dev libsdl2-dev libsdl2-ttf-dev
                   libstb-dev fonts-dejavu-core libcivetweb-dev libcjson-dev libqrencode-dev)

# The window's end-to-end and monkey tests: a virtual X screen, xdotool, and XTest for the
# monkey's driver (tests/ui/monkey/).
CP_WINDOW_TEST_PACKAGES=(xvfb xdotool xauth libxtst-dev)

# The command-line tests' checkers: python3 reads `chokepoint replay --json` lines back
# (tests/cli/test_sim_cli.sh).
CP_CLI_TEST_PACKAGES=(python3)

# The fuzz harnesses (scripts/fuzz.sh): clang and its runtimes (libFuzzer, ASan).
CP_FUZZ_PACKAGES=(clang libclang-rt-dev)

# Installing and packaging (tests/install/): lintian and dpkg-shlibdeps on the package
# CPack builds, appstreamcli on its metainfo, pandas reading every CSV kind.
CP_PACKAGE_TEST_PACKAGES=(lintian dpkg-dev appstream python3-pandas)

# The class server's protocol tests (tests/server/): a WebSocket client for Python, and zbarimg
# to read back the QR code the server draws in the terminal.
CP_SERVER_TEST_PACKAGES=(python3 python3-websocket zbar-tools)

# The student's page in a real browser (tests/web/): headless Chromium, its WebDriver and Debian's
# Selenium bindings for the system Python (and a WebSocket client that plays the teacher).
CP_WEB_TEST_PACKAGES=(chromium chromium-driver python3-selenium python3-websocket)
