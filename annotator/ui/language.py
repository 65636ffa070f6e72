"""The interface language: English (the source strings) or Arabic (``annotator_ar.qm``).

:func:`resolve_language` turns a choice ("system", "en", "ar"; see ``AppSettings.language``) into
the language used: "system" follows ``QLocale.system()`` (Arabic for any Arabic locale, English
otherwise). :func:`install_language` loads the translations into the application (the
annotator's own from ``resources/translations`` and, when Qt ships them, Qt's own ``qtbase_ar``
for its standard dialogs and buttons) and sets the layout direction: right-to-left for Arabic,
so menus, docks, dialogs and tables are mirrored. It is called once, before any window is built;
a language chosen later (View > Language) applies when the annotator is started again.

The translations are made with ``packaging/update_translations.sh`` (pyside6-lupdate, then
pyside6-lrelease).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.resources import resources_dir

LANGUAGES = ("en", "ar")
_installed: list[QTranslator] = []  # kept alive (and removable) while installed
_current = ["en"]


def translations_dir() -> Path:
    return resources_dir() / "translations"


def resolve_language(choice: str | None) -> str:
    """The language to use for ``choice`` ("en", "ar", or "system"/None: the ``ANNOTATOR_LANG``
    environment variable if set to a language, else the system locale's). The test suite sets
    ``ANNOTATOR_LANG=en`` so that the interface it checks is English on any machine."""
    if choice in LANGUAGES:
        return choice  # type: ignore[return-value]
    forced = os.environ.get("ANNOTATOR_LANG", "")
    if forced in LANGUAGES:
        return forced
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def install_language(app: QApplication, language: str) -> bool:
    """Use ``language`` ("en" or "ar") in ``app``; returns False if its translations are missing
    (the interface then stays in English, left to right)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = "en"
    if language != "ar":
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return True
    own = QTranslator(app)
    if not own.load(str(translations_dir() / "annotator_ar.qm")):
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return False
    app.installTranslator(own)
    _installed.append(own)
    qt = QTranslator(app)
    if qt.load("qtbase_ar", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    _current[0] = "ar"
    return True


def current_language() -> str:
    """The language last installed ("en" until :func:`install_language` installs Arabic)."""
    return _current[0]


def language_names() -> list[tuple[str, str]]:
    """(choice, menu text) for View > Language; each language is named in itself."""
    return [
        ("system", QCoreApplication.translate("language", "&System default")),
        ("en", "&English"),
        ("ar", "&العربية"),
    ]


def visual_area(area: Qt.DockWidgetArea) -> Qt.DockWidgetArea:
    """The dock area to use for ``area`` given as in a left-to-right layout: QMainWindow does not
    mirror its dock areas, so in a right-to-left interface the left ones go right and back."""
    if QApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return area
    swap = {
        Qt.DockWidgetArea.LeftDockWidgetArea: Qt.DockWidgetArea.RightDockWidgetArea,
        Qt.DockWidgetArea.RightDockWidgetArea: Qt.DockWidgetArea.LeftDockWidgetArea,
    }
    return swap.get(area, area)
