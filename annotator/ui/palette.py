"""The label palette: one button per span label, with its colour and key.

Clicking a button tags the text selection with that label (or relabels the selected span); with
Alt held, the selection is tagged exactly as it is (no snapping or trimming). Buttons never take
the keyboard focus, so the text view keeps its selection and its keys. Label names are shown as
plain button text ('&' doubled so it is not read as a mnemonic); the description goes to the
status bar, never to a tooltip (QToolTip guesses at rich text).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton, QWidget

from annotator.core.labels import DEFAULT_COLOR, LabelScheme, SpanLabel

SWATCH = 14
UNDERLINED_KINDS = frozenset({"quote", "claim", "cue"})


def swatch(color: str, kind: str = "entity", size: int = SWATCH) -> QIcon:
    """A small square of the label's colour (a bar under it for quotes, claims and cues, as in
    the text view)."""
    colour = QColor(color)
    if not colour.isValid():
        colour = QColor(DEFAULT_COLOR)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    if kind in UNDERLINED_KINDS:
        tint = QColor(colour)
        tint.setAlpha(90)
        painter.fillRect(0, 0, size, size - 4, tint)
        painter.fillRect(0, size - 4, size, 4, colour)
    else:
        painter.fillRect(0, 0, size, size, colour)
    painter.setPen(colour.darker(160))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


def button_text(label: SpanLabel) -> str:
    name = label.name.replace("&", "&&")
    return f"{name}  {label.key}" if label.key else name


class LabelPalette(QToolBar):
    """A toolbar of label buttons; ``labelClicked(name, exact)`` when one is clicked."""

    labelClicked = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Labels"), parent)
        self.setObjectName("label_palette")
        self.setIconSize(QSize(SWATCH, SWATCH))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._buttons: dict[str, QToolButton] = {}

    def set_scheme(self, scheme: LabelScheme) -> None:
        self.clear()
        self._buttons = {}
        for label in scheme.span_labels:
            button = QToolButton(self)
            button.setText(button_text(label))
            button.setIcon(swatch(label.color, label.kind))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRaise(False)
            button.setStatusTip(self._status_tip(label))
            button.setAccessibleName(self.tr("Tag as {name}").format(name=label.name))
            button.clicked.connect(lambda _checked=False, name=label.name: self._clicked(name))
            self.addWidget(button)
            self._buttons[label.name] = button

    @staticmethod
    def _status_tip(label: SpanLabel) -> str:
        key = (
            QCoreApplication.translate("LabelPalette", " (key {key}; Alt+{key} tags the exact selection)").format(
                key=label.key
            )
            if label.key
            else ""
        )
        what = f": {label.description}" if label.description else ""
        return QCoreApplication.translate("LabelPalette", "Tag the selection as {name}{what}{key}").format(
            name=label.name, what=what, key=key
        )

    def _clicked(self, name: str) -> None:
        exact = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        self.labelClicked.emit(name, exact)

    def button(self, name: str) -> QToolButton | None:
        return self._buttons.get(name)

    def names(self) -> list[str]:
        return list(self._buttons)
