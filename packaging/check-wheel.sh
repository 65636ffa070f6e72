#!/usr/bin/env bash
# Check the wheel and sdist built by `make wheel` (make wheel-check):
# - the wheel holds resources/ and seeds/ as annotator/_resources and annotator/_seeds, the sdist
#   holds resources/, seeds/ and packaging/;
# - in a fresh venv (outside the checkout, with an empty HOME/XDG_DATA_HOME), `pip install` of the
#   wheel gives an `annotator` that runs --version, init, import of the packaged seed, check, and
#   `gui --screenshot` offscreen on that project and on the demo project built from the packaged seeds.
# Usage: check-wheel.sh WHEEL SDIST   (needs network access or a pip cache for the dependencies)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WHEEL=$(realpath "$1")
SDIST=$(realpath "$2")
PYTHON=${PYTHON:-python3}
failures=0
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

echo "== $(basename "$WHEEL") ($(du -h "$WHEEL" | cut -f1)), $(basename "$SDIST") ($(du -h "$SDIST" | cut -f1))"
# Every file of resources/ and seeds/ (as git or the folder has it) must be in both archives.
"$PYTHON" - "$ROOT" "$WHEEL" "$SDIST" <<'EOF' || failures=$((failures + 1))
import sys, tarfile, zipfile
from pathlib import Path

root, wheel, sdist = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
in_wheel = set(zipfile.ZipFile(wheel).namelist())
with tarfile.open(sdist) as tar:
    in_sdist = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
missing = []
for folder, packaged in (("resources", "annotator/_resources"), ("seeds", "annotator/_seeds")):
    files = [p.relative_to(root / folder).as_posix() for p in (root / folder).rglob("*") if p.is_file()]
    missing += [f"wheel: {packaged}/{f}" for f in files if f"{packaged}/{f}" not in in_wheel]
    missing += [f"sdist: {folder}/{f}" for f in files if f"{folder}/{f}" not in in_sdist]
missing += [f"sdist: {f}" for f in ("packaging/annotator.spec", "pyproject.toml", "Makefile") if f not in in_sdist]
strays = sorted(n for n in in_wheel if not n.startswith(("annotator/", "annotator-")))
for problem in missing:
    print(f"FAIL: missing from the {problem}", file=sys.stderr)
for stray in strays:
    print(f"FAIL: outside the package in the wheel: {stray}", file=sys.stderr)
if missing or strays:
    sys.exit(1)
print(f"ok: resources/ and seeds/ are in the wheel (annotator/_resources, annotator/_seeds) and the sdist")
EOF

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/runtime" && chmod 700 "$tmp/runtime"
start=$(date +%s)
"$PYTHON" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$WHEEL"
ok "pip install $(basename "$WHEEL") into a fresh venv in $(( $(date +%s) - start ))s"

# Outside the checkout, as a fresh user: nothing of the checkout can be picked up.
cd "$tmp"
run() {
  env -i PATH="$tmp/venv/bin:/usr/bin:/bin" LANG=C.UTF-8 HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" \
    XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime" \
    QT_QPA_PLATFORM=offscreen "$@"
}
step() {  # step DESCRIPTION COMMAND...: run it, show its output on failure
  local what=$1
  shift
  if run "$@" >"$tmp/step.log" 2>&1; then ok "$what"; else fail "$what: $(cat "$tmp/step.log")"; fi
}

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/annotator/__init__.py")
out=$(run annotator --version 2>&1) || true
if [ "$out" = "annotator, version $version" ]; then ok "annotator --version: $out"; else fail "annotator --version printed: $out"; fi

seeds=$(run python -c 'from annotator.resources import seeds_dir; print(seeds_dir())')
case $seeds in
  "$tmp/venv/"*/annotator/_seeds) ok "seeds from the installed package: ${seeds#"$tmp"/}" ;;
  *) fail "seeds_dir() is $seeds, not the installed package's annotator/_seeds" ;;
esac

db=$tmp/project.annotator.db
step "annotator init" annotator init "$db" --annotator demo
seed_files=("$seeds"/*.txt "$seeds"/*.jsonl)
step "annotator import of the packaged seed (${#seed_files[@]} files)" annotator import "$db" "${seed_files[@]}"
step "annotator check" annotator check "$db"
step "annotator gui PROJECT --screenshot" annotator gui "$db" --screenshot "$tmp/project.png"
"$tmp/venv/bin/python" "$ROOT/packaging/check_screenshot.py" "$tmp/project.png" || failures=$((failures + 1))
step "annotator gui --screenshot (the demo project)" annotator gui --screenshot "$tmp/demo.png"
if [ -f "$tmp/data/annotator/demo.annotator.db" ]; then ok "demo project built in XDG_DATA_HOME"; else fail "no demo project in XDG_DATA_HOME"; fi
"$tmp/venv/bin/python" "$ROOT/packaging/check_screenshot.py" "$tmp/demo.png" || failures=$((failures + 1))

if [ "$failures" -ne 0 ]; then echo "wheel-check: $failures failure(s)" >&2; exit 1; fi
echo "wheel-check: all checks passed"
