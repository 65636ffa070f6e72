"""Review mode: compare the annotators' layers of a document and adjudicate its gold layer.

Off by default, which is blind annotation: the window shows and edits only the annotator's own
layer. Review > Review mode switches it on; then

* the text view shows and edits the ``gold`` layer (the normal tagging, relabelling, attribute and
  relation editing work on gold);
* the other layers are shown overlaid in the text view (stripes under the text, one per annotator,
  with a layer chooser; :mod:`annotator.ui.review_overlay`) or side by side (one read-only view per
  annotator, scrolled with the main one; :mod:`annotator.ui.review_side_by_side`), switchable;
* disagreements are outlined in the text and listed in the Review panel, with the actions on gold:
  accept, reject, take one annotator's version of a region, accept everything agreed; each is an
  undoable command on the window's undo stack (:mod:`annotator.ui.review_commands`), committed at once;
* the document's review state is shown and set in the panel; a second list ("Documents to
  review") shows every document's state and open disagreements and filters to those with some.

Switching it off goes back to the annotator's own layer. Opening another project or changing
the annotator's name ends review mode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from annotator.core.model import GOLD, Span
from annotator.review.adjudication import (
    OPEN,
    DocumentDiff,
    DocumentReview,
    GoldChange,
    GoldState,
    accept,
    accept_all_agreed,
    accept_relation,
    document_diff,
    gold_state,
    reject,
    reject_relation,
    review_overview,
    set_review_state,
    take_version,
)
from annotator.store.project import Project
from annotator.ui.commands import Change
from annotator.ui.language import visual_area
from annotator.ui.review_commands import Operation, run_gold
from annotator.ui.review_overlay import LayerOverlay, OverlayLayer, Region
from annotator.ui.review_panel import DisagreementsPanel, ReviewDocumentsPanel, ReviewItem
from annotator.ui.review_side_by_side import SideBySideView, first_visible_offset
from annotator.ui.review_worker import ProjectTask

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

OVERLAY, SIDE = "overlay", "side"


class ReviewController(QObject):
    """Review mode of one main window (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.enabled = False
        self.mode = OVERLAY
        self._own_annotator: str | None = None
        self._project: Project | None = None
        self._doc_id: int | None = None
        self._text = ""
        self._diff: DocumentDiff | None = None
        self._gold: GoldState | None = None
        self._layers: dict[str, list[Span]] = {}
        self._hidden: set[str] = set()
        self._overview: ProjectTask | None = None
        self._overview_loaded = False
        self._agreement = None

        self.overlay = LayerOverlay(window.document_view)
        self.panel = DisagreementsPanel()
        self.documents = ReviewDocumentsPanel()
        self.side = SideBySideView()
        self.side.follow(window.document_view)
        self.panel_dock = self._dock(
            self.tr("Review"), "review_dock", self.panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.documents_dock = self._dock(
            self.tr("Documents to review"),
            "review_documents_dock",
            self.documents,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.side_dock = self._dock(
            self.tr("Annotators' layers"), "review_layers_dock", self.side, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        # Only the text view's column gets the layers pane: the side docks keep their full height.
        window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._tabified = False  # tabified when first shown: tabifying hidden docks leaves a stray tab bar
        self._docks_visible(False)

        self.panel.reviewStateChosen.connect(self.set_review_state)
        self.panel.layoutChosen.connect(self.set_mode)
        self.panel.layerToggled.connect(self.set_layer_visible)
        self.panel.acceptAllRequested.connect(self.accept_all_agreed)
        self.panel.acceptRequested.connect(self.accept_current)
        self.panel.rejectRequested.connect(self.reject_current)
        self.panel.takeVersionRequested.connect(self.take_version)
        self.panel.itemSelected.connect(self._on_item_selected)
        self.documents.documentChosen.connect(self._on_document_chosen)
        self.side.spanClicked.connect(self._on_side_span_clicked)
        window.documentLoaded.connect(self._on_document_loaded)
        window.editor.changed.connect(self._on_change)
        self._viewport = window.document_view.viewport()  # compared by identity: no call into a deleted view
        self._viewport.installEventFilter(self)

    def _dock(self, title: str, name: str, widget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.window.addDockWidget(visual_area(area), dock)
        return dock

    def _docks_visible(self, on: bool) -> None:
        if on and not self._tabified:
            self._tabified = True
            self.window.tabifyDockWidget(self.window.annotations_dock, self.panel_dock)
            self.window.tabifyDockWidget(self.window.documents_dock, self.documents_dock)
        self.panel_dock.setVisible(on)
        self.documents_dock.setVisible(on)
        self.side_dock.setVisible(on and self.mode == SIDE)
        self.overlay.setVisible(on)
        if on:
            self.panel_dock.raise_()
            self.documents_dock.raise_()
            w = self.window
            # The disagreements list needs room: a wider right column, mostly for the Review panel.
            w.resizeDocks([self.panel_dock], [max(self.panel_dock.width(), 540)], Qt.Orientation.Horizontal)
            w.resizeDocks(
                [w.details_dock, self.panel_dock], [max(1, w.height() // 4), w.height()], Qt.Orientation.Vertical
            )
            if self.mode == SIDE:
                self._size_side_dock()

    def _size_side_dock(self) -> None:
        self.window.resizeDocks([self.side_dock], [int(self.window.height() * 0.42)], Qt.Orientation.Vertical)

    # -- switching ----------------------------------------------------------------------------

    def set_enabled(self, on: bool) -> None:
        """Switch review mode on (gold is edited, every layer shown) or off (blind: own layer only)."""
        if on == self.enabled:
            self._sync_actions()
            return
        w = self.window
        if on:
            self._own_annotator = w.annotator
            self.enabled = True
            w.annotator = GOLD
            self._project = None  # the documents list is read again (when the document is shown)
            self._docks_visible(True)
            w.refresh()
            w.say(self.tr("Review mode: the text shows the gold layer; every annotator's layer is shown and compared."))
        else:
            self.enabled = False
            self._stop_overview()
            w.annotator = self._own_annotator
            self._clear()
            self._docks_visible(False)
            w.refresh()
            w.say(self.tr("Review mode off: only your own layer is shown."))
        self._sync_actions()

    def set_mode(self, mode: str) -> None:
        """Show the other layers overlaid in the text view or side by side."""
        if mode not in (OVERLAY, SIDE):
            raise ValueError(f"unknown layout {mode!r}")
        self.mode = mode
        self.panel.set_layout_mode(mode)
        if self.enabled:
            self.side_dock.setVisible(mode == SIDE)
            if mode == SIDE:
                self._size_side_dock()
            self._show_layers()
            if mode == SIDE:
                self.side.sync_to(first_visible_offset(self.window.document_view))
        self._sync_actions()

    def set_layer_visible(self, name: str, visible: bool) -> None:
        """The layer chooser: show or hide one annotator's stripes."""
        if visible:
            self._hidden.discard(name)
        else:
            self._hidden.add(name)
        self.overlay.set_layer_visible(name, visible)

    def _sync_actions(self) -> None:
        actions = getattr(self.window, "review_actions", None)
        if actions is None:
            return
        toggle = self.window.review_mode_action
        toggle.blockSignals(True)
        toggle.setChecked(self.enabled)
        toggle.blockSignals(False)
        for act in actions:
            act.setEnabled(self.enabled)
        (self.window.review_side_action if self.mode == SIDE else self.window.review_overlay_action).setChecked(True)

    # -- following the window ---------------------------------------------------------------

    def _on_document_loaded(self) -> None:
        if not self.enabled:
            self._docks_visible(False)  # a restored window state may have shown them
            return
        w = self.window
        if w.annotator != GOLD:  # another project was opened, or the annotator's name changed
            self.enabled = False
            self._own_annotator = None
            self._stop_overview()
            self._clear()
            self._docks_visible(False)
            self._sync_actions()
            return
        if self._project is not w.project:
            self._start_overview()
        self.reload()

    def _on_change(self, change: Change) -> None:
        if self.enabled and change.doc_id == self._doc_id:
            self.reload(keep_layers=True)

    def _clear(self) -> None:
        self._doc_id, self._diff, self._gold, self._layers, self._text = None, None, None, {}, ""
        self.overlay.clear()
        self.side.clear()
        self.panel.set_content("", None, None, self.window.scheme)

    def reload(self, *, keep_layers: bool = False) -> None:
        """Read the current document's layers, gold and decisions again and show them."""
        w = self.window
        document = w.current_document()
        if document is None or document.id is None:
            self._clear()
            return
        project = w.project
        moved = document.id != self._doc_id
        self._doc_id, self._text = document.id, document.text
        self._diff = document_diff(project, document.id)
        self._gold = gold_state(project, document.id)
        layers: dict[str, list[Span]] = {name: [] for name in self._diff.annotators}
        for variant in self._diff.variants.values():
            for name, span in variant.spans.items():
                layers[name].append(span)
        for spans in layers.values():
            spans.sort(key=lambda s: (s.start, -s.end, s.label))
        changed_layers = moved or not keep_layers or layers != self._layers
        self._layers = layers
        if moved:
            self.overlay.set_selected(None)
        if changed_layers:
            self._show_layers(reset_side=True)
        self._show_regions()
        self.panel.set_review_state(self._gold.review_state)
        self.panel.set_content(document.text, self._diff, self._gold, w.scheme)
        self.documents.model.update(self._review_row())
        self.documents.set_current(document.id)

    def _show_layers(self, *, reset_side: bool = False) -> None:
        names = self._diff.annotators if self._diff else []
        scheme = self.window.scheme
        self.overlay.set_scheme(scheme)
        stripes = self.mode == OVERLAY
        self.overlay.set_layers(
            [OverlayLayer(n, self._layers.get(n, []), n not in self._hidden) for n in names] if stripes else []
        )
        self.panel.set_annotators(names, [n for n in names if n not in self._hidden], stripes=stripes)
        if reset_side or (self.mode == SIDE and not self.side.panes and names):
            self.side.set_font_size(self.window.document_view.font_point_size() * 0.9)
            self.side.set_layers(self._text, {n: self._layers[n] for n in names}, scheme, names)

    def _show_regions(self) -> None:
        if self._diff is None or self._gold is None:
            return
        regions = [Region(d.start, d.end, d.state(self._gold), key=i) for i, d in enumerate(self._diff.disagreements)]
        self.overlay.set_regions(regions, self.overlay.selected())
        self.side.set_regions(regions, self.overlay.selected())

    def _review_row(self) -> DocumentReview:
        assert self._diff is not None and self._gold is not None and self._doc_id is not None
        document = self.window.current_document()
        return DocumentReview(
            self._doc_id,
            document.ext_id if document else "",
            document.title if document else "",
            self._gold.review_state,
            self._diff.annotators,
            len(self._diff.disagreements),
            self._diff.open_count(self._gold),
            len(self._diff.agreed),
        )

    # -- the documents list -----------------------------------------------------------------

    def _start_overview(self) -> None:
        self._stop_overview()
        project = self.window.project
        self._project = project
        self._overview_loaded = False
        self.documents.status.setText(self.tr("Reading every document's disagreements…"))
        task = ProjectTask(project, lambda p, progress: review_overview(p, progress=progress))
        self._overview = task
        task.progressed.connect(self._on_overview_progress)
        task.succeeded.connect(self._on_overview)
        task.failed.connect(self._on_overview_failed)
        task.start()

    def _stop_overview(self) -> None:
        task, self._overview = self._overview, None
        if task is not None:
            task.stop()

    def _on_overview_progress(self, done: int, total: int) -> None:
        self.documents.status.setText(self.tr("Reading documents: {done}/{total}").format(done=done, total=total))

    def _on_overview_failed(self, message: str) -> None:
        self.documents.status.setText(self.tr("Could not read the documents: {message}").format(message=message))

    def _on_overview(self, rows: list[DocumentReview]) -> None:
        if not self.enabled or self.sender() is not self._overview:
            return  # review mode was left, or the list is being read again
        self.documents.model.set_rows(rows)
        self._overview_loaded = True
        if self._diff is not None and self._gold is not None:
            self.documents.model.update(self._review_row())  # changes made while it was reading
        with_open = sum(1 for r in rows if r.open)
        adjudicated = sum(1 for r in rows if r.review_state == "adjudicated")
        self.documents.status.setText(
            self.tr("{n} documents: {with_open} with open disagreements, {adjudicated} adjudicated.").format(
                n=len(rows), with_open=with_open, adjudicated=adjudicated
            )
        )
        self.documents.set_current(self._doc_id)

    def overview_ready(self) -> bool:
        return self._overview_loaded

    def _on_document_chosen(self, doc_id: int) -> None:
        self.window.show_document_id(doc_id)

    # -- picking a disagreement ---------------------------------------------------------------

    def diff(self) -> DocumentDiff | None:
        return self._diff

    def gold(self) -> GoldState | None:
        return self._gold

    def _on_item_selected(self, item: ReviewItem | None) -> None:
        key = item.index if item is not None else None
        self.overlay.set_selected(key)
        self.side.set_selected(key)
        if item is None:
            return
        w = self.window
        gold_span = self._gold.spans.get(item.variant.key) if self._gold and item.variant else None
        if gold_span is not None and w.document_view.span(gold_span.id) is not None:
            w.select_span(gold_span.id)
        else:
            w.document_view.show_range(item.start, item.end)
        self.side.show_range(item.start, item.end)

    def select_disagreement(self, index: int) -> None:
        """Pick disagreement ``index`` (as a click on its row does)."""
        rows = self.panel.find_rows(lambda item: item.index == index and not item.is_option)
        if rows:
            self.panel.select_row(rows[0])

    def step(self, forward: bool = True) -> None:
        """Go to the next (or previous) open disagreement, wrapping; then to the next document with some."""
        if self._diff is None or self._gold is None:
            return
        current = self.panel.current_item()
        at = current.index if current is not None and current.index is not None else (-1 if forward else 0)
        count = len(self._diff.disagreements)
        order = [(at + k if forward else at - k) % count for k in range(1, count + 1)] if count else []
        for index in order:
            if self._diff.disagreements[index].state(self._gold) == OPEN:
                self.select_disagreement(index)
                return
        self.window.say(self.tr("No open disagreement left in this document."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._viewport
            and self.enabled
            and event.type() == QEvent.Type.MouseButtonRelease
            and not self.window.document_view.textCursor().hasSelection()
        ):
            view = self.window.document_view
            position = view.qt_position_at(event.position())  # type: ignore[attr-defined]
            if position is not None and position < view.position_map.qt_length:
                self._pick_at(view.position_map.from_qt(position))
        return False

    def _pick_at(self, offset: int) -> None:
        if self._diff is None:
            return
        around = [(d.end - d.start, i) for i, d in enumerate(self._diff.disagreements) if d.start <= offset < d.end]
        if around:
            index = min(around)[1]
            self.panel.select_disagreement(index)
            self.overlay.set_selected(index)
            self.side.set_selected(index)

    def _on_side_span_clicked(self, annotator: str, span_id: object) -> None:
        pane = self.side.pane(annotator)
        span = pane.view.span(span_id) if pane is not None and span_id is not None else None  # type: ignore[arg-type]
        if span is not None:
            self._pick_at(span.start)

    # -- actions on gold ----------------------------------------------------------------------

    def _run(self, text: str, operation: Operation) -> GoldChange | None:
        if not self.enabled or self._doc_id is None:
            self.window.say(self.tr("Switch review mode on first (Review > Review mode)."))
            return None
        change = run_gold(self.window.editor, self._doc_id, text, operation)
        if change is not None:
            self.window.say(f"{text}: {change.summary()}")
        return change

    def _option(self) -> ReviewItem | None:
        """The picked option (a disagreement with a single option stands for it)."""
        item = self.panel.current_item()
        if item is None:
            self.window.say(self.tr("Pick a disagreement (or one of its options) in the Review panel first."))
            return None
        if item.is_option:
            return item
        options = [o for o in self.panel.items() if o.index == item.index and o.is_option and item.index is not None]
        if len(options) == 1:
            return options[0]
        self.window.say(self.tr("This disagreement has several options: pick the one to accept or reject."))
        return None

    def accept_current(self) -> GoldChange | None:
        item = self._option()
        if item is None or self._diff is None or self._doc_id is None:
            return None
        doc_id, diff = self._doc_id, self._diff
        siblings = diff.disagreements[item.index] if item.index is not None else None
        if item.relation is not None:
            rv = item.relation
            replacing = siblings.relations if siblings else []
            return self._run(
                self.tr("Accept {label}").format(label=rv.label),
                lambda p: accept_relation(p, doc_id, rv, diff, replacing=replacing),
            )
        variant = item.variant
        assert variant is not None
        replacing_v = siblings.variants if siblings else []
        return self._run(
            self.tr("Accept {label}").format(label=variant.label),
            lambda p: accept(p, doc_id, variant, annotator=item.annotator, replacing=replacing_v),
        )

    def reject_current(self) -> GoldChange | None:
        item = self._option()
        if item is None or self._doc_id is None:
            return None
        doc_id = self._doc_id
        if item.relation is not None:
            rv = item.relation
            return self._run(self.tr("Reject {label}").format(label=rv.label), lambda p: reject_relation(p, doc_id, rv))
        variant = item.variant
        assert variant is not None
        return self._run(self.tr("Reject {label}").format(label=variant.label), lambda p: reject(p, doc_id, variant))

    def region(self) -> tuple[int, int] | None:
        """The range to take a version of: the text selected in the main view or a pane, else the
        picked disagreement's extent."""
        views = [self.window.document_view, *(p.view for p in self.side.panes if self.mode == SIDE)]
        for view in views:
            cursor = view.textCursor()
            if cursor.hasSelection():
                qmap = view.position_map
                return qmap.from_qt(cursor.selectionStart()), qmap.from_qt(cursor.selectionEnd())
        item = self.panel.current_item()
        if item is not None and item.end > item.start:
            return item.start, item.end
        return None

    def take_version(self, annotator: str) -> GoldChange | None:
        if not annotator:
            self.window.say(self.tr("No annotator to take a version from."))
            return None
        region = self.region()
        if region is None:
            self.window.say(self.tr("Select some text, or pick a disagreement, to take a version of."))
            return None
        doc_id = self._doc_id
        start, end = region
        return self._run(
            self.tr("Take {annotator}'s version").format(annotator=annotator),
            lambda p: take_version(p, doc_id, annotator, start, end),
        )  # type: ignore[arg-type]

    def accept_all_agreed(self) -> GoldChange | None:
        if self._diff is None or self._doc_id is None:
            self.window.say(self.tr("Switch review mode on and open a document first."))
            return None
        doc_id, diff = self._doc_id, self._diff
        change = self._run(self.tr("Accept everything agreed"), lambda p: accept_all_agreed(p, doc_id, diff))
        if change is not None and change.empty:
            self.window.say(self.tr("Gold already holds everything the annotators agree on."))
        return change

    def set_review_state(self, state: str) -> GoldChange | None:
        if self._gold is not None and state == self._gold.review_state:
            return None
        doc_id = self._doc_id
        return self._run(
            self.tr("Mark {replace}").format(replace=state.replace("_", " ")),
            lambda p: set_review_state(p, doc_id, state),
        )  # type: ignore[arg-type]

    # -- agreement --------------------------------------------------------------------------

    def show_agreement(self) -> None:
        from annotator.ui.agreement_view import AgreementDialog

        if self._agreement is not None:
            self._agreement.close()
            self._agreement.deleteLater()
        dialog = AgreementDialog(self.window.project, self.window.scheme, self.window)
        self._agreement = dialog
        dialog.show()
        dialog.compute()


def build_review_menu(window: MainWindow, menu: QMenu) -> ReviewController:
    """The Review menu, and the window's review controller (``window.review``)."""
    controller = ReviewController(window)
    window.review = controller  # type: ignore[attr-defined]

    def action(text: str, slot, shortcuts: tuple[str, ...] = ()) -> QAction:
        act = QAction(text, window)
        if shortcuts:
            act.setShortcuts([QKeySequence(s) for s in shortcuts])
        act.triggered.connect(lambda _checked=False: slot())
        return act

    toggle = QAction(QCoreApplication.translate("review_mode", "&Review mode (show every layer, edit gold)"), window)
    toggle.setCheckable(True)
    toggle.setShortcut(QKeySequence("Ctrl+Shift+M"))
    toggle.toggled.connect(controller.set_enabled)
    window.review_mode_action = toggle  # type: ignore[attr-defined]
    group = QActionGroup(window)
    overlay = QAction(QCoreApplication.translate("review_mode", "Layers &overlaid"), window, checkable=True)
    side = QAction(QCoreApplication.translate("review_mode", "Layers &side by side"), window, checkable=True)
    for act in (overlay, side):
        group.addAction(act)
    overlay.setChecked(True)
    overlay.triggered.connect(lambda _checked=False: controller.set_mode(OVERLAY))
    side.triggered.connect(lambda _checked=False: controller.set_mode(SIDE))
    window.review_overlay_action = overlay  # type: ignore[attr-defined]
    window.review_side_action = side  # type: ignore[attr-defined]
    next_act = action(
        QCoreApplication.translate("review_mode", "&Next open disagreement"), lambda: controller.step(True), ("F8",)
    )
    previous_act = action(
        QCoreApplication.translate("review_mode", "&Previous open disagreement"),
        lambda: controller.step(False),
        ("Shift+F8",),
    )
    accept_act = action(
        QCoreApplication.translate("review_mode", "&Accept"), controller.accept_current, ("Ctrl+Shift+A",)
    )
    reject_act = action(
        QCoreApplication.translate("review_mode", "Re&ject"), controller.reject_current, ("Ctrl+Shift+R",)
    )
    take_act = action(
        QCoreApplication.translate("review_mode", "&Take version of the selection"),
        lambda: controller.take_version(controller.panel.take_combo.currentText()),
    )
    accept_all = action(
        QCoreApplication.translate("review_mode", "Accept all a&greed"), controller.accept_all_agreed, ("Ctrl+Shift+G",)
    )
    adjudicated = action(
        QCoreApplication.translate("review_mode", "Mark document a&djudicated"),
        lambda: controller.set_review_state("adjudicated"),
    )
    window.review_actions = [  # type: ignore[attr-defined]
        overlay,
        side,
        next_act,
        previous_act,
        accept_act,
        reject_act,
        take_act,
        accept_all,
        adjudicated,
    ]
    window.agreement_action = action(
        QCoreApplication.translate("review_mode", "A&greement between annotators…"), controller.show_agreement
    )  # type: ignore[attr-defined]
    for item in (
        toggle,
        None,
        overlay,
        side,
        None,
        next_act,
        previous_act,
        None,
        accept_act,
        reject_act,
        take_act,
        accept_all,
        adjudicated,
        None,
        window.agreement_action,  # type: ignore[attr-defined]
    ):
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item)
    controller._sync_actions()
    return controller
