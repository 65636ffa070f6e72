"""The find bar (Ctrl+F): search in the stored document text, Arabic-normalised by default.

A "Match" choice says how: anywhere (harakat and tatweel ignored, alef/ya/ta marbuta variants
folded, see :mod:`annotator.assist.search`), as a whole word, as a whole word or after proclitics
(و ف ب ل ك ال: روسيا finds the stem of لروسيا), or the exact characters typed. Hits are code-point
ranges into the stored text (never into ``toPlainText()``), so they map to the view through the
same QtPositionMap as spans. Enter goes to the next hit, Shift+Enter to the
previous one, Escape closes the bar and gives the keys back to the text (the current hit stays
selected, ready to be tagged).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.assist.search import SearchOptions, find_ranges
from annotator.core.arabic import normalise
from annotator.ui.fonts import document_font

MAX_HITS = 100_000
#: (mode, text shown) of the "Match" choice; "exact" is the plain substring search of find_all
MATCH_MODES = (
    ("anywhere", QT_TRANSLATE_NOOP("find_bar", "Anywhere")),
    ("word", QT_TRANSLATE_NOOP("find_bar", "Whole word")),
    ("clitics", QT_TRANSLATE_NOOP("find_bar", "Word + clitics")),
    ("exact", QT_TRANSLATE_NOOP("find_bar", "Exact characters")),
)


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
    """``searchChanged(needle)`` as the user types (and when the match options change);
    ``step(+1/-1)`` for next/previous; ``closed()`` when the bar is dismissed. :meth:`find_hits`
    runs the search the options describe."""

    searchChanged = Signal(str)
    step = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = FindField()
        self.field.setPlaceholderText(self.tr("Find in the text"))
        self.field.setClearButtonEnabled(True)
        self.field.setFont(document_font(max(12.0, self.font().pointSizeF() * 1.2)))
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setMinimumWidth(90)
        previous = QToolButton()
        previous.setText(self.tr("Previous"))
        following = QToolButton()
        following.setText(self.tr("Next"))
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName(self.tr("Close the find bar"))
        self.mode_box = QComboBox()
        self.mode_box.setObjectName("find_mode")
        for mode, text in MATCH_MODES:
            text = QCoreApplication.translate("find_bar", text)
            self.mode_box.addItem(text, mode)
        self.mode_box.setToolTip(
            self.tr(
                "How the text typed matches. Harakat and tatweel are ignored, and أ إ آ ٱ, ى, ة match ا, ي, ه "
                "(except with Exact characters). Word + clitics: a whole word, also after و ف ب ل ك ال "
                "and their combinations (روسيا finds the stem of لروسيا)."
            )
        )
        self.mode_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.hamza_box = QCheckBox(self.tr("Fold ؤ ئ"))
        self.hamza_box.setObjectName("find_hamza")
        self.hamza_box.setToolTip(self.tr("Also fold hamza on waw and ya (ؤ matches و, ئ matches ي)"))
        self._normalised: tuple[str, bool, tuple[str, list[int]]] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        caption = QLabel(self.tr("Find:"))
        caption.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(caption)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.mode_box)
        layout.addWidget(self.hamza_box)
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
        self.mode_box.currentIndexChanged.connect(self._options_changed)
        self.hamza_box.toggled.connect(self._options_changed)
        self.hide()

    # -- matching ---------------------------------------------------------------------------

    def mode(self) -> str:
        return self.mode_box.currentData()

    def set_mode(self, mode: str) -> None:
        """Choose the match mode (one of the modes of MATCH_MODES); searches again."""
        index = self.mode_box.findData(mode)
        if index < 0:
            raise ValueError(f"unknown find mode {mode!r}")
        self.mode_box.setCurrentIndex(index)

    def _options_changed(self, *_args: object) -> None:
        self.hamza_box.setEnabled(self.mode() != "exact")
        if self.isVisible():
            self.searchChanged.emit(self.field.text())

    def find_hits(self, text: str, needle: str, limit: int = MAX_HITS) -> list[tuple[int, int]]:
        """The hits of ``needle`` in ``text`` under the current options, as (start, end) ranges of
        ``text``. The normalised copy of the last text searched is kept for the next keystroke."""
        mode = self.mode()
        if mode == "exact" or not needle:
            return find_all(text, needle, limit)
        fold_hamza = self.hamza_box.isChecked()
        cached = self._normalised
        if cached is None or cached[0] is not text or cached[1] != fold_hamza:
            cached = (text, fold_hamza, normalise(text, fold_hamza=fold_hamza))
            self._normalised = cached
        options = SearchOptions(mode=mode, fold_hamza=fold_hamza)
        return [(s, e) for s, e, _c in find_ranges(text, needle, options, limit=limit, normalised=cached[2])]

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
            self.count_label.setText(self.tr("no matches"))
        else:
            position = "" if current is None else self.tr("{value} of ").format(value=current + 1)
            self.count_label.setText(f"{position}{total}")
