"""The find bar (Ctrl+F): plain substring search in the stored document text.

Hits are code-point ranges into the stored text (never into ``toPlainText()``), so they map to
the view through the same QtPositionMap as spans. Enter goes to the next hit, Shift+Enter to the
previous one, Escape closes the bar and gives the keys back to the text (the current hit stays
selected, ready to be tagged).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.ui.fonts import document_font

MAX_HITS = 100_000


def find_all(text: str, needle: str, limit: int = MAX_HITS) -> list[tuple[int, int]]:
    """Every non-overlapping occurrence of ``needle`` in ``text`` as (start, end), at most ``limit``."""
    if not needle:
        return []
    hits = []
    position = text.find(needle)
    while position >= 0 and len(hits) < limit:
        hits.append((position, position + len(needle)))
        position = text.find(needle, position + len(needle))
    return hits


class FindField(QLineEdit):
    """A line edit that reports Enter, Shift+Enter and Escape."""

    nextRequested = Signal()
    previousRequested = Signal()
    closeRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previousRequested.emit()
            else:
                self.nextRequested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.closeRequested.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """``searchChanged(needle)`` as the user types; ``step(+1/-1)`` for next/previous;
    ``closed()`` when the bar is dismissed."""

    searchChanged = Signal(str)
    step = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = FindField()
        self.field.setPlaceholderText("Find in the text")
        self.field.setClearButtonEnabled(True)
        self.field.setFont(document_font(max(12.0, self.font().pointSizeF() * 1.2)))
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setMinimumWidth(90)
        previous = QToolButton()
        previous.setText("Previous")
        following = QToolButton()
        following.setText("Next")
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName("Close the find bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        caption = QLabel("Find:")
        caption.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(caption)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.field.textChanged.connect(self.searchChanged)
        self.field.nextRequested.connect(lambda: self.step.emit(1))
        self.field.previousRequested.connect(lambda: self.step.emit(-1))
        self.field.closeRequested.connect(self.close_bar)
        previous.clicked.connect(lambda _checked=False: self.step.emit(-1))
        following.clicked.connect(lambda _checked=False: self.step.emit(1))
        close.clicked.connect(lambda _checked=False: self.close_bar())
        self.hide()

    def open_bar(self, initial: str = "") -> None:
        """Show the bar with the field focused (and ``initial`` text, if any, selected)."""
        if initial:
            self.field.setText(initial)
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def needle(self) -> str:
        return self.field.text() if self.isVisible() else ""

    def show_count(self, current: int | None, total: int) -> None:
        if not self.field.text():
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText("no matches")
        else:
            position = "" if current is None else f"{current + 1} of "
            self.count_label.setText(f"{position}{total}")
