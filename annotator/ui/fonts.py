"""Fonts for Arabic document text.

A fresh machine may have no font with Arabic glyphs (Qt draws boxes), and even with one installed
Qt's fallback picks DejaVu Sans for Arabic. So the annotator ships Amiri (the ``fontpkg-amiri``
package, OFL), registers it with Qt at start-up and asks for it *by name*. If Amiri cannot be
loaded, a system font known to cover Arabic is chosen instead.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

DOCUMENT_FAMILY = "Amiri"
DEFAULT_POINT_SIZE = 16
# Installed fonts that shape Arabic well, in order of preference, if the bundled one is missing.
FALLBACK_FAMILIES = ("Amiri", "Noto Naskh Arabic", "Noto Sans Arabic", "Scheherazade New", "KacstOne", "Arial")

_loaded: list[str] | None = None


def load_fonts() -> list[str]:
    """Register the bundled Amiri faces with Qt (once per process); returns the families added.

    Needs a QGuiApplication. Failure is logged, not raised: the text then uses a fallback font.
    """
    global _loaded
    if _loaded is not None:
        return _loaded
    families: list[str] = []
    try:
        import fontpkg_amiri
    except ImportError:
        log.warning("fontpkg-amiri is not installed; Arabic text uses a system font")
        _loaded = families
        return families
    for path in sorted((fontpkg_amiri.ROOT / "files").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load the font %s", path)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    _loaded = families
    return families


def document_family() -> str:
    """The family to use for document text: bundled Amiri, else an installed Arabic font."""
    available = set(QFontDatabase.families())
    for family in FALLBACK_FAMILIES:
        if family in available:
            return family
    arabic = QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
    return arabic[0] if arabic else QFont().family()


def document_font(point_size: float | None = None) -> QFont:
    """A QFont for Arabic document text, selected by family name, at ``point_size`` points."""
    load_fonts()
    font = QFont(document_family())
    font.setPointSizeF(float(point_size or DEFAULT_POINT_SIZE))
    # Keep Qt from substituting another family for Arabic glyphs the chosen font has.
    font.setStyleStrategy(QFont.StyleStrategy.PreferQuality)
    return font
