#!/bin/sh
# Install the unpacked annotator folder for the current user (no root needed): the desktop menu
# entry, its icon, and the `annotator` command in ~/.local/bin. The folder stays where it is, so
# unpack it where it is to live first (e.g. ~/.local/opt/annotator). Run it again after moving the
# folder; `install.sh --uninstall` removes what it added (not your projects).
# (The PyInstaller build copies this file to dist/annotator/install.sh.)
set -eu
APP_ID=io.github.annotator.Annotator
here=$(cd "$(dirname "$0")" && pwd -P)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin

refresh() {
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$data/applications" || true; fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true; fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/$APP_ID.desktop" "$data/metainfo/$APP_ID.metainfo.xml"
  rm -f "$data"/icons/hicolor/*/apps/"$APP_ID".png "$data/icons/hicolor/scalable/apps/$APP_ID.svg"
  if [ -L "$bin/annotator" ] && [ "$(readlink "$bin/annotator")" = "$here/annotator" ]; then rm -f "$bin/annotator"; fi
  refresh
  echo "Removed the annotator menu entry, icon and command (your projects are untouched)."
  exit 0
fi
if [ $# -ne 0 ]; then
  echo "usage: $0 [--uninstall]" >&2
  exit 2
fi

case $here in  # characters the desktop entry's Exec= (or the sed below) would need escaped
  *[\"\`\$\\%\|\&]*) printf 'Move the folder to a path without any of " ` $ \\ %% | &: %s\n' "$here" >&2; exit 1 ;;
esac
[ -x "$here/annotator" ] || { echo "No annotator program in $here" >&2; exit 1; }

mkdir -p "$data/applications" "$data/metainfo" "$data/icons" "$bin"
# The menu entry runs this folder's program by its full path (the session PATH may lack ~/.local/bin).
sed -e "s|^Exec=.*|Exec=\"$here/annotator\" %f|" -e "s|^TryExec=.*|TryExec=$here/annotator|" \
  "$here/share/applications/$APP_ID.desktop" > "$data/applications/$APP_ID.desktop"
cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$data/metainfo/"
cp -R "$here/share/icons/hicolor" "$data/icons/"
ln -sfn "$here/annotator" "$bin/annotator"
refresh
echo "Installed: the Annotator menu entry, its icon, and $bin/annotator -> $here/annotator"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "Note: $bin is not on your PATH; the menu entry works, for the command add it to PATH." ;;
esac
