"""File > Package for annotator… and File > Merge annotator databases…: the library's
:func:`~annotator.review.distribute.package_project` and :func:`~annotator.review.distribute.merge_projects`
from the GUI, with their reports shown as plain text.

Both run on a connection of their own in a worker thread (:class:`ProjectTask`): packaging only
reads the project; merging writes it (each incoming file in one transaction), after which the
window reads the project again. A project without a file runs them at once on its own connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import GOLD
from annotator.review.distribute import MergeReport, PackageReport, merge_projects, package_project
from annotator.store.project import Project
from annotator.ui.document_list import first_strong_direction
from annotator.ui.fonts import document_font
from annotator.ui.review_worker import ProjectTask

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

PROJECT_FILTER = QT_TRANSLATE_NOOP("review_distribute", "Annotator projects (*.db *.annotator.db);;All files (*)")


def plain_label(text: str = "") -> QLabel:
    """A QLabel that shows its text as plain text (never guessed to be rich text)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def package_report_text(report: PackageReport) -> str:
    return "\n".join(
        [
            report.summary(),
            "",
            f"Annotator: {report.annotator}",
            f"Documents: {report.documents}",
            f"Their spans: {report.spans}",
            f"Their relations: {report.relations}",
            f"Document statuses carried: {report.statuses}",
            "",
            f"Send {report.path.name} to {report.annotator}; when it comes back, bring their work in with "
            "File > Merge annotator databases…",
        ]
    )


def merge_report_text(report: MergeReport) -> str:
    lines = list(report.messages())
    conflicts = report.conflicts
    if conflicts:
        lines += [
            "",
            QCoreApplication.translate("review_distribute", "Label scheme conflicts (their spans were not merged):"),
        ]
        lines += [f"  {c.message()}" for c in conflicts]
    lines += [
        "",
        QCoreApplication.translate("review_distribute", "Spans added in all: {spans_added}").format(
            spans_added=report.spans_added
        ),
    ]
    return "\n".join(lines)


class ReportDialog(QDialog):
    """A report as plain text (selectable, copyable)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_dialog")
        self.setWindowTitle(title)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        self.text.setFont(document_font(max(11.0, self.font().pointSizeF() * 1.1)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)


class _TaskDialog(QDialog):
    """A dialog that runs one task with progress and cancel, then shows its report."""

    done_with = Signal(object)  # the report, or None (failed or cancelled)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: ProjectTask | None = None
        self.report: Any = None
        self.report_text = ""
        self.error: str | None = None
        self.progress = QProgressBar()
        self.progress.hide()
        self.message = plain_label("")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self._cancel_or_close)

    def running(self) -> bool:
        return self._task is not None

    def _launch(self, project: Project, work, *, write: bool) -> None:
        task = ProjectTask(project, work, write=write)
        self._task = task
        task.progressed.connect(self._on_progress)
        task.succeeded.connect(self._on_success)
        task.failed.connect(self._on_failure)
        task.cancelled.connect(lambda: self._on_failure("cancelled: nothing of the file being worked on was written"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.setText(self.tr("Working…"))
        task.start()

    def start(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _end_task(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.wait()
        self.progress.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def _on_success(self, report: Any) -> None:
        self._end_task()
        self.report = report
        self.report_text = self.describe(report)
        self.message.setText(self.tr("Done."))
        self.done_with.emit(report)
        self.accept()

    def _on_failure(self, message: str) -> None:
        self._end_task()
        self.error = message
        self.message.setText(self.tr("Nothing done: {message}").format(message=message))
        self.done_with.emit(None)

    def describe(self, report: Any) -> str:  # pragma: no cover - overridden
        return str(report)

    def _cancel_or_close(self) -> None:
        if self._task is not None:
            self._task.cancel()
        else:
            self.reject()


class PackageDialog(_TaskDialog):
    """Choose an annotator, documents and a file; writes a project database for that annotator."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("package_dialog")
        self.setWindowTitle(self.tr("Package for annotator"))
        self._project = project
        self.annotator_combo = QComboBox()
        self.annotator_combo.setEditable(True)
        self.annotator_combo.addItems([n for n in project.annotators() if n != GOLD])
        self.annotator_combo.setCurrentText("")
        self.annotator_combo.lineEdit().setPlaceholderText(self.tr("the annotator's name"))
        self.documents = QListWidget()
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        font = document_font(max(12.0, self.font().pointSizeF() * 1.15))
        for info in project.document_list():
            item = QListWidgetItem(f"{info.title or info.ext_id}  ({info.ext_id})")
            item.setData(Qt.ItemDataRole.UserRole, info.ext_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setFont(font)
            if first_strong_direction(info.title or "") == Qt.LayoutDirection.RightToLeft:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.documents.addItem(item)
        all_button = QPushButton(self.tr("All"))
        none_button = QPushButton(self.tr("None"))
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button.clicked.connect(lambda: self._check_all(False))
        self.output_edit = QLineEdit()
        self.output_edit.setPlaceholderText(self.tr("the package file to write, e.g. amal.annotator.db"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(browse)
        checks = QHBoxLayout()
        checks.addWidget(plain_label(self.tr("Documents:")))
        checks.addStretch(1)
        checks.addWidget(all_button)
        checks.addWidget(none_button)
        form = QFormLayout()
        form.addRow(self.tr("Annotator:"), self.annotator_combo)
        form.addRow(self.tr("Write to:"), output_row)
        hint = plain_label(
            self.tr(
                "The package holds the chosen documents, the label scheme and the annotator's own layer, nothing of "
                "anyone else's. They annotate it offline; File > Merge annotator databases… brings it back."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(checks)
        layout.addWidget(self.documents, 1)
        layout.addWidget(hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.documents.count()):
            self.documents.item(i).setCheckState(state)

    def _browse(self) -> None:
        name = self.annotator_combo.currentText().strip() or "annotator"
        folder = self._project.path.parent if self._project.path else Path.cwd()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Package for annotator"),
            str(folder / f"{name}.annotator.db"),
            QCoreApplication.translate("review_distribute", PROJECT_FILTER),
        )
        if path:
            self.output_edit.setText(path)

    def chosen_documents(self) -> list[str] | None:
        """External ids of the checked documents (None: all of them)."""
        ids = [
            self.documents.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.documents.count())
            if self.documents.item(i).checkState() == Qt.CheckState.Checked
        ]
        return None if len(ids) == self.documents.count() else ids

    def start(self) -> None:
        annotator = " ".join(self.annotator_combo.currentText().split())
        output = self.output_edit.text().strip()
        documents = self.chosen_documents()
        if not annotator:
            self.message.setText(self.tr("Give the annotator's name."))
            return
        if not output:
            self.message.setText(self.tr("Choose the file to write."))
            return
        if documents == []:
            self.message.setText(self.tr("Check at least one document."))
            return

        def work(project: Project, progress) -> PackageReport:
            return package_project(project, output, annotator=annotator, documents=documents, progress=progress)

        self._launch(self._project, work, write=False)

    def describe(self, report: PackageReport) -> str:
        return package_report_text(report)


class MergeDialog(_TaskDialog):
    """Choose annotators' database files and options; merges their layers into the project."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(self.tr("Merge annotator databases"))
        self._project = project
        self.files = QListWidget()
        add = QPushButton(self.tr("Add files…"))
        remove = QPushButton(self.tr("Remove"))
        add.clicked.connect(self._browse)
        remove.clicked.connect(self._remove)
        self.annotators_edit = QLineEdit()
        self.annotators_edit.setPlaceholderText(self.tr("every layer but gold (or: amal, omar)"))
        self.gold_box = QCheckBox(self.tr("Also merge the gold layer"))
        self.add_labels_box = QCheckBox(self.tr("Add labels this project's scheme lacks (instead of reporting them)"))
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Only these layers:"), self.annotators_edit)
        hint = plain_label(
            self.tr(
                "Documents are matched by id and text; a document whose text differs is reported, not merged. "
                "Merging the same file twice adds nothing; nothing is ever deleted, and no document's text or other "
                "annotator's layer changes."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Annotator databases:")))
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons_row)
        layout.addLayout(form)
        layout.addWidget(self.gold_box)
        layout.addWidget(self.add_labels_box)
        layout.addWidget(hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, 480)

    def add_files(self, paths: list[str | Path]) -> None:
        present = set(self.paths())
        for path in paths:
            if str(path) not in present:
                self.files.addItem(str(path))
                present.add(str(path))

    def paths(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def _browse(self) -> None:
        folder = self._project.path.parent if self._project.path else Path.cwd()
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Annotator databases"),
            str(folder),
            QCoreApplication.translate("review_distribute", PROJECT_FILTER),
        )
        self.add_files(paths)

    def _remove(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))

    def start(self) -> None:
        paths = self.paths()
        if not paths:
            self.message.setText(self.tr("Add the annotators' database files first."))
            return
        names = [n.strip() for n in self.annotators_edit.text().replace("،", ",").split(",") if n.strip()] or None
        include_gold = self.gold_box.isChecked()
        add_labels = self.add_labels_box.isChecked()

        def work(project: Project, progress) -> MergeReport:
            return merge_projects(
                project,
                paths,
                include_gold=include_gold,
                annotators=names,
                add_labels=add_labels,
                progress=progress,
            )

        self._launch(self._project, work, write=True)

    def describe(self, report: MergeReport) -> str:
        return merge_report_text(report)


def package_for_annotator(window: MainWindow) -> PackageDialog:
    """File > Package for annotator…"""
    dialog = PackageDialog(window.project, window)
    dialog.done_with.connect(
        lambda report: _show_report(
            window, QCoreApplication.translate("review_distribute", "Package written"), dialog, report
        )
    )
    dialog.open()
    return dialog


def merge_databases(window: MainWindow) -> MergeDialog:
    """File > Merge annotator databases…"""
    dialog = MergeDialog(window.project, window)

    def finished(report: MergeReport | None) -> None:
        if report is not None:
            window.refresh()
            review = getattr(window, "review", None)
            if review is not None and review.enabled:
                review._start_overview()
        _show_report(window, QCoreApplication.translate("review_distribute", "Merge report"), dialog, report)

    dialog.done_with.connect(finished)
    dialog.open()
    return dialog


def _show_report(window: MainWindow, title: str, dialog: _TaskDialog, report: Any) -> None:
    if report is None:
        return  # the dialog stays open, saying what went wrong
    window.say(dialog.report_text.splitlines()[0] if dialog.report_text else title)
    box = ReportDialog(title, dialog.report_text, window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.last_report = box  # type: ignore[attr-defined]
    box.open()


def add_file_actions(window: MainWindow, menu: QMenu) -> None:
    """File > Package for annotator… and File > Merge annotator databases…, then a separator."""
    window.package_action = QAction(QCoreApplication.translate("review_distribute", "&Package for annotator…"), window)  # type: ignore[attr-defined]
    window.package_action.triggered.connect(lambda _checked=False: package_for_annotator(window))  # type: ignore[attr-defined]
    window.merge_action = QAction(
        QCoreApplication.translate("review_distribute", "&Merge annotator databases…"), window
    )  # type: ignore[attr-defined]
    window.merge_action.triggered.connect(lambda _checked=False: merge_databases(window))  # type: ignore[attr-defined]
    menu.addAction(window.package_action)  # type: ignore[attr-defined]
    menu.addAction(window.merge_action)  # type: ignore[attr-defined]
    menu.addSeparator()
