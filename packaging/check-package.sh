#!/usr/bin/env bash
# Check the PyInstaller build in dist/annotator (make package-check; Linux):
# - the bundle holds resources/, seeds/, the Amiri fonts and Qt's xcb and offscreen platform plugins,
#   and the libraries those plugins need resolve;
# - `annotator --version` prints the version;
# - `annotator gui --screenshot` on the demo project, with an empty HOME/XDG_DATA_HOME so the demo
#   project is built fresh from the bundled seeds, writes a real screenshot (offscreen, and with the
#   xcb plugin under Xvfb when xvfb-run is installed);
# - install.sh installs the menu entry, icons and ~/.local/bin/annotator for a fresh user (and
#   --uninstall removes them); the desktop entry and AppStream metadata, as they are in packaging/
#   and as installed, validate (when desktop-file-validate/appstreamcli exist).
# Usage: check-package.sh [DIST_DIR] [PYTHON]   (defaults: dist/annotator, .venv/bin/python)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=$(realpath "${1:-$ROOT/dist/annotator}")
PY=${2:-$ROOT/.venv/bin/python}   # any Python with PySide6, to look at the screenshot
BIN=$DIST/annotator
INTERNAL=$DIST/_internal
APP_ID=io.github.annotator.Annotator
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/annotator/__init__.py")
failures=0
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

[ -x "$BIN" ] || { echo "FAIL: no $BIN: run make package first" >&2; exit 1; }
echo "== $DIST ($(du -sh "$DIST" | cut -f1))"

for path in annotator/_resources/label_scheme.json \
            "annotator/_resources/icons/hicolor/scalable/apps/$APP_ID.svg" \
            fontpkg_amiri/files/Amiri-Regular.ttf fontpkg_amiri/LICENSE \
            PySide6/Qt/plugins/platforms/libqxcb.so PySide6/Qt/plugins/platforms/libqoffscreen.so; do
  if [ -e "$INTERNAL/$path" ]; then ok "bundled $path"; else fail "missing from the bundle: $path"; fi
done
seeds=("$INTERNAL"/annotator/_seeds/*.txt)
if [ -e "${seeds[0]}" ]; then ok "bundled ${#seeds[@]} seed text(s)"; else fail "no seed texts in annotator/_seeds"; fi

# Libraries of the binary and the platform plugins the app needs: bundled, or on this system.
for lib in "$BIN" "$INTERNAL"/PySide6/Qt/plugins/platforms/libq{xcb,offscreen}.so; do
  missing=$(LD_LIBRARY_PATH="$INTERNAL" ldd "$lib" 2>/dev/null | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')
  if [ -z "$missing" ]; then ok "libraries of ${lib#"$DIST"/} resolve"; else fail "${lib#"$DIST"/} needs missing $missing"; fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A fresh user: no demo project yet, no settings. env -i also keeps the venv and checkout out of it.
run() {
  env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" \
    XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime" "$@"
}
mkdir -p "$tmp/home" "$tmp/runtime" && chmod 700 "$tmp/runtime"

out=$(cd "$tmp" && run "$BIN" --version 2>&1) || true
if [ "$out" = "annotator, version $version" ]; then ok "annotator --version: $out"; else fail "annotator --version printed: $out"; fi

start=$(date +%s%N)
status=0
(cd "$tmp" && run QT_QPA_PLATFORM=offscreen "$BIN" gui --screenshot "$tmp/demo.png" >"$tmp/gui.log" 2>&1) || status=$?
if [ "$status" -eq 0 ]; then
  ok "annotator gui --screenshot (offscreen, demo project) in $(( ($(date +%s%N) - start) / 1000000 )) ms"
else
  fail "annotator gui --screenshot exited with $status: $(cat "$tmp/gui.log")"
fi
if [ -f "$tmp/data/annotator/demo.annotator.db" ]; then ok "demo project built in XDG_DATA_HOME"; else fail "no demo project in $tmp/data/annotator"; fi
"$PY" "$ROOT/packaging/check_screenshot.py" "$tmp/demo.png" || failures=$((failures + 1))

if command -v xvfb-run >/dev/null 2>&1; then
  # QT_QPA_PLATFORM=xcb overrides the screenshot's offscreen default: this loads the xcb plugin.
  if (cd "$tmp" && run QT_QPA_PLATFORM=xcb xvfb-run -a "$BIN" gui --screenshot "$tmp/xcb.png" >"$tmp/xcb.log" 2>&1); then
    ok "annotator gui --screenshot with the xcb platform under Xvfb"
    "$PY" "$ROOT/packaging/check_screenshot.py" "$tmp/xcb.png" || failures=$((failures + 1))
  else
    fail "annotator gui --screenshot under Xvfb (xcb): $(cat "$tmp/xcb.log")"
  fi
else
  echo "skip: the xcb platform check (no xvfb-run: bash packaging/install-system-deps.sh xvfb)"
fi

# install.sh (README, Install (users)) into a fresh user's data folder laid out like /usr/share,
# then the installed desktop entry (with its absolute Exec=), metainfo and icons are validated.
share=$tmp/tree/usr/share
if run XDG_DATA_HOME="$share" sh "$DIST/install.sh" >"$tmp/install.log" 2>&1; then
  ok "install.sh: $(head -1 "$tmp/install.log")"
else
  fail "install.sh: $(cat "$tmp/install.log")"
fi
for path in "applications/$APP_ID.desktop" "metainfo/$APP_ID.metainfo.xml" \
            "icons/hicolor/48x48/apps/$APP_ID.png" "icons/hicolor/scalable/apps/$APP_ID.svg"; do
  [ -f "$share/$path" ] || fail "install.sh did not install $path"
done
if grep -qx "Exec=\"$DIST/annotator\" %f" "$share/applications/$APP_ID.desktop"; then
  ok "installed desktop entry runs $DIST/annotator"
else
  fail "installed desktop entry: $(grep ^Exec= "$share/applications/$APP_ID.desktop")"
fi
out=$(run "$tmp/home/.local/bin/annotator" --version 2>&1) || true
if [ "$out" = "annotator, version $version" ]; then ok "~/.local/bin/annotator (a symlink) runs"; else fail "~/.local/bin/annotator --version: $out"; fi

if command -v desktop-file-validate >/dev/null 2>&1; then
  if desktop-file-validate "$ROOT/packaging/$APP_ID.desktop" && desktop-file-validate "$share/applications/$APP_ID.desktop"; then
    ok "desktop-file-validate: packaging/$APP_ID.desktop and the installed one"
  else
    fail "desktop-file-validate $APP_ID.desktop"
  fi
else
  echo "skip: desktop-file-validate (apt-get install desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null 2>&1; then
  if appstreamcli validate --no-net "$ROOT/packaging/$APP_ID.metainfo.xml" >"$tmp/as.log" 2>&1 &&
     appstreamcli validate-tree --no-net "$tmp/tree" >>"$tmp/as.log" 2>&1; then
    ok "appstreamcli validate, and validate-tree of the installed files"
  else
    fail "appstreamcli: $(cat "$tmp/as.log")"
  fi
else
  echo "skip: appstreamcli validate (apt-get install appstream)"
fi

if run XDG_DATA_HOME="$share" sh "$DIST/install.sh" --uninstall >"$tmp/install.log" 2>&1 &&
   [ ! -e "$share/applications/$APP_ID.desktop" ] && [ ! -e "$share/icons/hicolor/48x48/apps/$APP_ID.png" ] &&
   [ ! -e "$tmp/home/.local/bin/annotator" ]; then
  ok "install.sh --uninstall removed them"
else
  fail "install.sh --uninstall: $(cat "$tmp/install.log"); left: $(find "$share" "$tmp/home/.local/bin" -name "$APP_ID*" -o -name annotator)"
fi

if [ "$failures" -ne 0 ]; then echo "package-check: $failures failure(s)" >&2; exit 1; fi
echo "package-check: all checks passed"
