"""Starting the GUI: the QApplication, fonts, the project and the main window.

``run_gui`` is what ``annotator gui DB`` calls. With ``screenshot`` it renders the window
offscreen, writes a PNG and returns without entering the event loop (for docs, bug reports and
tests): it then neither reads nor writes the user's settings and never asks anything.
Otherwise it runs the application until the window closes, with the user's settings (window
state, text size, recent projects, the annotator's name) and, on the first run, asks for the
annotator's name when neither ``--annotator``, the project nor the settings give one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.store.project import Project
from annotator.ui.dialogs import ask_annotator_name
from annotator.ui.fonts import load_fonts
from annotator.ui.language import current_language, install_language, resolve_language
from annotator.ui.main_window import APP_TITLE, MainWindow
from annotator.ui.settings import AppSettings

APP_NAME = "annotator"
DEFAULT_SIZE = (1200, 800)


def application(*, offscreen: bool = False) -> QApplication:
    """The process's QApplication, created on first use (offscreen if asked and none exists yet)."""
    app = QApplication.instance()
    if app is None:
        if offscreen:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    return app  # type: ignore[return-value]


def show_error(message: str) -> None:
    """A modal error box whose text is shown as plain text (it may quote paths or user data)."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE, message)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def open_main_window(
    db_path: Path,
    *,
    annotator: str | None = None,
    document: str | None = None,
    font_size: float | None = None,
    settings: AppSettings | None = None,
    span: int | None = None,
) -> MainWindow:
    """Open the project at ``db_path`` and build (not show) its main window.

    ``annotator`` defaults to the project's ``annotator`` setting (which ``annotator init
    --annotator`` stores), then to the name kept in ``settings``; with none, every layer is
    shown. ``document`` is the external id of the document to show first, ``span`` the id of a
    span to select (its document is shown). ``settings`` (default:
    in memory) also gives the window state and text size; the window never asks anything unless
    settings are given. Raises AnnotatorError if the project or the document cannot be opened.
    The caller closes ``window.project`` when done.
    """
    project = Project.open(db_path)
    try:
        if annotator is None:
            annotator = project.get_setting("annotator") or (settings.annotator() if settings else None)
        window = MainWindow(
            project, annotator=annotator, font_size=font_size, settings=settings, prompt=settings is not None
        )
        if document is not None and not window.select_document(document):
            window.deleteLater()
            raise AnnotatorError(f"{db_path}: no document with id {document!r}")
        if span is not None and not window.show_span_id(span):
            window.deleteLater()
            raise AnnotatorError(f"{db_path}: no span with id {span} in the layer shown")
    except BaseException:
        project.close()
        raise
    return window


def run_gui(
    db_path: Path,
    *,
    annotator: str | None = None,
    screenshot: Path | None = None,
    document: str | None = None,
    size: tuple[int, int] | None = None,
    font_size: int | None = None,
    span: int | None = None,
    language: str | None = None,
) -> int:
    """Open the project at ``db_path`` in the main window; returns the process exit code.

    ``annotator``, ``document``, ``span`` and ``font_size`` are as for :func:`open_main_window`;
    ``size`` is the window size (default: the last one used, or 1200x800). With ``screenshot`` the window is rendered offscreen to
    that PNG file and 0 is returned without entering the event loop; errors then go to stderr with
    exit code 1. Interactively, errors are shown in a message box (exit code 1).
    ``language`` ("en" or "ar") overrides the language setting (View > Language; by default the
    system's); Arabic lays the whole window out right to left.
    """
    app = application(offscreen=screenshot is not None)
    load_fonts()
    settings = AppSettings.user() if screenshot is None else None
    previous = current_language()
    chosen = resolve_language(language or (settings.language() if settings is not None else None))
    if not install_language(app, chosen):
        print(f"annotator: no translations for {chosen!r}: the interface stays in English", file=sys.stderr)
    try:
        window = open_main_window(
            db_path, annotator=annotator, document=document, font_size=font_size, settings=settings, span=span
        )
    except AnnotatorError as exc:
        if screenshot is not None:
            print(f"annotator: {exc}", file=sys.stderr)
        else:
            show_error(str(exc))
        if screenshot is not None and previous != chosen:
            install_language(app, previous)
        return 1
    try:
        if screenshot is not None:
            window.resize(*(size or DEFAULT_SIZE))
            return _save_screenshot(app, window, Path(screenshot))
        assert settings is not None
        if size is not None or settings.geometry() is None:
            window.resize(*(size or DEFAULT_SIZE))
        settings.add_recent_project(db_path)
        window.show()
        if window.annotator is None:  # the first run: who is annotating?
            name = ask_annotator_name(window)
            if name:
                window.set_annotator(name)
        return app.exec()
    finally:
        window.project.close()
        if screenshot is not None and previous != chosen:  # in-process callers (tests) get theirs back
            install_language(app, previous)


def _save_screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    """Lay out and paint ``window`` without showing it on a screen, and save it as a PNG."""
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.show()
    for _ in range(3):  # layout, then the scroll-dependent highlights, then the paint
        app.processEvents()
    window.document_view.refresh_highlights(force=True)
    app.processEvents()
    pixmap = window.grab()
    window.close()
    window.deleteLater()
    app.processEvents()
    if not pixmap.save(str(path), "PNG"):
        print(f"annotator: {path}: could not write the screenshot", file=sys.stderr)
        return 1
    return 0
