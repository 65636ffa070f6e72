"""The main window: the annotation workspace.

Left, the document list (title, status for the current annotator, span count; a filter box and
sortable columns). In the middle, the document in a right-to-left :class:`DocumentView`, with
the find bar under it and the label palette above. Right, the details of the selected span and
the list of every span of the document. The status bar says who is annotating, which document of
how many, and how many spans, relations and finished documents there are.

Every change goes through the :class:`~annotator.ui.commands.Editor` (one undo stack per open
project, kept across document switches); span selection and editing live in
:class:`~annotator.ui.tagging.TaggingMixin`, the menus in :mod:`annotator.ui.menus`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Relation
from annotator.store.project import Project
from annotator.ui.annotations_panel import AnnotationsPanel
from annotator.ui.backups_dialog import BackupKeeper
from annotator.ui.clitic_selection import CliticSelection
from annotator.ui.commands import Editor
from annotator.ui.details_panel import DetailsPanel
from annotator.ui.dialogs import APP_TITLE, ask_annotator_name, show_error
from annotator.ui.document_list import DocumentFilter, DocumentListModel, TitleDelegate
from annotator.ui.document_view import DocumentView
from annotator.ui.find_bar import FindBar
from annotator.ui.fonts import DEFAULT_POINT_SIZE, document_font
from annotator.ui.language import visual_area
from annotator.ui.menus import build_menus, rebuild_tag_menu
from annotator.ui.palette import LabelPalette
from annotator.ui.project_watch import ProjectWatch
from annotator.ui.settings import AppSettings
from annotator.ui.shortcuts import ViewKeys
from annotator.ui.suggestions_panel import install as install_suggestions
from annotator.ui.tagging import TaggingMixin

__all__ = ["APP_TITLE", "MainWindow"]

SQLITE_MAGIC = b"SQLite format 3\x00"


def _plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setContentsMargins(8, 0, 8, 0)
    return label


def is_project_file(path: Path) -> bool:
    """A dropped file is opened as a project if it is an SQLite database (or named *.db)."""
    if path.suffix.lower() == ".db":
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


class MainWindow(TaggingMixin, QMainWindow):
    """The workspace on ``project``, showing and editing the layer of ``annotator`` (None: every
    layer is shown, read-only, until a name is given).

    ``settings`` keeps window state, text size and recent projects (default: in memory only;
    the application passes the user's). ``prompt`` allows asking for the annotator's name when a
    project opened from the window has none.
    """

    documentLoaded = Signal()  # a document (or none) was shown: review mode follows (review_mode.py)

    def __init__(
        self,
        project: Project,
        *,
        annotator: str | None = None,
        font_size: float | None = None,
        settings: AppSettings | None = None,
        prompt: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.settings = settings or AppSettings.memory()
        self.project = project
        self.annotator = annotator
        self.scheme = project.scheme()
        self._cli_annotator = annotator
        self._prompt = prompt
        self._document: Document | None = None
        self._relations: list[Relation] = []
        self._hits: list[tuple[int, int]] = []
        self._hit: int | None = None
        self._default_font_size = float(font_size or DEFAULT_POINT_SIZE)
        self._shown = False
        self.editor = Editor(project, self)
        self.setAcceptDrops(True)

        self._build_document_list()
        self.document_view = DocumentView(font_size=font_size or self.settings.font_size() or self._default_font_size)
        self.document_view.setPlaceholderText(
            self.tr("This project has no documents yet: drop text files here to import them.")
        )
        self.find_bar = FindBar()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.document_view, 1)
        central_layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.palette_bar = LabelPalette(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.palette_bar)
        self.details_panel = DetailsPanel()
        self.annotations_panel = AnnotationsPanel()
        self._build_docks()
        self._build_status_bar()

        self.view_keys = ViewKeys(
            tag=self.tag,
            has_span=lambda: self.document_view.selected_span() is not None,
            has_text_selection=lambda: self.document_view.textCursor().hasSelection(),
            next_span=self.next_span,
            previous_span=self.previous_span,
            delete_span=self.delete_selected_span,
            clear_selection=self.clear_selection,
            move_edge=self.move_edge,
            link=self.link,
            next_unfinished=self.next_unfinished,
            scheme=lambda: self.scheme,
        )
        self.document_view.key_handler = self.view_keys.action_for
        self.annotations_panel.table.installEventFilter(self)
        self.clitics = CliticSelection(self)  # clitic-aware tagging (annotator/ui/clitic_selection.py)
        build_menus(self)
        install_suggestions(self)  # Suggestions dock + Annotate entries (annotator/ui/suggestions_panel.py)
        self._connect()
        self._restore_settings()
        self.project_watch = ProjectWatch(self)  # shows other programs' changes (annotator/ui/project_watch.py)
        self.backup_keeper = BackupKeeper(self)  # rolling backups (annotator/ui/backups_dialog.py)
        self._use_project(project, annotator)

    # -- building ---------------------------------------------------------------------------

    def _build_document_list(self) -> None:
        self.document_model = DocumentListModel([], show_status=True)
        self.document_proxy = DocumentFilter(self.document_model, self)
        self.document_filter = QLineEdit()
        self.document_filter.setPlaceholderText(self.tr("Filter by title, id or status"))
        self.document_filter.setClearButtonEnabled(True)
        self.document_table = QTableView()
        self.document_table.setModel(self.document_proxy)
        title_font = document_font(self.document_table.font().pointSizeF() * 1.2)
        self.document_table.setItemDelegateForColumn(
            DocumentListModel.TITLE, TitleDelegate(title_font, self.document_table)
        )
        self.document_table.verticalHeader().setDefaultSectionSize(QFontMetrics(title_font).height() + 6)
        self.document_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.document_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.document_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.document_table.setAlternatingRowColors(True)
        self.document_table.setWordWrap(False)
        self.document_table.verticalHeader().hide()
        header = self.document_table.horizontalHeader()
        header.setSectionResizeMode(DocumentListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DocumentListModel.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentListModel.SPANS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the project's order until a click
        self.document_table.setSortingEnabled(True)

    def _build_docks(self) -> None:
        documents = QWidget()
        layout = QVBoxLayout(documents)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.document_filter)
        layout.addWidget(self.document_table)
        self.documents_dock = self._dock(
            self.tr("Documents"), "documents_dock", documents, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        scroll = QScrollArea()
        scroll.setWidget(self.details_panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.details_dock = self._dock(
            self.tr("Selected span"), "details_dock", scroll, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.annotations_dock = self._dock(
            self.tr("Annotations"), "annotations_dock", self.annotations_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.resizeDocks([self.documents_dock, self.details_dock], [250, 360], Qt.Orientation.Horizontal)
        self.resizeDocks([self.details_dock, self.annotations_dock], [540, 300], Qt.Orientation.Vertical)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(visual_area(area), dock)
        return dock

    def _build_status_bar(self) -> None:
        self.annotator_label = _plain_label()
        self.position_label = _plain_label()
        self.span_count_label = _plain_label()
        self.relation_count_label = _plain_label()
        self.done_label = _plain_label()
        status = self.statusBar()
        for label in (
            self.annotator_label,
            self.position_label,
            self.span_count_label,
            self.relation_count_label,
            self.done_label,
        ):
            status.addPermanentWidget(label)

    def _connect(self) -> None:
        self.document_table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.document_filter.textChanged.connect(self.document_proxy.set_needle)
        view = self.document_view
        view.spanClicked.connect(self._on_span_clicked)
        view.linkClicked.connect(self.link_to)
        view.selectionChanged.connect(self._on_text_selection_changed)
        self.palette_bar.labelClicked.connect(self.tag)
        self.annotations_panel.spanSelected.connect(self.select_span)
        details = self.details_panel
        details.labelChosen.connect(
            lambda name: self.relabel(self.selected_span(), name) if self.selected_span() else None
        )
        details.rangeEdited.connect(self.set_range)
        details.attributeEdited.connect(self.set_attribute)
        details.linkRequested.connect(self.link)
        details.removeRelationRequested.connect(self.remove_relation)
        details.relationPicked.connect(self._on_relation_picked)
        details.relationActivated.connect(self._on_relation_activated)
        self.editor.changed.connect(self._on_change)
        self.editor.failed.connect(self._on_failed)
        self.find_bar.searchChanged.connect(self._find)
        self.find_bar.step.connect(self.find_step)
        self.find_bar.closed.connect(self._find_closed)

    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.state()
        if state is not None:
            self.restoreState(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown:
            # A span selected before the first show (--span) is scrolled to once laid out.
            self._shown = True
            QTimer.singleShot(0, self._scroll_to_selected)

    def _scroll_to_selected(self) -> None:
        span = self.document_view.selected_span()
        if span is not None:
            self.document_view.show_range(span.start, span.end)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)

    # -- the project ------------------------------------------------------------------------

    def _use_project(self, project: Project, annotator: str | None) -> None:
        self.project = project
        self.editor.set_project(project)
        self.annotator = annotator
        self.scheme = project.scheme()
        name = project.path.name if project.path is not None else self.tr("(in memory)")
        self.setWindowTitle(f"{name} — {APP_TITLE}")
        self._apply_scheme()
        self._document = None
        self._reload_documents(keep=None)
        self.project_watch.use(project)
        self.backup_keeper.use(project)

    def _apply_scheme(self) -> None:
        self.palette_bar.set_scheme(self.scheme)
        self.details_panel.set_scheme(self.scheme)
        self.document_view.set_scheme(self.scheme)
        if hasattr(self, "tag_menu"):
            rebuild_tag_menu(self)

    def open_project(self, path: str | Path) -> bool:
        """Open the project at ``path`` in this window (closing the current one)."""
        path = Path(path)
        if self.project.path is not None and path.resolve() == Path(self.project.path).resolve():
            return True
        try:
            project = Project.open(path)
        except AnnotatorError as exc:
            show_error(self, str(exc))
            return False
        annotator = (
            self._cli_annotator or project.get_setting("annotator") or self.settings.annotator() or self.annotator
        )
        old = self.project
        self._use_project(project, annotator)
        old.close()
        self.settings.add_recent_project(path)
        if self.annotator is None and self._prompt:
            self.change_annotator()
        self.say(self.tr("Opened {path}").format(path=path))
        return True

    def ensure_annotator(self) -> bool:
        """True if there is an annotator to annotate as (asking for one, when allowed)."""
        if self.annotator is not None:
            return True
        self.say(self.tr("Give your name to annotate (File > Annotator name…)."))
        if self._prompt:
            self.change_annotator()
        return False

    def change_annotator(self) -> None:
        """Ask for the annotator's name; the window then shows and edits that layer."""
        name = ask_annotator_name(self, self.annotator or "")
        if name:
            self.set_annotator(name)

    def set_annotator(self, name: str) -> None:
        self.settings.set_annotator(name)
        self.project.set_setting("annotator", name)
        self.annotator = name
        self._cli_annotator = None  # the name given now wins over --annotator for later projects
        self.refresh()

    def refresh(self) -> None:
        """Read everything again from the store (after changes made elsewhere: the label scheme
        editor, another program). When a label or relation label the undo history may name is
        gone (renamed or deleted), the history is cleared: undoing into it would fail."""
        scheme = self.project.scheme()
        gone = (set(self.scheme.span_label_names) - set(scheme.span_label_names)) | (
            set(self.scheme.relation_label_names) - set(scheme.relation_label_names)
        )
        if gone and self.editor.stack.count():
            self.editor.stack.clear()
            self.say(self.tr("The label scheme changed: the undo history was cleared."))
        self.scheme = scheme
        self._apply_scheme()
        selected = self.selected_span()
        self._reload_documents(keep=self._document.id if self._document else None)
        if selected is not None:
            self.select_span(selected.id, scroll=False)

    def edit_scheme(self) -> None:
        """Edit > Label scheme…: the scheme editor dialog (annotator/ui/scheme_editor.py), which
        applies its changes to the store on OK; the window then reads them back."""
        try:
            from annotator.ui.scheme_editor import SchemeEditorDialog
        except ImportError:  # pragma: no cover - the dialog ships with the window
            show_error(self, self.tr("The label scheme editor is not available in this version."))
            return
        dialog = SchemeEditorDialog(self.project, self)
        accepted = dialog.exec() == SchemeEditorDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.refresh()

    # -- documents --------------------------------------------------------------------------

    def _reload_documents(self, keep: int | None) -> None:
        """Read the document list again; show document ``keep`` (else the first)."""
        self.document_model.set_documents(
            self.project.document_list(self.annotator), show_status=self.annotator is not None
        )
        self._document = None
        row = self.document_model.row_of_id(keep) if keep is not None else None
        if row is None and self.document_model.rowCount() > 0:
            row = 0
        if row is None:
            self.document_view.clear_document()
            self._relations = []
            self.after_document_change()
            self._show_selection()
            self.documentLoaded.emit()
        else:
            self.show_row(row)

    def document_count(self) -> int:
        return self.document_model.rowCount()

    def current_row(self) -> int:
        """Row (in the project's order) of the document shown, -1 when none is."""
        if self._document is None:
            return -1
        row = self.document_model.row_of_id(self._document.id)  # type: ignore[arg-type]
        return -1 if row is None else row

    def current_document(self) -> Document | None:
        return self._document

    def show_row(self, row: int) -> None:
        """Show the document in row ``row`` of the project's order (clearing a filter that hides it)."""
        if not 0 <= row < self.document_count():
            return
        source = self.document_model.index(row, DocumentListModel.TITLE)
        index = self.document_proxy.mapFromSource(source)
        if not index.isValid():
            self.document_filter.clear()
            index = self.document_proxy.mapFromSource(source)
        if index == self.document_table.currentIndex() and self._document is not None:
            return
        self.document_table.setCurrentIndex(index)
        self.document_table.scrollTo(index)
        if self._document is None or self._document.id != self.document_model.info(row).id:
            self._load_document(self.document_model.info(row).id)

    def show_document_id(self, doc_id: int) -> bool:
        row = self.document_model.row_of_id(doc_id)
        if row is None:
            self._reload_documents(keep=doc_id)
            row = self.document_model.row_of_id(doc_id)
        if row is None:
            return False
        self.show_row(row)
        return True

    def select_document(self, ext_id: str) -> bool:
        """Show the document whose external id is ``ext_id``; False if there is none."""
        row = self.document_model.row_of(ext_id)
        if row is None:
            return False
        self.show_row(row)
        return True

    def show_span_id(self, span_id: int) -> bool:
        """Show the document of span ``span_id`` and select the span; False if it is not shown
        (no such span, or not in the annotator's layer)."""
        try:
            span = self.project.span(span_id)
        except AnnotatorError:
            return False
        if span.document_id is None or not self.show_document_id(span.document_id):
            return False
        if self.document_view.span(span_id) is None:
            return False
        self.select_span(span_id)
        return True

    def _visible_rows(self) -> list[int]:
        """Rows of the project's order, in the order the (filtered, sorted) list shows them."""
        proxy = self.document_proxy
        return [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]

    def _step_document(self, step: int) -> None:
        rows = self._visible_rows()
        current = self.current_row()
        if not rows:
            return
        position = rows.index(current) + step if current in rows else 0
        if 0 <= position < len(rows):
            self.show_row(rows[position])

    def next_document(self) -> None:
        self._step_document(1)

    def previous_document(self) -> None:
        self._step_document(-1)

    def next_unfinished(self) -> None:
        """Go to the next document (in the list's order, wrapping) that is not done."""
        rows = self._visible_rows() or list(range(self.document_count()))
        current = self.current_row()
        start = rows.index(current) + 1 if current in rows else 0
        for row in rows[start:] + rows[:start]:
            if row != current and self.document_model.info(row).status != "done":
                self.show_row(row)
                return
        self.say(
            self.tr("Every document in the list is done.")
            if self.annotator
            else self.tr("Give your name to track progress.")
        )

    def toggle_done(self) -> None:
        """Mark the document done, or back in progress if it was done."""
        if not self._can_edit():
            return
        doc_id = self._document.id  # type: ignore[union-attr]
        done = self.project.status(doc_id, self.annotator) == "done"  # type: ignore[arg-type]
        self.editor.set_status(doc_id, self.annotator, "in_progress" if done else "done")  # type: ignore[arg-type]

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.document_proxy.mapToSource(current).row()
        info = self.document_model.info(row)
        if self._document is None or self._document.id != info.id:
            self._load_document(info.id)

    def _load_document(self, doc_id: int) -> None:
        self._document = self.project.document(doc_id)
        spans = self.project.spans(doc_id, self.annotator)
        self._relations = self.project.relations(doc_id, self.annotator)
        self.document_view.set_document(self._document.text, spans, self.scheme)
        if self.find_bar.isVisible():
            self._find(self.find_bar.needle(), move=False)
        self.after_document_change()
        self._show_selection()
        self.documentLoaded.emit()

    def after_document_change(self) -> None:
        """Refresh what depends on the current document's spans: panels, list row, status bar."""
        view = self.document_view
        self.annotations_panel.set_content(view.text, view.spans, self._relations, self.scheme)
        row = self.current_row()
        if row >= 0 and self._document is not None:
            changes: dict = {"span_count": view.span_count()}
            if self.annotator is not None:
                changes["status"] = self.project.status(self._document.id, self.annotator)  # type: ignore[arg-type]
            self.document_model.update_row(row, **changes)
        self._update_status()

    def _update_status(self) -> None:
        row = self.current_row()
        count = self.document_count()
        self.annotator_label.setText(
            self.tr("Annotator: {annotator}").format(annotator=self.annotator)
            if self.annotator
            else self.tr("Annotator: all layers")
        )
        self.position_label.setText(
            self.tr("Document {value}/{count}").format(value=row + 1, count=count)
            if row >= 0
            else self.tr("Document 0/{count}").format(count=count)
        )
        spans = self.document_view.span_count()
        self.span_count_label.setText(
            self.tr("{spans} span").format(spans=spans) if spans == 1 else self.tr("{spans} spans").format(spans=spans)
        )
        relations = len(self._relations)
        self.relation_count_label.setText(
            self.tr("{relations} relation").format(relations=relations)
            if relations == 1
            else self.tr("{relations} relations").format(relations=relations)
        )
        if self.annotator is not None:
            done = sum(1 for info in self.document_model.infos() if info.status == "done")
            self.done_label.setText(self.tr("Done {done}/{count}").format(done=done, count=count))
        else:
            self.done_label.setText("")
        if hasattr(self, "done_action"):
            self.done_action.setChecked(
                self.annotator is not None and row >= 0 and self.document_model.info(row).status == "done"
            )

    def say(self, message: str) -> None:
        """A short message in the status bar (plain text)."""
        self.statusBar().showMessage(message, 6000)

    # -- zoom -------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self.document_view.zoom_in()
        self.settings.set_font_size(self.document_view.font_point_size())

    def zoom_out(self) -> None:
        self.document_view.zoom_out()
        self.settings.set_font_size(self.document_view.font_point_size())

    def reset_zoom(self) -> None:
        self.document_view.set_font_point_size(self._default_font_size)
        self.settings.set_font_size(self._default_font_size)

    # -- find -------------------------------------------------------------------------------

    def open_find(self) -> None:
        cursor = self.document_view.textCursor()
        initial = ""
        if cursor.hasSelection():
            qmap = self.document_view.position_map
            start, end = qmap.from_qt(cursor.selectionStart()), qmap.from_qt(cursor.selectionEnd())
            initial = self.document_view.text[start:end] if "\n" not in self.document_view.text[start:end] else ""
        self.find_bar.open_bar(initial)
        self._find(self.find_bar.needle())

    def _find(self, needle: str, *, move: bool = True) -> None:
        view = self.document_view
        self._hits = self.find_bar.find_hits(view.text, needle)  # normalised unless Exact
        self._hit = None
        if self._hits:
            offset = view.position_map.from_qt(view.textCursor().selectionStart())
            self._hit = next((i for i, (start, _end) in enumerate(self._hits) if start >= offset), 0)
        view.set_find_hits(self._hits, self._hit)
        self.find_bar.show_count(self._hit, len(self._hits))
        if move and self._hit is not None:
            start, end = self._hits[self._hit]
            view.show_range(start, end, select=True)

    def find_step(self, step: int) -> None:
        """Go to the next (``step`` 1) or previous (-1) hit, wrapping around."""
        if not self.find_bar.isVisible():
            self.open_find()
            return
        if not self._hits:
            return
        self._hit = 0 if self._hit is None else (self._hit + step) % len(self._hits)
        start, end = self._hits[self._hit]
        self.document_view.set_find_hits(self._hits, self._hit)
        self.document_view.show_range(start, end, select=True)
        self.find_bar.show_count(self._hit, len(self._hits))

    def _find_closed(self) -> None:
        self._hits, self._hit = [], None
        self.document_view.set_find_hits([])
        self.document_view.setFocus()

    # -- keys in the annotations list -------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        if watched is self.annotations_panel.table and event.type() in (
            event.Type.ShortcutOverride,
            event.Type.KeyPress,
        ):
            action = self.view_keys.action_for(event, text_view=False)
            if action is not None:
                event.accept()
                if event.type() == event.Type.KeyPress:
                    action()
                return True
        return super().eventFilter(watched, event)

    # -- dropping files ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_paths(paths)

    def open_paths(self, paths: list[Path]) -> None:
        """A project file is opened; text files and folders are imported into this project."""
        projects = [p for p in paths if p.is_file() and is_project_file(p)]
        if projects:
            self.open_project(projects[0])
            if len(paths) > 1:
                self.say(self.tr("Opened {name}; the other dropped files were not used.").format(name=projects[0].name))
            return
        self.import_text_files(paths)

    def import_text_files(self, paths: list[Path]) -> bool:
        """Import text files (and folders of them) as documents, in one transaction."""
        from annotator.formats.plaintext import import_text

        before = set(self.project.document_ids())
        try:
            report = import_text(self.project, paths)
        except AnnotatorError as exc:
            show_error(
                self,
                self.tr("Nothing was imported: the project is unchanged.\n\n{exc}").format(exc=exc),
                self.tr("Import failed"),
            )
            return False
        added = sorted(set(self.project.document_ids()) - before)
        self._reload_documents(keep=added[0] if added else (self._document.id if self._document else None))
        notes = f" ({'; '.join(report.notes)})" if report.notes else ""
        self.say(self.tr("Imported: {summary}{notes}").format(summary=report.summary(), notes=notes))
        return True
