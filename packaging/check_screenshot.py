"""Check that a screenshot written by ``annotator gui --screenshot`` shows a rendered window.

    python packaging/check_screenshot.py SHOT.png [WIDTHxHEIGHT]

Exit code 0 when the file is a PNG of the expected size (default 1200x800) with real content: many
colours (anti-aliased text, highlights), some dark pixels (text) and not mostly dark (a black frame
from a failed paint). Needs PySide6 (any venv of the project has it) and runs offscreen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MIN_COLOURS = 32
MIN_DARK, MAX_DARK = 0.002, 0.6  # fraction of pixels darker than mid-grey


def problems(path: Path, width: int, height: int) -> list[str]:
    if not path.is_file():
        return [f"{path}: not written"]
    if path.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        return [f"{path}: not a PNG file"]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    image = QImage(str(path))
    if image.isNull():
        return [f"{path}: Qt cannot read it"]
    found = []
    if (image.width(), image.height()) != (width, height):
        found.append(f"{path}: {image.width()}x{image.height()} pixels, expected {width}x{height}")
    colours: set[int] = set()
    dark = samples = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixel(x, y)
            colours.add(pixel)
            red, green, blue = (pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF
            dark += (red + green + blue) < 3 * 128
            samples += 1
    if len(colours) < MIN_COLOURS:
        found.append(f"{path}: only {len(colours)} colours, the window was not painted")
    share = dark / max(samples, 1)
    if not MIN_DARK <= share <= MAX_DARK:
        found.append(f"{path}: {share:.1%} dark pixels, expected text on a light window")
    return found


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    width, height = (int(n) for n in (argv[1] if len(argv) > 1 else "1200x800").lower().split("x"))
    found = problems(Path(argv[0]), width, height)
    for problem in found:
        print(f"FAIL {problem}", file=sys.stderr)
    if not found:
        print(f"ok: {argv[0]} is a {width}x{height} PNG with rendered content")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
