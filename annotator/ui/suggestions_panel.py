"""The Suggestions panel: the current document's suggestions, to accept or reject, one or all.

Suggestions (:mod:`annotator.assist.suggest`) live in the suggestion layer (``~suggest``), never
in a person's layer. The panel lists them by group (a quote with its cue and speaker, or an
entity); a dashed outline in the label's colour marks them in the text (:class:`SuggestionOverlay`,
a transparent child of the view's viewport: the text layout is never touched), and the one picked
in the list gets a thick outline. Clicking a suggestion in the text picks it in the list.

Suggest, accept and reject are undo commands on the window's undo stack (one step each, however
many spans they touch): accepted spans move into the annotator's layer with the annotator as
author, relations included; undo puts everything back with the same ids.

:func:`install` builds the panel, its dock (View menu) and the Annotate menu entries; the main
window calls it once, after its menus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.assist.suggest import (
    CUE,
    HOW,
    QUOTE,
    SUGGESTION_LAYER,
    Group,
    Journal,
    accept,
    reject,
    suggest,
    suggestion_groups,
    undo,
)
from annotator.core.errors import AnnotatorError
from annotator.core.labels import DEFAULT_COLOR, LabelScheme
from annotator.core.model import Span
from annotator.ui.commands import Change, Editor, StoreCommand
from annotator.ui.document_view import DocumentView
from annotator.ui.fonts import document_font
from annotator.ui.language import visual_area
from annotator.ui.palette import swatch
from annotator.ui.plain_text import plain_tooltip

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

FSI, PDI = "\u2068", "\u2069"  # bidi isolates: Arabic inside a Latin line keeps its own direction
SURFACE_CHARS = 48
OUTLINE_ALPHA = 230
FILL_ALPHA = 38


def _short(text: str, limit: int = SURFACE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _isolated(text: str) -> str:
    return f"{FSI}{text}{PDI}"


# -- undo commands --------------------------------------------------------------------------------


class SuggestionCommand(StoreCommand):
    """Suggest, accept or reject: ``run`` does it in the store and returns the :class:`Journal`
    that :func:`annotator.assist.suggest.undo` reverses."""

    def __init__(
        self, editor: Editor, doc_id: int, text: str, run: Callable[[], Journal], *, select: int | None = None
    ) -> None:
        super().__init__(editor, doc_id, text)
        self.run = run
        self.select = select
        self.journal: Journal | None = None

    def apply(self) -> Change:
        self.journal = self.run()
        select = self.journal.accepted.get(self.select) if self.select is not None else None
        return Change(self.doc_id, tuple(sorted(self.journal.spans)), relations=True, status=True, select=select)

    def revert(self) -> Change:
        assert self.journal is not None
        undo(self.editor.project, self.journal)
        return Change(self.doc_id, tuple(sorted(self.journal.spans)), relations=True, status=True, select=None)


# -- the outlines in the text ---------------------------------------------------------------------


class SuggestionOverlay(QWidget):
    """Dashed outlines round the suggestions shown over ``view`` (dotted for cues), thick round
    the picked ones; mouse events pass through to the view."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("suggestion_overlay")
        self.view = view
        self._spans: list[Span] = []
        self._picked: set[int] = set()
        self._scheme = LabelScheme()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._viewport = view.viewport()  # compared by identity: never calls into a deleted view
        self.setGeometry(self._viewport.rect())
        self._viewport.installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(self._follow)
        view.horizontalScrollBar().valueChanged.connect(self._follow)
        self.show()

    def set_spans(self, spans: list[Span], scheme: LabelScheme, picked: set[int] | None = None) -> None:
        self._spans = sorted(spans, key=lambda s: -(s.end - s.start))  # long quotes first, entities over them
        self._scheme = scheme
        self._picked = set(picked or ())
        self.update()

    def set_picked(self, picked: set[int]) -> None:
        self._picked = set(picked)
        self.update()

    def spans(self) -> list[Span]:
        return list(self._spans)

    def picked(self) -> set[int]:
        return set(self._picked)

    def _follow(self, _value: int = 0) -> None:
        self.setGeometry(self.view.viewport().rect())  # a scrolled viewport moves its children
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._viewport.rect())
        return False

    def colour(self, label: str) -> QColor:
        definition = self._scheme.span_label(label)
        colour = QColor(definition.color if definition else DEFAULT_COLOR)
        if not colour.isValid():
            colour = QColor(DEFAULT_COLOR)
        return colour

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._spans or not self.isVisible():
            return
        start, end = self.view.visible_range()
        if start >= end:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for span in self._spans:
            if span.end <= start or span.start >= end:
                continue
            base = self.colour(span.label)
            line = base.darker(170)
            line.setAlpha(OUTLINE_ALPHA)
            picked = span.id in self._picked
            pen = QPen(line, 2.6 if picked else 1.4)
            pen.setStyle(Qt.PenStyle.DotLine if span.label == CUE else Qt.PenStyle.DashLine)
            fill = QColor(base)
            fill.setAlpha(FILL_ALPHA * (2 if picked else 1) if span.label not in (QUOTE,) else FILL_ALPHA // 2)
            painter.setPen(pen)
            painter.setBrush(fill)
            for rect in self.view.range_rects(span.start, span.end):
                painter.drawRoundedRect(QRectF(rect).adjusted(-1.5, 1.5, 1.5, -1.5), 3, 3)
        painter.end()


# -- the panel ------------------------------------------------------------------------------------


class _List(QListWidget):
    """The suggestions list: Return accepts, Delete rejects the selected rows."""

    acceptKey = Signal()
    rejectKey = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.acceptKey.emit()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.rejectKey.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class SuggestionsPanel(QWidget):
    """Suggestions of the window's current document (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("suggestions_panel")
        self.window_ = window
        self.groups: list[Group] = []
        self._text = ""
        self.overlay = SuggestionOverlay(window.document_view)

        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setWordWrap(True)
        self.show_box = QCheckBox(self.tr("Show in the text"))
        self.show_box.setChecked(True)
        self.list = _List()
        self.list.setObjectName("suggestions_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(False)
        font = document_font(max(11.0, QFont().pointSizeF() * 1.15))
        self.list.setFont(font)
        # A few rows stay in view whatever the font size (the dock shares its column with others).
        self.list.setMinimumHeight(5 * QFontMetrics(font).lineSpacing())
        self.suggest_button = QPushButton(self.tr("Suggest"))
        self.suggest_button.setToolTip(self.tr("Suggest quotes (with cue and speaker) and entities in this document"))
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setToolTip(self.tr("Accept the selected suggestions into your layer (Return)"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setToolTip(self.tr("Reject the selected suggestions (Delete)"))
        self.accept_all_button = QPushButton(self.tr("Accept all"))
        self.reject_all_button = QPushButton(self.tr("Reject all"))

        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.show_box)
        row = QHBoxLayout()
        for button in (self.suggest_button, self.accept_button, self.reject_button):
            row.addWidget(button)
        row_all = QHBoxLayout()
        row_all.addStretch(1)
        row_all.addWidget(self.accept_all_button)
        row_all.addWidget(self.reject_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addLayout(row_all)

        self.suggest_button.clicked.connect(self.suggest)
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_all_button.clicked.connect(self.accept_all)
        self.reject_all_button.clicked.connect(self.reject_all)
        self.list.itemSelectionChanged.connect(self._on_selection)
        self.list.itemDoubleClicked.connect(lambda _item: self._show_picked(scroll=True))
        self.list.acceptKey.connect(self.accept_selected)
        self.list.rejectKey.connect(self.reject_selected)
        self.show_box.toggled.connect(self.overlay.setVisible)
        self._viewport = window.document_view.viewport()  # compared by identity in eventFilter
        self._viewport.installEventFilter(self)
        window.documentLoaded.connect(self.refresh)
        window.editor.changed.connect(lambda _change: self.refresh())
        self.refresh()

    # -- content ----------------------------------------------------------------------------

    @property
    def project(self):
        return self.window_.project

    def document_id(self) -> int | None:
        document = self.window_.current_document()
        return document.id if document is not None else None

    def refresh(self) -> None:
        """Read the current document's suggestions again (keeping the selection where it can)."""
        doc_id = self.document_id()
        picked = {g.span.id for g in self.selected_groups()}
        try:
            self.groups = suggestion_groups(self.project, doc_id) if doc_id is not None else []
            spans = self.project.spans(doc_id, SUGGESTION_LAYER) if doc_id is not None else []
        except AnnotatorError:  # the document went away under us
            self.groups, spans = [], []
        self._text = self.window_.document_view.text
        self.list.blockSignals(True)
        self.list.clear()
        for index, group in enumerate(self.groups):
            item = QListWidgetItem(self._row_text(group))
            item.setData(Qt.ItemDataRole.UserRole, index)
            label = self.window_.scheme.span_label(group.span.label)
            item.setIcon(swatch(label.color if label else DEFAULT_COLOR, label.kind if label else "entity"))
            item.setToolTip(plain_tooltip(self._tooltip(group)))
            self.list.addItem(item)
            if group.span.id in picked:
                item.setSelected(True)
        self.list.blockSignals(False)
        quotes = sum(1 for g in self.groups if g.kind == "quote")
        entities = sum(1 for g in self.groups if g.kind == "entity")
        if doc_id is None:
            self.count_label.setText(self.tr("No document"))
        elif not self.groups:
            self.count_label.setText(self.tr("No suggestions: press Suggest"))
        else:
            self.count_label.setText(
                self.tr("{quotes} quotes, {entities} entities").format(quotes=quotes, entities=entities)
            )
        has = bool(self.groups)
        for button in (self.accept_button, self.reject_button, self.accept_all_button, self.reject_all_button):
            button.setEnabled(has)
        self.suggest_button.setEnabled(doc_id is not None)
        self.overlay.set_spans(spans, self.window_.scheme, self._picked_ids())

    def _surface(self, span: Span | None) -> str:
        return "" if span is None else _short(self._text[span.start : span.end])

    def _row_text(self, group: Group) -> str:
        if group.kind == "quote":
            kind = group.span.attrs.get("type", "")
            parts = [f"{QUOTE} ({kind})" if kind else QUOTE]
            if group.cue is not None:
                parts.append(_isolated(self._surface(group.cue)))
            parts.append("→ " + (_isolated(self._surface(group.speaker)) if group.speaker else self.tr("(no speaker)")))
            return "  ".join(parts) + "\n" + _isolated("«" + self._surface(group.span) + "»")
        return f"{group.span.label}  {_isolated(self._surface(group.span))}"

    def _tooltip(self, group: Group) -> str:
        lines = [
            f"{group.span.label} {group.span.start}–{group.span.end}: {_isolated(_short(self._text[group.span.start : group.span.end], 300))}"
        ]
        if group.cue is not None:
            lines.append(f"CUE: {_isolated(self._surface(group.cue))}")
        if group.speaker is not None:
            lines.append(f"SAID_BY: {_isolated(self._surface(group.speaker))} ({group.speaker.label})")
        how = group.span.attrs.get(HOW)
        if how:
            lines.append(self.tr("found by: {how}").format(how=how))
        return "\n".join(lines)

    # -- selection --------------------------------------------------------------------------

    def selected_groups(self) -> list[Group]:
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        return [self.groups[r] for r in rows if 0 <= r < len(self.groups)]

    def _picked_ids(self) -> set[int]:
        return {i for g in self.selected_groups() for i in g.ids}

    def select_group(self, index: int, *, scroll: bool = True) -> None:
        self.list.clearSelection()
        item = self.list.item(index)
        if item is not None:
            item.setSelected(True)
            self.list.setCurrentItem(item)
            self.list.scrollToItem(item)
        self._show_picked(scroll=scroll)

    def _on_selection(self) -> None:
        self._show_picked(scroll=True)

    def _show_picked(self, *, scroll: bool) -> None:
        self.overlay.set_picked(self._picked_ids())
        groups = self.selected_groups()
        if scroll and groups:
            span = groups[0].span
            self.window_.document_view.show_range(span.start, span.end)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._viewport or event.type() != QEvent.Type.MouseButtonRelease or not self.groups:
            return False
        view = self.window_.document_view
        if not view.textCursor().hasSelection():
            position = view.qt_position_at(event.position())  # type: ignore[attr-defined]
            if position is not None and position < view.position_map.qt_length:
                offset = view.position_map.from_qt(position)
                hits = [
                    (s.end - s.start, i)
                    for i, g in enumerate(self.groups)
                    for s in (g.span, g.cue)
                    if s is not None and s.start <= offset < s.end
                ]
                if hits:
                    self.select_group(min(hits)[1], scroll=False)
        return False

    # -- actions ----------------------------------------------------------------------------

    def _execute(self, text: str, run: Callable[[], Journal], *, select: int | None = None) -> bool:
        doc_id = self.document_id()
        if doc_id is None:
            self.window_.say(self.tr("Open a document first."))
            return False
        return self.window_.editor.execute(SuggestionCommand(self.window_.editor, doc_id, text, run, select=select))

    def suggest(self) -> bool:
        """Suggest quotes and entities in the current document (replacing its earlier suggestions)."""
        doc_id = self.document_id()
        if doc_id is None:
            self.window_.say(self.tr("Open a document first."))
            return False
        reports = []

        def run() -> Journal:
            report = suggest(self.project, annotator=self.window_.annotator, documents=[doc_id])
            reports.append(report)
            return report.journal

        done = self._execute(QCoreApplication.translate("Suggestions", "Suggest quotes and entities"), run)
        if done and reports:
            report = reports[-1]
            self.window_.say(
                self.tr("Suggested {quotes} quotes ({links} with a speaker) and {entities} entities.").format(
                    quotes=sum(report.quotes.values()), links=report.said_by, entities=sum(report.entities.values())
                )
            )
        return done

    def _can_accept(self) -> bool:
        return self.window_.ensure_annotator()

    def accept_groups(self, groups: list[Group]) -> bool:
        if not groups:
            self.window_.say(self.tr("Pick suggestions in the list first."))
            return False
        if not self._can_accept():
            return False
        annotator = self.window_.annotator or ""
        ids = list(dict.fromkeys(i for g in groups for i in g.ids))
        text = (
            QCoreApplication.translate("Suggestions", "Accept suggestion")
            if len(groups) == 1
            else QCoreApplication.translate("Suggestions", "Accept {n} suggestions").format(n=len(groups))
        )
        return self._execute(text, lambda: accept(self.project, ids, annotator), select=groups[0].span.id)

    def reject_groups(self, groups: list[Group]) -> bool:
        if not groups:
            self.window_.say(self.tr("Pick suggestions in the list first."))
            return False
        ids = list(dict.fromkeys(i for g in groups for i in g.reject_ids))
        text = (
            QCoreApplication.translate("Suggestions", "Reject suggestion")
            if len(groups) == 1
            else QCoreApplication.translate("Suggestions", "Reject {n} suggestions").format(n=len(groups))
        )
        return self._execute(text, lambda: reject(self.project, ids))

    def accept_selected(self) -> bool:
        return self.accept_groups(self.selected_groups())

    def reject_selected(self) -> bool:
        return self.reject_groups(self.selected_groups())

    def accept_all(self) -> bool:
        return self.accept_groups(list(self.groups))

    def reject_all(self) -> bool:
        if not self.groups:
            return False
        doc_id = self.document_id()
        ids = [s.id for s in self.project.spans(doc_id, SUGGESTION_LAYER)] if doc_id is not None else []
        text = QCoreApplication.translate("Suggestions", "Reject all suggestions")
        return self._execute(text, lambda: reject(self.project, ids))  # type: ignore[arg-type]


# -- installing it in the window --------------------------------------------------------------------


def _menu_of(action: QAction) -> QMenu | None:
    return next((o for o in action.associatedObjects() if isinstance(o, QMenu)), None)


def install(window: MainWindow) -> SuggestionsPanel:
    """Add the Suggestions dock (tabbed with Annotations), its View menu toggle and the Annotate
    menu entries to ``window``; returns the panel (also ``window.suggestions_panel``)."""
    panel = SuggestionsPanel(window)
    dock = QDockWidget(QCoreApplication.translate("Suggestions", "Suggestions"), window)
    dock.setObjectName("suggestions_dock")
    dock.setWidget(panel)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable)
    window.addDockWidget(visual_area(Qt.DockWidgetArea.RightDockWidgetArea), dock)
    window.tabifyDockWidget(window.annotations_dock, dock)
    window.annotations_dock.raise_()
    window.suggestions_panel = panel  # type: ignore[attr-defined]
    window.suggestions_dock = dock  # type: ignore[attr-defined]

    def show_and(run: Callable[[], object]) -> Callable[[], None]:
        def slot() -> None:
            dock.show()
            dock.raise_()
            run()

        return slot

    window.suggest_action = QAction(QCoreApplication.translate("Suggestions", "&Suggest quotes and entities"), window)  # type: ignore[attr-defined]
    window.suggest_action.triggered.connect(lambda _c=False: show_and(panel.suggest)())  # type: ignore[attr-defined]
    window.accept_suggestions_action = QAction(
        QCoreApplication.translate("Suggestions", "Accept all suggestions"), window
    )  # type: ignore[attr-defined]
    window.accept_suggestions_action.triggered.connect(lambda _c=False: panel.accept_all())  # type: ignore[attr-defined]
    window.reject_suggestions_action = QAction(
        QCoreApplication.translate("Suggestions", "Reject all suggestions"), window
    )  # type: ignore[attr-defined]
    window.reject_suggestions_action.triggered.connect(lambda _c=False: panel.reject_all())  # type: ignore[attr-defined]
    annotate = _menu_of(window.delete_span_action)
    if annotate is not None:
        annotate.addSeparator()
        for act in (window.suggest_action, window.accept_suggestions_action, window.reject_suggestions_action):  # type: ignore[attr-defined]
            annotate.addAction(act)
    view = _menu_of(window.zoom_in_action)
    if view is not None:
        view.addAction(dock.toggleViewAction())
    return panel
