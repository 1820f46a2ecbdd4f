#!/usr/bin/env bash
# Install the Debian packages Support Console needs, only the ones missing.
#   scripts/system-deps.sh run    what the window needs (Qt's X11 libraries, gpg, ssh client, python venv)
#   scripts/system-deps.sh test   plus what the test suite runs for real (Xvfb, sshd, puttygen, PostgreSQL)
# On other systems (or without apt) it only says what is missing.
set -euo pipefail
what=${1:-run}

run_pkgs=(python3-venv libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
          libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
          libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libx11-xcb1 gnupg openssh-client
          fonts-noto-cjk)  # Japanese return addresses and Traditional Chinese text
test_pkgs=(xvfb xauth openssh-server putty-tools postgresql)

pkgs=("${run_pkgs[@]}")
[ "$what" = "test" ] && pkgs+=("${test_pkgs[@]}")

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: not a Debian-like system; make sure gpg, ssh (and for tests Xvfb, sshd, puttygen, PostgreSQL) are installed." >&2
  exit 0
fi

missing=()
for p in "${pkgs[@]}"; do
  # python3-venv only matters when the python3 in use cannot make a venv by itself.
  if [ "$p" = python3-venv ] && python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then continue; fi
  # PostgreSQL server binaries may come from elsewhere (on PATH or under /usr/lib/postgresql).
  if [ "$p" = postgresql ] && { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }; then continue; fi
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in *"install ok installed"*) ;; *) missing+=("$p") ;; esac
done

[ ${#missing[@]} -eq 0 ] && exit 0
echo "system-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "system-deps: missing ${missing[*]}; run as root or install them with apt-get" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
