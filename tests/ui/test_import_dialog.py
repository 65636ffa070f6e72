"""File > Import…: imports through the dialog reach the main window; a bad file changes nothing.

Real project files in tmp_path and real worker threads; nothing is mocked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_helpers import build_project, show_window

from annotator.store.project import Project
from annotator.ui.import_dialog import NOTHING_IMPORTED, ImportDialog
from annotator.ui.main_window import MainWindow

TIMEOUT = 30_000
FIRST = "قال الرئيس إن روسيا مستعدة للتفاوض."
SECOND = "أعلن حلف شمال الأطلسي عن قمة في بروكسل."


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return build_project(tmp_path)


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def good_records() -> list[dict]:
    return [
        {
            "id": "news-1",
            "text": FIRST,
            "spans": [{"start": 14, "end": 19, "label": "GPE", "annotator": "amal", "text": "روسيا"}],
        },
        {
            "id": "news-2",
            "text": SECOND,
            "spans": [
                {"id": "o", "start": 5, "end": 21, "label": "ORG", "annotator": "amal"},
                {"id": "g", "start": 33, "end": 39, "label": "GPE", "annotator": "amal"},
            ],
        },
    ]


def open_dialog(window: MainWindow) -> ImportDialog:
    window.import_formats_action.trigger()  # File > Import…
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def run(qtbot, dialog: ImportDialog) -> None:
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "running"
    qtbot.waitUntil(lambda: dialog.state != "running", timeout=TIMEOUT)


def contents(path: Path) -> tuple[list, list, list, list]:
    """Everything an import could change, read on a connection of its own."""
    with Project.open(path) as other:
        conn = other.conn
        return (
            conn.execute("SELECT id, ext_id, text FROM documents ORDER BY id").fetchall(),
            conn.execute('SELECT id, document_id, label, "start", "end" FROM spans ORDER BY id').fetchall(),
            conn.execute("SELECT name FROM span_labels ORDER BY name").fetchall(),
            conn.execute("SELECT name FROM annotators ORDER BY name").fetchall(),
        )


def test_jsonl_import_shows_the_documents_in_the_window(qtbot, project_path: Path, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "news.jsonl", good_records())
    with Project.open(project_path) as project:
        window = show_window(qtbot, project, annotator="amal", prompt=False)
        assert window.document_count() == 3
        dialog = open_dialog(window)
        dialog.add_sources([source])
        assert dialog.sources_list.item(0).text().endswith("[jsonl, detected]")
        run(qtbot, dialog)
        assert dialog.state == "succeeded", dialog.error
        assert dialog.report.documents_added == 2 and dialog.report.spans_added == 3
        assert "Imported: 2 documents added" in dialog.report_view.toPlainText()
        # The window read its documents again and shows the first new one, with its spans.
        assert window.document_count() == 5
        ext_ids = [info.ext_id for info in window.document_model.infos()]
        assert ext_ids[-2:] == ["news-1", "news-2"]
        assert window.current_document().ext_id == "news-1"
        assert window.document_view.text == FIRST
        assert [(s.label, s.text_in(FIRST)) for s in window.document_view.spans] == [("GPE", "روسيا")]
        window.select_document("news-2")
        assert sorted(s.label for s in window.document_view.spans) == ["GPE", "ORG"]
        assert "Imported: 2 documents added" in window.statusBar().currentMessage()
        dialog.close()


def test_a_bad_jsonl_shows_where_and_changes_nothing(qtbot, project_path: Path, tmp_path: Path) -> None:
    records = good_records()
    records[1]["spans"][1]["end"] = 400  # past the end of the text, on line 2
    source = write_jsonl(tmp_path / "bad.jsonl", records)
    before = contents(project_path)
    with Project.open(project_path) as project:
        window = show_window(qtbot, project, annotator="amal", prompt=False)
        dialog = open_dialog(window)
        dialog.add_sources([source])
        dialog.add_labels_check.setChecked(True)
        run(qtbot, dialog)
        assert dialog.state == "failed"
        box = dialog.error_box
        assert box is not None and box.isVisible() and box.textFormat() == Qt.TextFormat.PlainText
        text = box.text()
        assert text.startswith(NOTHING_IMPORTED)
        assert f"{source}, line 2, field 'spans[1].end'" in text and "past the end of the text" in text
        assert NOTHING_IMPORTED in dialog.report_view.toPlainText()
        box.close()
        assert window.document_count() == 3
        assert contents(project_path) == before  # news-1 of line 1 was rolled back too


def test_conll_repair_is_the_users_choice(qtbot, project_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "tags.conll"
    source.write_text("-DOCSTART- -X- -X- O\n\nقال\tO\nبوتين\tI-PER\nاليوم\tO\n", encoding="utf-8")
    with Project.open(project_path) as project:
        window = show_window(qtbot, project, annotator="amal", prompt=False)
        dialog = open_dialog(window)
        dialog.add_sources([source])
        assert dialog.repair_check.isEnabled()
        run(qtbot, dialog)
        assert dialog.state == "failed" and "line 4" in dialog.error and "I-PER" in dialog.error
        dialog.error_box.close()
        assert window.document_count() == 3

        dialog.repair_check.setChecked(True)
        run(qtbot, dialog)
        assert dialog.state == "succeeded", dialog.error
        assert dialog.report.documents_added == 1 and dialog.report.notes  # the repair is listed
        assert window.document_count() == 4
        assert [s.label for s in window.document_view.spans] == ["PER"]


def test_conll_tag_columns_are_the_users_choice(qtbot, project_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "eng.conll"
    source.write_text(
        "-DOCSTART- -X- -X- O\n\nقال VBD B-VP O\nبوتين NNP B-NP B-PER\nاليوم NN B-NP O\n", encoding="utf-8"
    )
    text = tmp_path / "note.txt"
    text.write_text("خبر", encoding="utf-8")
    with Project.open(project_path) as project:
        window = show_window(qtbot, project, annotator="amal", prompt=False)
        dialog = open_dialog(window)
        dialog.add_sources([text])
        assert not dialog.tag_columns_edit.isEnabled()  # only CoNLL files have tag columns
        dialog.add_sources([source])
        assert dialog.tag_columns_edit.isEnabled()
        dialog.tag_columns_edit.setText("1")
        assert not dialog.start() and "column 1 cannot hold tags" in dialog.error_box.text()
        dialog.error_box.close()

        dialog.tag_columns_edit.setText("3, 4")
        dialog.add_labels_check.setChecked(True)
        run(qtbot, dialog)
        assert dialog.state == "succeeded", dialog.error
        assert dialog.report.spans_added == 4  # two chunks of NP, one VP, one PER
        window.select_document("eng-1")
        assert sorted(s.label for s in window.document_view.spans) == ["NP", "NP", "PER", "VP"]


def test_label_studio_predictions_are_the_users_choice(qtbot, project_path: Path, tmp_path: Path) -> None:
    region = {"start": 4, "end": 10, "text": "بيسكوف", "labels": ["PER"]}
    task = {
        "data": {"text": "قال بيسكوف إن روسيا مستعدة", "doc_id": "pre"},
        "annotations": [],
        "predictions": [{"model_version": "m1", "result": [{"id": "p", "type": "labels", "value": region}]}],
    }
    source = tmp_path / "tasks.json"
    source.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    with Project.open(project_path) as project:
        window = show_window(qtbot, project, annotator="amal", prompt=False)
        dialog = open_dialog(window)
        dialog.add_sources([source])
        assert dialog.predictions_check.isEnabled() and not dialog.tag_columns_edit.isEnabled()
        dialog.predictions_check.setChecked(True)
        run(qtbot, dialog)
        assert dialog.state == "succeeded", dialog.error
        assert "1 predictions imported as suggestions" in dialog.report_view.toPlainText()
        window.select_document("pre")
        doc = window.current_document()
        assert [(s.annotator, s.label) for s in project.spans(doc.id)] == [("~suggest", "PER")]


def many_records(path: Path) -> Path:
    """20,000 records: an import long enough to be stopped part-way."""
    text = "قال فلاديمير بوتين إن لروسيا حقها. " * 4
    span = {"start": 4, "end": 18, "label": "PER", "annotator": "amal"}
    return write_jsonl(path, [{"id": f"n{i}", "text": text, "spans": [span]} for i in range(20_000)])


def start_and_wait_for_progress(qtbot, dialog: ImportDialog) -> None:
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.job.progressed, timeout=TIMEOUT):
        pass


def test_cancel_imports_nothing(qtbot, project_path: Path, tmp_path: Path) -> None:
    source = many_records(tmp_path / "many.jsonl")
    before = contents(project_path)
    with Project.open(project_path) as project:
        dialog = ImportDialog(project)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.add_sources([source])
        start_and_wait_for_progress(qtbot, dialog)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.state != "running", timeout=TIMEOUT)
        assert dialog.state == "cancelled"
        assert NOTHING_IMPORTED in dialog.status_label.text()
    assert contents(project_path) == before


def test_nothing_to_import_is_refused_before_starting(qtbot, project_path: Path) -> None:
    with Project.open(project_path) as project:
        dialog = ImportDialog(project)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.run_button.isEnabled()
        assert not dialog.start()
        assert dialog.job is None and "add the files" in dialog.error_box.text()
        dialog.error_box.close()


def test_escape_cancels_a_running_import_and_closing_stops_it(qtbot, project_path: Path, tmp_path: Path) -> None:
    source = many_records(tmp_path / "many.jsonl")
    before = contents(project_path)
    with Project.open(project_path) as project:
        dialog = ImportDialog(project)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.add_sources([source])
        start_and_wait_for_progress(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # cancels the import, the dialog stays open
        assert dialog.isVisible()
        qtbot.waitUntil(lambda: dialog.state != "running", timeout=TIMEOUT)
        assert dialog.state == "cancelled" and dialog.isVisible()

        start_and_wait_for_progress(qtbot, dialog)
        dialog.close()  # closing under a running import stops it and waits for the thread
        assert dialog.state == "cancelled" and not dialog.job.isRunning() and not dialog.isVisible()
    assert contents(project_path) == before
