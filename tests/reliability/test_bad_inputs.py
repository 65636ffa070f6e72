"""The bad-input catalogue (tests/data/bad/, described in its README.md): every file is imported
with the CLI (click's CliRunner) and, where the GUI has a way in for it, dropped on the main
window. Each bad input is refused with a message naming what is wrong and where (file, line,
field), a non-zero exit code (a dialog in the GUI, never a crash), and the project exactly as it
was (a full dump of the database compared before and after). Two legacy encodings are not bad
at all: they are detected and imported as the Arabic they hold.

The 50 MB single-line inputs are generated at test time (never committed).
"""

from __future__ import annotations

import codecs
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from gui_helpers import BoxRecorder, show_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from reliability_helpers import BAD, FIGURES, full_dump, make_project

from annotator.cli import cli
from annotator.formats.loader import MAX_DOCUMENT_CHARS
from annotator.store.project import Project

ARABIC = "قال المتحدث باسم الكرملين إن الرئيس بوتين أشار إلى ضرورة إطلاق مفاوضات.\nوأضاف أن الوضع متوتر."
HUGE = 50_000_000  # bytes


@dataclass(frozen=True)
class Case:
    name: str
    what: str  # a part of the message saying what is wrong
    where: tuple[str, ...] = ()  # parts saying where: line, field
    accepted: str | None = None  # for inputs that are fine: the text they must give
    gui: bool = False  # the window's drop-import path takes it (text files)


CASES = [
    Case("windows-1256.txt", "decoded as windows-1256", accepted=ARABIC, gui=True),
    Case("utf16-bom.txt", "decoded as utf-16", accepted=ARABIC, gui=True),
    Case("empty.txt", "the file is empty", gui=True),
    Case("binary.png", "not a text file (binary data: NUL byte at offset 8)", gui=True),
    Case("huge-line.txt", "the file is 50.0 MB; documents of up to 2,000,000 characters", gui=True),
    Case("huge-line.jsonl", "the document is 50,000,000 characters long", ("line 1", "field 'text'")),
    Case("wrong-types.jsonl", "offsets must be integers, got start='4'", ("line 2", "field 'spans[0].start'")),
    Case("wrong-type-text.jsonl", "must be a string, got int", ("line 2", "field 'text'")),
    Case("negative-offset.jsonl", "start -3 is negative", ("line 2", "field 'spans[0].start'")),
    Case("start-not-before-end.jsonl", "start 9 is not before end 9", ("line 2", "field 'spans[0].end'")),
    Case("end-past-text.jsonl", "end 500 is past the end of the text (length 30)", ("line 2", "field 'spans[0].end'")),
    Case(
        "span-text-mismatch.jsonl", "span text 'موسكو' does not match the text at 13..18", ("line 2", "spans[0].text")
    ),
    Case("duplicate-span-ids.jsonl", "span id 's1' repeats within the record", ("line 2", "field 'spans[1].id'")),
    Case(
        "duplicate-document-ids.jsonl", "document 'ok-1' is already in the project with a different text", ("line 2",)
    ),
    Case("unknown-label.jsonl", "unknown label 'PERSON'", ("line 2", "field 'spans[0].label'")),
    Case("relation-to-missing-span.jsonl", "relation child 's9' is not a span id", ("line 2", "relations[0].child")),
    Case("not-json.jsonl", "not valid JSON", ("line 2",)),
    Case("empty-token.conll", "empty token", ("line 3", "field 'token'")),
    Case("i-without-b.conll", "I-GPE does not continue a GPE span (I- without B-)", ("line 3", "tag column 1")),
    Case("wrong-column-count.conll", "3 columns, expected 2 (as on line 1)", ("line 3", "field 'columns'")),
    Case("brat-past-end", "end 42 is past the end of doc.txt (length 9)", ("doc.ann", "line 2", "field 'T2.end'")),
]

# Project files that are not good projects: every command that opens one refuses it.
DB_CASES = {
    "truncated.db": "the project file is damaged or cut short",
    "not-sqlite.db": "not a project database",
    "newer-schema.db": "made by a newer annotator (schema 99",
    "zeroed-pages.db": "the project file is damaged",  # generated: pages 2-3 of a project overwritten
}
# `merge` reads the other file through review/distribute.py's own read-only opening, which words it so.
MERGE_SAYS = {"truncated.db": "not a project database (database disk image is malformed)"}


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> Path:
    """The catalogue, plus the inputs too big to commit, in one folder."""
    folder = tmp_path_factory.mktemp("bad")
    for item in BAD.iterdir():
        if item.is_dir():
            shutil.copytree(item, folder / item.name)
        else:
            shutil.copy(item, folder / item.name)
    line = ("كلمة " * (HUGE // len("كلمة ".encode()) + 1)).encode()[:HUGE]
    (folder / "huge-line.txt").write_bytes(line)
    (folder / "huge-line.jsonl").write_bytes(b'{"id": "huge", "text": "' + b"x" * HUGE + b'"}\n')
    fixture = BAD.parent / "schemas" / "v1.annotator.db"
    data = bytearray(fixture.read_bytes())
    data[4096 : 3 * 4096] = bytes(2 * 4096)
    (folder / "zeroed-pages.db").write_bytes(bytes(data))
    return folder


def test_the_catalogue_is_complete_and_small() -> None:
    names = {p.name for p in BAD.iterdir()} - {"README.md"}
    generated = {"huge-line.txt", "huge-line.jsonl"}
    assert names == {c.name for c in CASES} - generated | (set(DB_CASES) - {"zeroed-pages.db"})
    readme = (BAD / "README.md").read_text("utf-8")
    for name in names | generated | set(DB_CASES):
        assert f"`{name}`" in readme, f"{name} is not described in tests/data/bad/README.md"
    assert sum(p.stat().st_size for p in BAD.rglob("*") if p.is_file()) < 100_000
    assert MAX_DOCUMENT_CHARS < HUGE


@pytest.fixture
def project_db(tmp_path: Path) -> Path:
    return make_project(tmp_path / "target.annotator.db")


def _invoke(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=True)


def _check_message(message: str, path: Path, case_what: str, where: tuple[str, ...]) -> None:
    assert str(path) in message, message
    assert case_what in message, message
    for part in where:
        assert part in message, message


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_cli_import_refuses_a_bad_input_and_leaves_the_project_unchanged(
    case: Case, bad_files: Path, project_db: Path
) -> None:
    path = bad_files / case.name
    before = full_dump(project_db)
    source = {p: p.read_bytes() for p in ([path] if path.is_file() else sorted(path.iterdir()))}
    result = _invoke("import", project_db, path)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    assert {p: p.read_bytes() for p in source} == source  # the input is only read
    if case.accepted is not None:
        assert result.exit_code == 0, result.output
        assert case.what in result.stderr
        with Project.open(project_db) as project:
            doc = project.find_document(path.stem)
            assert doc is not None and project.document(doc).text == case.accepted
        return
    assert result.exit_code == 1, result.output
    _check_message(result.stderr, path, case.what, case.where)
    assert "Nothing was imported: the project is unchanged." in result.stderr
    assert "Traceback" not in result.output
    assert full_dump(project_db) == before
    FIGURES["bad_inputs"] += 1


@pytest.mark.parametrize("name", DB_CASES)
@pytest.mark.parametrize(
    "command",
    [
        "import",
        "stats",
        "check",
        "export",
        "agreement",
        "package",
        "gui",
        "merge",
        "backup",
    ],
)
def test_every_command_refuses_a_bad_project_file(
    name: str, command: str, bad_files: Path, project_db: Path, tmp_path: Path
) -> None:
    bad = tmp_path / name
    shutil.copy(bad_files / name, bad)
    original = bad.read_bytes()
    before = full_dump(project_db)
    args = {
        "import": ["import", bad, BAD / "windows-1256.txt"],
        "stats": ["stats", bad],
        "check": ["check", bad],
        "export": ["export", bad, "-o", tmp_path / "out.jsonl"],
        "agreement": ["agreement", bad],
        "package": ["package", bad, "-o", tmp_path / "pack.db", "--annotator", "amal"],
        "merge": ["merge", project_db, bad],  # the bad file as the one merged in
        "gui": ["gui", bad, "--screenshot", tmp_path / "shot.png"],
        "backup": ["backup", bad],
    }[command]
    result = _invoke(*args)
    assert result.exit_code == 1, result.output
    message = result.stderr
    says = MERGE_SAYS.get(name, DB_CASES[name]) if command == "merge" else DB_CASES[name]
    assert str(bad) in message and says in message, message
    assert "Traceback" not in result.output
    assert bad.read_bytes() == original  # not "repaired", migrated or put in WAL mode
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["target.annotator.db", name, *_wal(project_db)])
    assert full_dump(project_db) == before
    FIGURES["bad_inputs"] += 1


def _wal(db: Path) -> list[str]:
    return [p.name for p in db.parent.glob(db.name + "-*")]


# -- the GUI --------------------------------------------------------------------------------


def _drop(window, path: Path) -> None:
    """Drop ``path`` on the window, as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)


@pytest.mark.parametrize("case", [c for c in CASES if c.gui], ids=lambda c: c.name)
def test_dropping_a_bad_text_file_on_the_window_shows_a_dialog(
    case: Case, bad_files: Path, project_db: Path, qtbot, monkeypatch
) -> None:
    path = bad_files / case.name
    window = show_window(qtbot, Project.open(project_db), annotator="amal")
    shown = window.current_document().id
    boxes = BoxRecorder(monkeypatch)
    before = full_dump(project_db)
    _drop(window, path)
    if case.accepted is not None:
        assert boxes.boxes == []
        assert window.document_count() == 4
        assert window.select_document(path.stem) and window.document_view.text == case.accepted
        assert case.what in window.statusBar().currentMessage()
    else:
        [box] = boxes.boxes
        assert box.plain and box.icon == box.icon.Critical
        _check_message(box.text, path, case.what, case.where)
        assert box.text.startswith("Nothing was imported: the project is unchanged.")
        assert full_dump(project_db) == before
        assert window.document_count() == 3 and window.current_document().id == shown
    window.project.close()
    FIGURES["bad_inputs_gui"] += 1


@pytest.mark.parametrize("name", DB_CASES)
def test_dropping_a_bad_project_file_on_the_window_shows_a_dialog(
    name: str, bad_files: Path, project_db: Path, tmp_path: Path, qtbot, monkeypatch
) -> None:
    bad = tmp_path / name
    shutil.copy(bad_files / name, bad)
    original = bad.read_bytes()
    project = Project.open(project_db)
    window = show_window(qtbot, project, annotator="amal")
    boxes = BoxRecorder(monkeypatch)
    _drop(window, bad)
    [box] = boxes.boxes
    assert box.plain and str(bad) in box.text and DB_CASES[name] in box.text
    assert window.project is project and window.document_count() == 3  # still on its project
    assert bad.read_bytes() == original
    project.close()
    FIGURES["bad_inputs_gui"] += 1


def test_the_legacy_encodings_are_what_the_catalogue_says() -> None:
    """The two files that are not bad: Arabic in Windows-1256, and UTF-16 with a byte-order mark."""
    assert (BAD / "windows-1256.txt").read_bytes() == ARABIC.encode("cp1256")
    assert (BAD / "utf16-bom.txt").read_bytes() == codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_import_dialog_refuses_a_bad_input_in_a_dialog(
    case: Case, bad_files: Path, project_db: Path, qtbot
) -> None:
    """File > Import… (annotator/ui/import_dialog.py): the import runs in a worker thread on its
    own connection; a bad input ends in an error box (plain text) and the project unchanged."""
    from annotator.ui.import_dialog import ImportDialog

    path = bad_files / case.name
    window = show_window(qtbot, Project.open(project_db), annotator="amal")
    dialog = ImportDialog(window.project, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_sources([path])
    before = full_dump(project_db)
    assert dialog.start()
    qtbot.waitUntil(lambda: dialog.state != "running", timeout=30_000)
    if case.accepted is not None:
        assert dialog.state == "succeeded", dialog.error
        assert case.what in dialog.report_view.toPlainText()
    else:
        assert dialog.state == "failed"
        box = dialog.error_box
        assert box is not None and box.isVisible() and box.textFormat() == Qt.TextFormat.PlainText
        _check_message(box.text(), path, case.what, case.where)
        assert box.text().startswith("Nothing was imported: the project is unchanged.")
        assert full_dump(project_db) == before
        box.close()
    dialog.close()
    window.project.close()
    FIGURES["bad_inputs_gui"] += 1
