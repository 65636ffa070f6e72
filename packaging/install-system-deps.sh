#!/usr/bin/env bash
# Install the Debian/Ubuntu system libraries Qt needs: the offscreen platform (tests) needs GL,
# EGL, fontconfig and xkbcommon; a real window (xcb platform) needs the xcb libraries too.
# Usage: install-system-deps.sh [offscreen|window|xvfb]   (default: window)
# Installs only what is missing; as a non-root user it prints the command to run instead.
set -euo pipefail

offscreen=(libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0)
window=("${offscreen[@]}" libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
        libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1)
case "${1:-window}" in
  offscreen) wanted=("${offscreen[@]}") ;;
  window) wanted=("${window[@]}") ;;
  xvfb) wanted=("${window[@]}" xvfb xauth) ;;
  *) echo "usage: $0 [offscreen|window|xvfb]" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install Qt 6's xcb dependencies (libxcb-cursor, libxcb-icccm," \
       "libxcb-keysyms, libxkbcommon-x11, libEGL, libGL, fontconfig) with your package manager." >&2
  exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
  # On newer Debian/Ubuntu some libraries carry a t64 suffix; either name will do.
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" &&
     ! dpkg-query -W -f='${Status}' "${pkg}t64" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Qt needs these system packages, which are missing: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
echo "Installing system packages for Qt: ${missing[*]}"
apt-get -o DPkg::Lock::Timeout=300 update -qq
resolved=()
for pkg in "${missing[@]}"; do
  if apt-cache show "$pkg" >/dev/null 2>&1; then resolved+=("$pkg");
  elif apt-cache show "${pkg}t64" >/dev/null 2>&1; then resolved+=("${pkg}t64");
  else echo "warning: no package $pkg in this distribution's archive" >&2; fi
done
[ ${#resolved[@]} -eq 0 ] || apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${resolved[@]}"
