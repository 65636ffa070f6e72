"""The command line, run through click's CliRunner on real project files (and once as a real process)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import arabic_reshaper
import pytest
from bidi.algorithm import get_display
from click.testing import CliRunner

from annotator import __version__
from annotator.cli import cli
from annotator.store.project import Project

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCHEME = json.loads((ROOT / "resources" / "label_scheme.json").read_text(encoding="utf-8"))

RECORDS = [
    {
        "id": "d1",
        "text": "قال بوتين إن روسيا تريد ضمانات",
        "spans": [
            {"id": "p", "start": 4, "end": 9, "label": "PER", "annotator": "amal"},
            {"id": "g", "start": 13, "end": 18, "label": "GPE", "annotator": "amal"},
            {"id": "q", "start": 13, "end": 30, "label": "QUOTE", "annotator": "amal", "attrs": {"type": "indirect"}},
            {"id": "p2", "start": 4, "end": 9, "label": "PER", "annotator": "omar"},
        ],
        "relations": [{"head": "q", "child": "p", "label": "SAID_BY"}],
    },
    {"id": "d2", "text": "بيان الكرملين", "spans": [{"start": 5, "end": 13, "label": "ORG", "annotator": "omar"}]},
    {"id": "d3", "text": "نص بلا تعليقات", "spans": []},
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def project_db(tmp_path, runner) -> Path:
    """A project made with `init`, filled with `import`: two annotators, three documents."""
    db = tmp_path / "news.annotator.db"
    assert runner.invoke(cli, ["init", str(db)]).exit_code == 0
    source = tmp_path / "records.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    result = runner.invoke(cli, ["import", str(db), str(source)])
    assert result.exit_code == 0, result.output
    return db


def test_version_option_prints_the_package_version(runner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"annotator, version {__version__}"


def test_the_console_script_runs_as_a_real_process() -> None:
    script = Path(sys.executable).with_name("annotator")
    command = [str(script)] if script.exists() else [sys.executable, "-c", "from annotator.cli import main; main()"]
    done = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout


def test_init_creates_a_project_with_the_default_labels(tmp_path, runner) -> None:
    db = tmp_path / "new.db"
    result = runner.invoke(cli, ["init", str(db)])
    assert result.exit_code == 0, result.output
    names = [label["name"] for label in DEFAULT_SCHEME["span_labels"]]
    assert names == ["PER", "ORG", "GPE", "LOC", "EVENT", "DATE", "QUOTE", "CLAIM", "CUE"]
    assert ", ".join(names) in result.stdout
    with Project.open(db) as project:
        scheme = project.scheme()
        assert scheme.span_label_names == names
        assert scheme.relation_label_names == ["SAID_BY", "CLAIMED_BY", "CUE_OF"]
        assert scheme.relation_label("SAID_BY").allows("QUOTE", "PER")
        assert not scheme.relation_label("SAID_BY").allows("PER", "QUOTE")
        assert project.get_setting("annotator") is None
        assert project.document_ids() == []
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_init_with_annotator_records_the_project_annotator(tmp_path, runner) -> None:
    db = tmp_path / "new.db"
    assert runner.invoke(cli, ["init", str(db), "--annotator", "أمل"]).exit_code == 0
    with Project.open(db) as project:
        assert project.get_setting("annotator") == "أمل"


def test_init_with_a_scheme_file_uses_its_labels(tmp_path, runner) -> None:
    scheme = tmp_path / "scheme.json"
    scheme.write_text(
        json.dumps({"name": "tiny", "span_labels": [{"name": "WEAPON"}, {"name": "PER", "key": "p"}]}), encoding="utf-8"
    )
    db = tmp_path / "tiny.db"
    result = runner.invoke(cli, ["init", str(db), "--scheme", str(scheme)])
    assert result.exit_code == 0, result.output
    with Project.open(db) as project:
        assert project.scheme().span_label_names == ["WEAPON", "PER"]


def test_init_refuses_an_existing_file(tmp_path, runner) -> None:
    db = tmp_path / "taken.db"
    db.write_bytes(b"not yours")
    result = runner.invoke(cli, ["init", str(db)])
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert db.read_bytes() == b"not yours"


def _row(output: str, first: str) -> list[str]:
    return next(line.split() for line in output.splitlines() if line.split()[:1] == [first])


def test_stats_shows_documents_spans_per_label_and_annotator_and_status(project_db, runner) -> None:
    with Project.open(project_db) as project:
        d2 = project.find_document("d2")
        project.set_status(d2 or 0, "omar", "done")
    result = runner.invoke(cli, ["stats", str(project_db)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Documents:  3" in out
    assert "Annotators: amal, omar" in out
    assert _row(out, "Spans") == ["Spans", "amal", "omar"]
    assert _row(out, "PER") == ["PER", "1", "1"]
    assert _row(out, "GPE") == ["GPE", "1", "0"]
    assert _row(out, "ORG") == ["ORG", "0", "1"]
    assert _row(out, "QUOTE") == ["QUOTE", "1", "0"]
    assert _row(out, "total") == ["total", "3", "2"]
    assert "Relations of amal: SAID_BY 1" in out
    assert "amal: new 2, in progress 1, done 0" in out
    assert "omar: new 1, in progress 1, done 1" in out


def test_stats_json_gives_the_same_figures_as_data(project_db, runner) -> None:
    result = runner.invoke(cli, ["stats", str(project_db), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["documents"] == 3
    assert figures["characters"] == sum(len(r["text"]) for r in RECORDS)
    assert figures["annotators"] == ["amal", "omar"]
    assert figures["spans"] == {"amal": {"GPE": 1, "PER": 1, "QUOTE": 1}, "omar": {"ORG": 1, "PER": 1}}
    assert figures["relations"] == {"amal": {"SAID_BY": 1}}
    assert figures["status"] == {
        "amal": {"new": 2, "in_progress": 1, "done": 0},
        "omar": {"new": 1, "in_progress": 2, "done": 0},
    }


def test_stats_of_an_empty_project(tmp_path, runner) -> None:
    db = tmp_path / "empty.db"
    assert runner.invoke(cli, ["init", str(db)]).exit_code == 0
    result = runner.invoke(cli, ["stats", str(db)])
    assert result.exit_code == 0, result.output
    assert "Documents:  0" in result.stdout and "Annotators: none" in result.stdout


def _visual(text: str) -> str:
    return get_display(arabic_reshaper.reshape(text))


@pytest.fixture
def arabic_annotator_db(tmp_path, runner) -> Path:
    db = tmp_path / "arabic.db"
    assert runner.invoke(cli, ["init", str(db), "--annotator", "أمل"]).exit_code == 0
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"id": "x", "text": "زار بايدن كييف", "label": [[4, 9, "PER"]]}) + "\n", "utf-8")
    assert runner.invoke(cli, ["import", str(db), str(source)]).exit_code == 0
    return db


def test_stats_shape_prints_an_arabic_annotator_name_shaped_for_the_terminal(arabic_annotator_db, runner) -> None:
    result = runner.invoke(cli, ["stats", str(arabic_annotator_db), "--shape"])
    assert result.exit_code == 0, result.output
    shaped = _visual("أمل")
    assert shaped != "أمل"
    assert f"Annotators: {shaped}" in result.stdout
    assert "أمل" not in result.stdout


def test_stats_no_shape_prints_the_name_in_logical_order(arabic_annotator_db, runner) -> None:
    for args in (["--no-shape"], []):  # CliRunner is not a terminal: the default is logical too
        result = runner.invoke(cli, ["stats", str(arabic_annotator_db), *args])
        assert result.exit_code == 0, result.output
        assert "Annotators: أمل" in result.stdout
        assert _visual("أمل") not in result.stdout


def test_check_passes_on_a_good_project(project_db, runner) -> None:
    result = runner.invoke(cli, ["check", str(project_db)])
    assert result.exit_code == 0, result.output
    assert "ok" in result.stdout and "5 spans" in result.stdout


def test_check_fails_when_a_span_offset_was_corrupted_by_raw_sql(project_db, runner) -> None:
    conn = sqlite3.connect(project_db)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    with conn:
        conn.execute('UPDATE spans SET "end" = 99999 WHERE label = ?', ("ORG",))
    conn.close()
    result = runner.invoke(cli, ["check", str(project_db)])
    assert result.exit_code == 1
    assert "document d2" in result.stderr
    assert "99999" in result.stderr and "outside text" in result.stderr
    assert "1 problems found" in result.stderr


def test_check_fails_when_a_start_was_moved_past_its_end(project_db, runner) -> None:
    conn = sqlite3.connect(project_db)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    with conn:
        conn.execute('UPDATE spans SET "start" = 12, "end" = 3 WHERE label = ?', ("QUOTE",))
    conn.close()
    result = runner.invoke(cli, ["check", str(project_db)])
    assert result.exit_code == 1
    assert "document d1" in result.stderr


def test_check_fails_when_a_document_text_was_changed_behind_the_spans(project_db, runner) -> None:
    with sqlite3.connect(project_db) as conn:
        conn.execute("UPDATE documents SET text = 'x' || text WHERE ext_id = 'd1'")
    result = runner.invoke(cli, ["check", str(project_db)])
    assert result.exit_code == 1
    assert "document d1" in result.stderr and "hash" in result.stderr


def test_export_of_an_unknown_annotator_fails_clearly(project_db, tmp_path, runner) -> None:
    out = tmp_path / "nobody.jsonl"
    result = runner.invoke(cli, ["export", str(project_db), "-o", str(out), "--annotator", "nobody"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "'nobody'" in result.stderr
    assert "amal, omar" in result.stderr  # says which layers there are
    assert not out.exists()
    assert not Path(f"{out}.summary.json").exists()


def test_export_of_one_annotator_holds_only_that_layer(project_db, tmp_path, runner) -> None:
    out = tmp_path / "omar.jsonl"
    result = runner.invoke(cli, ["export", str(project_db), "--format", "jsonl", "-o", str(out), "--annotator", "omar"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    assert [r["id"] for r in records] == ["d1", "d2", "d3"]
    assert [(s["label"], s["text"], s["annotator"]) for r in records for s in r["spans"]] == [
        ("PER", "بوتين", "omar"),
        ("ORG", "الكرملين", "omar"),
    ]


def test_an_import_of_several_paths_is_one_transaction(project_db, tmp_path, runner) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "new.txt").write_text("خبر جديد", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "z", "text": "نص"}\n{"id": "y", "text": 5}\n', encoding="utf-8")
    result = runner.invoke(cli, ["import", str(project_db), str(folder), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}, line 2, field 'text'" in result.stderr
    assert "unchanged" in result.stderr
    with Project.open(project_db) as project:
        assert [project.document(d).ext_id for d in project.document_ids()] == ["d1", "d2", "d3"]


def test_import_format_option_overrides_the_file_extension(project_db, tmp_path, runner) -> None:
    records = tmp_path / "records.txt"  # JSONL under a .txt name
    records.write_text(json.dumps({"id": "t", "text": "زار بايدن كييف", "label": [[4, 9, "PER"]]}) + "\n", "utf-8")
    result = runner.invoke(cli, ["import", str(project_db), str(records), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    with Project.open(project_db) as project:
        doc = project.find_document("t")
        assert doc is not None and [s.label for s in project.spans(doc)] == ["PER"]


CONLL_2003 = "-DOCSTART- -X- -X- O\n\nقال VBD B-VP O\nبوتين NNP B-NP B-PER\nنعم UH B-INTJ O\n"


def test_conll_2003_columns_import_as_entities_or_as_the_tag_columns_chosen(project_db, tmp_path, runner) -> None:
    source = tmp_path / "eng.conll"
    source.write_text(CONLL_2003, encoding="utf-8")
    result = runner.invoke(cli, ["import", str(project_db), str(source)])
    assert result.exit_code == 0, result.output
    assert "tags from the last column (4) only" in result.stderr and "1 spans" in result.stdout
    again = runner.invoke(cli, ["import", str(project_db), str(source), "--tag-columns", "3,4", "--add-labels"])
    assert again.exit_code == 0, again.output
    with Project.open(project_db) as project:
        doc = project.find_document("eng-1")
        assert doc is not None and sorted(s.label for s in project.spans(doc)) == ["INTJ", "NP", "PER", "VP"]


def test_label_studio_predictions_become_suggestions_with_the_option(project_db, tmp_path, runner) -> None:
    text = "قال بيسكوف إن روسيا مستعدة"
    region = {"start": 4, "end": 10, "text": "بيسكوف", "labels": ["PER"]}
    task = {
        "data": {"text": text, "doc_id": "pre"},
        "annotations": [],
        "predictions": [{"model_version": "m1", "result": [{"id": "p", "type": "labels", "value": region}]}],
    }
    source = tmp_path / "tasks.json"
    source.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(cli, ["import", str(project_db), str(source), "--predictions"])
    assert result.exit_code == 0, result.output
    assert "1 predictions imported as suggestions" in result.stderr
    with Project.open(project_db) as project:
        doc = project.find_document("pre")
        assert doc is not None
        assert [(s.annotator, s.label) for s in project.spans(doc)] == [("~suggest", "PER")]


def test_a_tag_column_option_that_cannot_be_is_a_usage_error(project_db, tmp_path, runner) -> None:
    source = tmp_path / "eng.conll"
    source.write_text(CONLL_2003, encoding="utf-8")
    result = runner.invoke(cli, ["import", str(project_db), str(source), "--tag-columns", "1"])
    assert result.exit_code == 2
    assert "column 1 cannot hold tags" in result.output


@pytest.mark.parametrize("command", ["stats", "check", "export"])
def test_commands_on_a_file_that_is_not_a_project_fail_clearly(tmp_path, runner, command) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    args = [command, str(other)] + (["-o", str(tmp_path / "o.jsonl")] if command == "export" else [])
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert "not an annotator project" in result.stderr
    assert str(other) in result.stderr


def test_import_into_a_missing_database_is_a_usage_error(tmp_path, runner) -> None:
    text = tmp_path / "a.txt"
    text.write_text("نص", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(tmp_path / "missing.db"), str(text)])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    assert not (tmp_path / "missing.db").exists()


def test_gui_rejects_a_bad_window_size_before_starting_qt(tmp_path, runner) -> None:
    result = runner.invoke(cli, ["gui", str(tmp_path / "x.db"), "--size", "big"])
    assert result.exit_code == 2
    assert "WxH" in result.output


def test_backup_list_and_restore_from_the_command_line(project_db, tmp_path, runner) -> None:
    made = runner.invoke(cli, ["backup", str(project_db)])
    assert made.exit_code == 0, made.output
    backup = Path(made.stdout.strip().removeprefix("Backed up to "))
    assert backup.is_file()
    listed = runner.invoke(cli, ["backup", str(project_db), "--list"])
    assert listed.stdout.startswith(f"{backup}\t") and "3 documents" in listed.stdout
    text = tmp_path / "later.txt"
    text.write_text("خبر لاحق", encoding="utf-8")
    assert runner.invoke(cli, ["import", str(project_db), str(text)]).exit_code == 0
    restored = runner.invoke(cli, ["restore", str(project_db), str(backup)])
    assert restored.exit_code == 0, restored.output
    assert "before-restore" in restored.stdout
    with Project.open(project_db) as project:
        assert len(project.document_ids()) == 3  # the import after the backup is undone


def test_restoring_something_that_is_not_a_backup_changes_nothing(project_db, tmp_path, runner) -> None:
    other = tmp_path / "notes.db"
    other.write_text("not a database", encoding="utf-8")
    result = runner.invoke(cli, ["restore", str(project_db), str(other)])
    assert result.exit_code == 1
    assert "Nothing was restored: the project is unchanged." in result.stderr
    with Project.open(project_db) as project:
        assert len(project.document_ids()) == 3
