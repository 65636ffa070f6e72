"""Helpers for the workspace tests: a project file with documents made the way users make them
(plain text import, CRLF normalised), a shown main window, selections by code-point offsets and
a way to answer modal dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from annotator.core.model import Span
from annotator.core.offsets import QtPositionMap
from annotator.formats.plaintext import import_text
from annotator.store.project import Project
from annotator.ui.document_view import DocumentView
from annotator.ui.main_window import MainWindow

# Stored as LF after import; the file has CRLF line ends, emoji (one astral, one with a skin-tone
# modifier, a flag) before the words the tests select.
EMOJI_FILE_TEXT = "😀 بيان 👍🏽 الكرملين\r\n\r\nقال بوتين 🇸🇦 إن لروسيا، حقها.\r\nNATO 2021 لأوكرانيا 😀 نهاية"
QUOTE_TEXT = 'قال الكرملين إن "بوتين أشار إلى ضرورة إطلاق مفاوضات مع لروسيا"، وأضاف المتحدث ديمتري بيسكوف.'
THIRD_TEXT = "وثيقة ثالثة بلا تعليقات توضيحية."


def build_project(folder: Path) -> Path:
    """A project with three documents: 'emoji' (imported from a CRLF file), 'quotes' (amal's
    spans: a cue, an organisation, a quote with a person inside, a GPE inside a word, a second
    person) and 'third' (nothing tagged)."""
    source = folder / "emoji.txt"
    source.write_bytes(EMOJI_FILE_TEXT.encode("utf-8"))
    (folder / "quotes.txt").write_text(QUOTE_TEXT, encoding="utf-8")
    (folder / "third.txt").write_text(THIRD_TEXT, encoding="utf-8")
    path = folder / "ws.annotator.db"
    project = Project.create(path)
    try:
        import_text(project, [source, folder / "quotes.txt", folder / "third.txt"])
        project.set_setting("annotator", "amal")
        doc = project.find_document("quotes")
        assert doc is not None
        text = QUOTE_TEXT
        quote_start = text.index('"')
        spans = [
            Span(0, 3, "CUE", "amal"),
            Span(text.index("الكرملين"), text.index("الكرملين") + 8, "ORG", "amal"),
            Span(quote_start, text.index('"', quote_start + 1) + 1, "QUOTE", "amal", attrs={"type": "direct"}),
            Span(text.index("بوتين"), text.index("بوتين") + 5, "PER", "amal"),
            Span(text.index("لروسيا") + 1, text.index("لروسيا") + 6, "GPE", "amal"),
            Span(text.index("ديمتري"), text.index("بيسكوف") + 6, "PER", "amal"),
        ]
        for span in spans:
            project.add_span(doc, span)
    finally:
        project.close()
    return path


def show_window(qtbot, project: Project, **kwargs) -> MainWindow:
    window = MainWindow(project, **kwargs)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.document_view.setFocus()
    return window


def select(view: DocumentView, start: int, end: int) -> None:
    """Select code points [start, end) of the stored text, with Qt positions from
    QtPositionMap.to_qt (as a mouse drag or Shift+arrows would leave them)."""
    qmap = QtPositionMap.for_text(view.text)
    cursor = QTextCursor(view.document())
    cursor.setPosition(qmap.to_qt(start))
    cursor.setPosition(qmap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def character_point(view: DocumentView, offset: int) -> QPoint:
    """Viewport point in the middle of the character at code-point ``offset``."""
    qt_position = QtPositionMap.for_text(view.text).to_qt(offset)
    block = view.document().findBlock(qt_position)
    layout = block.layout()
    index = qt_position - block.position()
    line = layout.lineForTextPosition(index)
    x = (line.cursorToX(index)[0] + line.cursorToX(index + 1)[0]) / 2
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft() + layout.position()
    return (origin + QPointF(x, line.y() + line.height() / 2)).toPoint()


def stored(path: Path, ext_id: str, annotator: str | None = "amal") -> list[Span]:
    """The spans of a document as another connection sees them (so: committed)."""
    with Project.open(path) as other:
        doc = other.find_document(ext_id)
        assert doc is not None
        return other.spans(doc, annotator)


def answer_modal(qtbot, action: Callable[[QWidget], None], *, kind: type = QWidget) -> list[QWidget]:
    """Run ``action`` on the next modal dialog of type ``kind`` once it is up (it must close it)."""
    seen: list[QWidget] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            seen.append(widget)
            action(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return seen
