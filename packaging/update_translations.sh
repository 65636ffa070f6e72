#!/usr/bin/env bash
# Update the interface translations.
#
# 1. pyside6-lupdate reads every user-visible string of annotator/ui/*.py (self.tr(...),
#    QCoreApplication.translate(...), QT_TRANSLATE_NOOP(...)) into
#    resources/translations/annotator_ar.ts: new strings are added as "unfinished", strings no
#    longer in the code are kept as "obsolete" (-no-obsolete drops them).
# 2. Translate the new strings: open the .ts in Qt Linguist (pyside6-linguist) or edit the XML,
#    and mark each translation finished (remove type="unfinished").
# 3. pyside6-lrelease compiles the .ts into annotator_ar.qm, which the application loads
#    (annotator/ui/language.py). Commit both files.
#
# Usage: packaging/update_translations.sh [--no-obsolete]   (run from anywhere; uses .venv if present)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.venv/bin"
[ -x "$bin/pyside6-lupdate" ] || bin="$(dirname "$(command -v pyside6-lupdate)")"
cd "$root"
"$bin/pyside6-lupdate" "$@" annotator/ui/*.py -ts resources/translations/annotator_ar.ts
"$bin/pyside6-lrelease" resources/translations/annotator_ar.ts -qm resources/translations/annotator_ar.qm
