"""File > Package for annotator… and File > Merge annotator databases… on real project files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from test_review_mode import build_review_project
from ui_helpers import show_window

from annotator.core.model import Span
from annotator.review.adjudication import document_diff
from annotator.store.project import Project
from annotator.ui.review_distribute import MergeDialog, PackageDialog, ReportDialog


def run(qtbot, dialog) -> object:
    with qtbot.waitSignal(dialog.done_with, timeout=10_000) as blocker:
        dialog.start()
    return blocker.args[0]


def test_package_then_merge_back(qtbot, tmp_path: Path) -> None:
    path = build_review_project(tmp_path)
    project = Project.open(path)
    try:
        window = show_window(qtbot, project, annotator="amal", prompt=False)
        assert window.package_action.text().startswith("&Package") and window.merge_action.isEnabled()

        # Package the seed article for a new annotator, nadia.
        dialog = PackageDialog(project, window)
        qtbot.addWidget(dialog)
        dialog.annotator_combo.setCurrentText("nadia")
        out = tmp_path / "nadia.annotator.db"
        dialog.output_edit.setText(str(out))
        for i in range(dialog.documents.count()):
            item = dialog.documents.item(i)
            if item.data(Qt.ItemDataRole.UserRole) != "seed":
                item.setCheckState(Qt.CheckState.Unchecked)
        assert dialog.chosen_documents() == ["seed"]
        report = run(qtbot, dialog)
        assert report is not None and report.documents == 1
        assert "1 documents for nadia" in dialog.report_text
        with Project.open(out) as package:
            assert package.get_setting("annotator") == "nadia"
            assert [package.document(d).ext_id for d in package.document_ids()] == ["seed"]
            assert package.annotators() == ["nadia"]  # nobody else's layer travels
            doc = package.document_ids()[0]
            package.add_span(doc, Span(0, 3, "CUE", "nadia"))
            package.set_status(doc, "nadia", "done")

        # A second package to the same file is refused, and says so.
        again = PackageDialog(project, window)
        qtbot.addWidget(again)
        again.annotator_combo.setCurrentText("nadia")
        again.output_edit.setText(str(out))
        assert run(qtbot, again) is None
        assert "already exists" in again.message.text()

        # Merge it back: her layer comes in; the report says what happened.
        merge = MergeDialog(project, window)
        qtbot.addWidget(merge)
        merge.add_files([out, out])
        assert merge.paths() == [str(out)]
        report = run(qtbot, merge)
        assert report is not None and report.spans_added == 1
        assert "nadia: 1 spans added" in merge.report_text
        seed = project.find_document("seed")
        assert [(s.start, s.end, s.label) for s in project.spans(seed, "nadia")] == [(0, 3, "CUE")]
        assert "nadia" in document_diff(project, seed).annotators
        # Twice: nothing more.
        merge2 = MergeDialog(project, window)
        qtbot.addWidget(merge2)
        merge2.add_files([out])
        assert run(qtbot, merge2).spans_added == 0
        assert "0 spans added" in merge2.report_text
    finally:
        project.close()


def test_merge_from_the_file_menu_shows_the_report_and_refreshes(qtbot, tmp_path: Path) -> None:
    path = build_review_project(tmp_path)
    project = Project.open(path)
    try:
        window = show_window(qtbot, project, annotator="amal", prompt=False)
        from annotator.review.distribute import package_project

        out = tmp_path / "omar.annotator.db"
        package_project(project, out, annotator="omar", documents=["second"])
        with Project.open(out) as package:
            package.add_span(package.document_ids()[0], Span(4, 10, "PER", "omar"))
        window.select_document("second")
        window.review_mode_action.trigger()
        before = len(window.review.diff().disagreements)

        window.merge_action.trigger()
        dialog = window.findChild(MergeDialog)
        assert dialog is not None and dialog.isVisible()
        dialog.add_files([out])
        with qtbot.waitSignal(dialog.done_with, timeout=10_000):
            dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: getattr(window, "last_report", None) is not None)
        box = window.last_report
        assert isinstance(box, ReportDialog)
        assert "omar: 1 spans added" in box.text.toPlainText()
        # The window read the project again: review mode shows the new disagreement.
        assert len(window.review.diff().disagreements) == before + 1
        box.close()
        window.review._stop_overview()
    finally:
        project.close()
