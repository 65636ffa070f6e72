"""Long commands show progress on a terminal and stop cleanly on Ctrl+C (real processes on a pty).

The commands run as real processes with stderr on a pseudo-terminal, as in a shell; Ctrl+C is a
real SIGINT. A cancelled import leaves the project as it was, a cancelled export leaves no file.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.store.project import Project

pty = pytest.importorskip("pty", reason="pseudo-terminals are POSIX only")

COMMAND = [sys.executable, "-c", "from annotator.cli import main; main()"]
PARTLY_DONE = r"\b[1-9][0-9]?%"  # the bar shows some progress, not yet 100%
TEXT = "قال المتحدث باسم الكرملين ديمتري بيسكوف إن روسيا مستعدة للتفاوض. "


def write_records(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = TEXT * 3
            spans = [{"start": 27 + k * len(TEXT), "end": 40 + k * len(TEXT), "label": "PER"} for k in range(3)]
            out.write(json.dumps({"id": f"d{n}", "text": text, "spans": spans}, ensure_ascii=False) + "\n")
    return path


def run_on_a_terminal(args: list[str], *, interrupt_after: str | None = None, timeout: float = 120) -> tuple[int, str]:
    """Run the CLI with stderr (and stdin) on a pty; optionally send SIGINT once ``interrupt_after`` (a
    regular expression) matches what it showed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*COMMAND, *args], stdin=follower, stdout=subprocess.PIPE, stderr=follower, start_new_session=True
    )
    os.close(follower)
    seen = b""
    interrupted = False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        seen += chunk
        if interrupt_after and not interrupted and re.search(interrupt_after, seen.decode("utf-8", "replace")):
            process.send_signal(signal.SIGINT)
            interrupted = True
    process.wait(timeout=30)
    os.close(leader)
    return process.returncode, seen.decode("utf-8", errors="replace")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    Project.create(path).close()
    return path


def counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0], conn.execute(
            "SELECT count(*) FROM spans"
        ).fetchone()[0]


def test_import_and_export_show_a_progress_bar_on_a_terminal(db: Path, tmp_path: Path) -> None:
    source = write_records(tmp_path / "news.jsonl", 300)
    code, shown = run_on_a_terminal(["import", str(db), str(source)])
    assert code == 0, shown
    assert "Importing" in shown and "100%" in shown
    assert counts(db) == (300, 900)
    out = tmp_path / "out.conll"
    code, shown = run_on_a_terminal(["export", str(db), "--format", "conll", "-o", str(out)])
    assert code == 0, shown
    assert "Exporting" in shown and "100%" in shown and out.exists()


def test_without_a_terminal_there_is_no_progress_bar(db: Path, tmp_path: Path) -> None:
    source = write_records(tmp_path / "news.jsonl", 20)
    done = subprocess.run([*COMMAND, "import", str(db), str(source)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Importing" not in done.stderr and f"{source}: jsonl" in done.stderr


def test_ctrl_c_during_an_import_leaves_the_project_unchanged(db: Path, tmp_path: Path) -> None:
    source = write_records(tmp_path / "big.jsonl", 60_000)
    before = counts(db)
    code, shown = run_on_a_terminal(["import", str(db), str(source)], interrupt_after=PARTLY_DONE)
    assert code == 130, shown
    assert "Cancelled: nothing was imported: the project is unchanged." in shown
    assert counts(db) == before
    with Project.open(db) as project:
        assert project.check() == []


def test_ctrl_c_during_an_export_leaves_no_file(db: Path, tmp_path: Path) -> None:
    source = write_records(tmp_path / "big.jsonl", 30_000)
    assert run_on_a_terminal(["import", str(db), str(source)])[0] == 0
    out = tmp_path / "out" / "train.conll"
    code, shown = run_on_a_terminal(
        ["export", str(db), "--format", "conll", "-o", str(out)], interrupt_after=PARTLY_DONE
    )
    assert code == 130, shown
    assert f"Cancelled: nothing was written to {out}." in shown
    assert not out.exists() and list(out.parent.iterdir()) == []  # the folder was made, the partial file removed
