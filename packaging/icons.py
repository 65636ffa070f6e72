"""Make the application icon: the SVG, and the PNG sizes rendered from it.

    python packaging/icons.py          # render the PNGs, .ico and .icns from the committed SVG
    python packaging/icons.py --svg    # also rewrite the SVG (draws the letter from Amiri Bold)

The icon is the letter ض (daad, "the language of the daad" is a name for Arabic) in a highlighter
mark over two lines of right-to-left text: annotating Arabic text. The letter is the outline of the
glyph in Amiri Bold (SIL Open Font License, from the fontpkg-amiri package) turned into an SVG
path, so the SVG needs no font. Both files go into resources/icons/hicolor/ in the freedesktop
icon theme layout (``SIZExSIZE/apps/APP_ID.png`` and ``scalable/apps/APP_ID.svg``), which the
desktop entry installation copies as it is. The Windows ``packaging/annotator.ico`` and macOS
``packaging/annotator.icns`` (for the PyInstaller spec) hold the same PNGs; they are written here
with the standard library, so building on those systems needs no Pillow. Needs PySide6 (QtSvg is
in PySide6-Essentials) and runs offscreen.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

APP_ID = "io.github.annotator.Annotator"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parent.parent
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
SVG_PATH = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
ICO_PATH = ROOT / "packaging" / "annotator.ico"
ICNS_PATH = ROOT / "packaging" / "annotator.icns"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, by pixel size (the @2x types too).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)

# Layout on a 512 x 512 canvas.
BACKGROUND = (32, 32, 448, 448, 96)  # x, y, width, height, corner radius
HIGHLIGHT = (80, 92, 352, 248, 40)
GLYPH_BOX = (112, 108, 288, 216)  # the letter is fitted (aspect kept) and centred in this box
TEXT_LINES = ((96, 372, 320, 30), (208, 424, 208, 30))  # right-aligned, like Arabic text

SVG_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Annotator application icon. Made by packaging/icons.py; the letter is the glyph outline of
     Amiri Bold (SIL Open Font License 1.1). -->
<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <defs>
    <linearGradient id="background" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#14847a"/>
      <stop offset="1" stop-color="#0d5450"/>
    </linearGradient>
  </defs>
  <rect x="{bx}" y="{by}" width="{bw}" height="{bh}" rx="{br}" fill="url(#background)"/>
  <rect x="{hx}" y="{hy}" width="{hw}" height="{hh}" rx="{hr}" fill="#fcd34d"/>
  <path fill="#0b3f3b" fill-rule="nonzero" d="{glyph}"/>
{lines}
</svg>
"""


def _application():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0]])


def glyph_path() -> str:
    """The SVG path data of ض in Amiri Bold, fitted into GLYPH_BOX."""
    import fontpkg_amiri
    from PySide6.QtGui import QFont, QFontDatabase, QPainterPath

    _application()
    font_id = QFontDatabase.addApplicationFont(str(fontpkg_amiri.ROOT / "files" / "Amiri-Bold.ttf"))
    if font_id < 0:
        raise SystemExit("Qt could not load Amiri-Bold.ttf from fontpkg-amiri")
    font = QFont(QFontDatabase.applicationFontFamilies(font_id)[0])
    font.setPixelSize(1000)
    font.setBold(True)
    path = QPainterPath()
    path.addText(0, 0, font, "ض")
    bounds = path.boundingRect()
    x, y, width, height = GLYPH_BOX
    scale = min(width / bounds.width(), height / bounds.height())
    dx = x + (width - bounds.width() * scale) / 2 - bounds.left() * scale
    dy = y + (height - bounds.height() * scale) / 2 - bounds.top() * scale

    def number(value: float) -> str:
        text = f"{value:.1f}".removesuffix(".0")
        return "0" if text == "-0" else text

    def point(element) -> str:
        return f"{number(element.x * scale + dx)} {number(element.y * scale + dy)}"

    kinds = QPainterPath.ElementType
    parts: list[str] = []
    i = 0
    while i < path.elementCount():
        element = path.elementAt(i)
        if element.type == kinds.MoveToElement:
            if parts:
                parts.append("Z")
            parts.append(f"M{point(element)}")
            i += 1
        elif element.type == kinds.LineToElement:
            parts.append(f"L{point(element)}")
            i += 1
        else:  # CurveToElement: its point is the first control point, then two CurveToDataElements
            parts.append(f"C{point(element)} {point(path.elementAt(i + 1))} {point(path.elementAt(i + 2))}")
            i += 3
    parts.append("Z")
    return " ".join(parts)


def make_svg() -> str:
    bx, by, bw, bh, br = BACKGROUND
    hx, hy, hw, hh, hr = HIGHLIGHT
    lines = "\n".join(
        f'  <rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{h // 2}" fill="#ffffff" fill-opacity="0.9"/>'
        for x, y, w, h in TEXT_LINES
    )
    return SVG_TEMPLATE.format(
        bx=bx, by=by, bw=bw, bh=bh, br=br, hx=hx, hy=hy, hw=hw, hh=hh, hr=hr, glyph=glyph_path(), lines=lines
    )


def png_path(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render_png(size: int, svg: Path = SVG_PATH) -> bytes:
    """The SVG rendered at ``size`` x ``size`` pixels by Qt's SVG renderer, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _application()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"could not encode the {size}px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (Windows Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    entries, blobs = b"", b""
    offset = len(header) + 16 * len(ICO_SIZES)
    for size in ICO_SIZES:
        png = pngs[size]
        side = 0 if size == 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_pngs(svg: Path = SVG_PATH) -> list[Path]:
    """Render the SVG at every size in SIZES, and write the .ico and .icns from the same renders."""
    pngs = {size: render_png(size, svg) for size in sorted({*SIZES, *(size for _, size in ICNS_TYPES)})}
    written = []
    for size in SIZES:
        out = png_path(size)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pngs[size])
        written.append(out)
    ICO_PATH.write_bytes(ico_bytes(pngs))
    ICNS_PATH.write_bytes(icns_bytes(pngs))
    return [*written, ICO_PATH, ICNS_PATH]


def main(argv: list[str]) -> int:
    if "--svg" in argv:
        SVG_PATH.parent.mkdir(parents=True, exist_ok=True)
        SVG_PATH.write_text(make_svg(), encoding="utf-8")
        print(f"wrote {SVG_PATH.relative_to(ROOT)}")
    for path in render_pngs():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
