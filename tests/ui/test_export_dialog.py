"""File > Export…: the dialog's exports equal the library's, run in a worker, cancel cleanly.

Real project files in tmp_path, real worker threads; nothing is mocked. Each export made through
the dialog is compared byte for byte with what ``annotator.formats.registry``'s exporter writes
directly with the same options, on a connection of its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import build_project, show_window

from annotator.core.model import Document, Span
from annotator.formats.registry import EXPORTS
from annotator.formats.selection import ExportOptions
from annotator.store.project import Project
from annotator.ui.export_dialog import ExportDialog, summary_text
from annotator.ui.main_window import MainWindow

TIMEOUT = 30_000


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return build_project(tmp_path)


def open_dialog(qtbot, window: MainWindow) -> ExportDialog:
    """File > Export… as a user chooses it: the menu action."""
    window.export_action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def run(qtbot, dialog: ExportDialog, output: Path) -> None:
    dialog.output_edit.setText(str(output))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "running"
    qtbot.waitUntil(lambda: dialog.state != "running", timeout=TIMEOUT)


def without_isolates(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


def library_export(path: Path, fmt: str, output: Path, options: ExportOptions, **kwargs) -> object:
    with Project.open(path) as project:
        return EXPORTS[fmt].exporter()(project, output, options, **kwargs)


def test_jsonl_through_the_dialog_is_the_library_export(qtbot, project_path: Path, tmp_path: Path) -> None:
    with Project.open(project_path) as project:
        window = show_window(qtbot, project, annotator="amal", prompt=False)
        dialog = open_dialog(qtbot, window)
        dialog.set_format("jsonl")
        assert dialog.output_edit.text().endswith(".jsonl")  # suggested beside the project
        out = tmp_path / "out" / "dialog.jsonl"
        run(qtbot, dialog, out)
        assert dialog.state == "succeeded", dialog.error
        expected = library_export(project_path, "jsonl", tmp_path / "direct.jsonl", ExportOptions())
        assert out.read_bytes() == (tmp_path / "direct.jsonl").read_bytes()
        report = dialog.result.report
        assert report.to_dict() | {"path": ""} == expected.to_dict() | {"path": ""}
        # The summary is shown as plain text and written next to the output, as the CLI does.
        shown = dialog.summary_view.toPlainText()
        assert report.summary() in without_isolates(shown) and "Nothing was lost" in shown
        assert "\u2068amal" not in shown and "\u2068PER\u2069 2" in shown  # label names isolated
        summary = json.loads(Path(f"{out}.summary.json").read_text(encoding="utf-8"))
        assert summary == report.to_dict() and summary["documents"] == 3
        assert dialog.progress_bar.value() == 100
        dialog.close()


def test_conll_with_options_is_the_library_export(qtbot, project_path: Path, tmp_path: Path) -> None:
    """Layer, label selection and renaming, whitespace tokenizer and one tag column: the same
    file as the library writes, and the counts of what CoNLL could not hold are shown."""
    with Project.open(project_path) as project:
        window = show_window(qtbot, project, annotator="amal", prompt=False)
        dialog = open_dialog(qtbot, window)
        dialog.set_format("conll")
        assert dialog.tokenizer_combo.isEnabled() and dialog.columns_spin.isEnabled()
        dialog.set_layer("amal")
        dialog.set_label("CUE", checked=False)
        dialog.set_label("GPE", export_as="LOC")
        dialog.tokenizer_combo.setCurrentIndex(dialog.tokenizer_combo.findData("whitespace"))
        dialog.columns_spin.setValue(1)
        out = tmp_path / "dialog.conll"
        run(qtbot, dialog, out)
        assert dialog.state == "succeeded", dialog.error

        labels = {name: name for name in project.scheme().span_label_names if name != "CUE"} | {"GPE": "LOC"}
        options = ExportOptions(layer="amal", labels=labels, tokenizer="whitespace")
        expected = library_export(project_path, "conll", tmp_path / "direct.conll", options, max_columns=1)
        assert out.read_bytes() == (tmp_path / "direct.conll").read_bytes()
        report = dialog.result.report
        assert report.lost == expected.lost and report.lost  # nested spans dropped, GPE widened
        assert report.spans["LOC"] == 1 and "CUE" not in report.spans and "GPE" not in report.spans
        shown = dialog.summary_view.toPlainText()
        for what, count in report.lost.items():
            assert f"{what}: {count}" in shown
        assert shown == summary_text(dialog.result)


def test_options_apply_to_each_format(qtbot, project_path: Path) -> None:
    with Project.open(project_path) as project:
        dialog = ExportDialog(project)
        qtbot.addWidget(dialog)
        for name, fmt in EXPORTS.items():
            dialog.set_format(name)
            assert dialog.columns_spin.isEnabled() == (name == "conll")
            assert dialog.output_edit.text() == str(project_path.parent / Path(dialog.output_edit.text()).name)
            if fmt.folder:
                assert not Path(dialog.output_edit.text()).suffix
        # Every label checked and none renamed means "keep every label", as without --labels.
        assert dialog.label_map() is None
        dialog.set_label("PER", export_as="  ")  # an empty name keeps the label's own
        assert dialog.label_map() is None
        dialog.check_all_labels(False)
        dialog.set_label("QUOTE")
        assert dialog.label_map() == {"QUOTE": "QUOTE"}
        # Span counts follow the chosen layer.
        counts = {name: int(count) for name, _checked, count in _count_rows(dialog)}
        assert counts["PER"] == 2 and counts["CUE"] == 1


def _count_rows(dialog: ExportDialog) -> list[tuple[str, bool, str]]:
    table = dialog.labels_table
    return [(table.item(r, 0).text(), True, table.item(r, 2).text()) for r in range(table.rowCount())]


def test_a_bad_option_or_failing_export_shows_a_plain_text_error(qtbot, project_path: Path, tmp_path: Path) -> None:
    with Project.open(project_path) as project:
        dialog = ExportDialog(project)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.split_edit.setText("0.5,0.2")
        dialog.output_edit.setText(str(tmp_path / "x.jsonl"))
        assert not dialog.start()  # refused before any thread starts
        box = dialog.error_box
        assert box is not None and box.isVisible() and box.textFormat() == Qt.TextFormat.PlainText
        assert "bad split '0.5,0.2'" in box.text()
        box.close()

        dialog.split_edit.clear()
        blocker = tmp_path / "a-file"
        blocker.write_text("not a folder", encoding="utf-8")
        run(qtbot, dialog, blocker / "out.jsonl")  # the output's folder is a file: OSError in the worker
        assert dialog.state == "failed"
        box = dialog.error_box
        assert box.isVisible() and box.textFormat() == Qt.TextFormat.PlainText
        assert box.icon() == QMessageBox.Icon.Critical
        assert "nothing was written" in box.text() and str(blocker) in box.text()
        assert dialog.run_button.isEnabled() and not dialog.cancel_button.isEnabled()
        box.close()


def many_documents(path: Path, count: int) -> Path:
    """A project with ``count`` short documents, three spans each (one transaction)."""
    text = "قال فلاديمير بوتين إن لروسيا حقها، وأضاف الكرملين أن حلف شمال الأطلسي يتوسع. " * 3
    with Project.create(path) as project, project.transaction():
        for i in range(count):
            doc = project.add_document(Document(text=text, ext_id=f"doc-{i:05d}"))
            project.add_spans(
                doc,
                [
                    Span(4, 18, "PER", "amal"),
                    Span(23, 28, "GPE", "amal"),
                    Span(text.index("حلف"), text.index("حلف") + 16, "ORG", "amal"),
                ],
            )
    return path


@pytest.mark.parametrize("fmt", ["conll", "hf"])
def test_cancel_leaves_no_output_and_no_temporary_files(qtbot, tmp_path: Path, fmt: str) -> None:
    path = many_documents(tmp_path / "big.annotator.db", 4000)
    out_folder = tmp_path / "exports"
    out_folder.mkdir()
    with Project.open(path) as project:
        dialog = ExportDialog(project)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.set_format(fmt)
        output = out_folder / ("big.conll" if fmt == "conll" else "big-hf")
        dialog.output_edit.setText(str(output))
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
        assert dialog.job is not None
        with qtbot.waitSignal(dialog.job.progressed, timeout=TIMEOUT):  # the first progress we see
            pass
        assert dialog.cancel_button.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.state != "running", timeout=TIMEOUT)
        assert dialog.state == "cancelled"
        assert dialog.job.steps < 4000  # stopped part-way
        assert dialog.status_label.text() == "Cancelled: nothing was written."
        assert list(out_folder.iterdir()) == []  # no output, no temporary file or folder, no summary
        beside = [p.name for p in tmp_path.iterdir() if p.name.startswith(".") or p.name.endswith(".tmp")]
        assert beside == []
        # The same dialog exports once more, completely, after a cancel.
        run(qtbot, dialog, output)
        assert dialog.state == "succeeded" and dialog.result.report.documents == 4000
        assert output.exists()
