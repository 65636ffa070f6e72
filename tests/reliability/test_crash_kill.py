"""Crash safety: writers and imports killed with SIGKILL at random moments lose nothing committed
and leave nothing half-written.

Annotation writes go through the GUI's undo commands (writer.py); after every kill the project is
opened again (as the GUI would after a crash) and checked: ``PRAGMA integrity_check`` is ok,
:meth:`Project.check` finds nothing (no span outside its text, no relation to a missing span or
across documents, no broken foreign key), every write the writer reported committed is there
(unless a later reported write superseded it), and the one write in flight at the kill is either
wholly there or wholly absent. An import killed midway leaves all of its documents or none.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

from reliability_helpers import (
    FIGURES,
    WRITER,
    check_run,
    full_dump,
    make_project,
    read_log,
    read_state,
    write_import_source,
)

from annotator.store.project import Project

KILLS = int(os.environ.get("RELIABILITY_KILLS", "60"))
IMPORT_KILLS = int(os.environ.get("RELIABILITY_IMPORT_KILLS", "12"))
IMPORT_DOCUMENTS = 2000
ANNOTATORS = ("amal", "badr")


def reopen_and_check(db: Path):
    """Open the project as the GUI would after a crash; the database must be whole."""
    with Project.open(db) as project:
        assert project.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert project.check() == []
        return read_state(project)


def _kill(pid: int) -> None:
    with suppress(ProcessLookupError):  # it had already finished
        os.kill(pid, signal.SIGKILL)


def _record(result) -> None:
    FIGURES["writes_checked"] += result.committed
    FIGURES["writes_refused"] += result.failed
    if result.in_flight == "committed":
        FIGURES["in_flight_committed"] += 1
    elif result.in_flight == "not committed":
        FIGURES["in_flight_absent"] += 1


def test_annotation_writes_survive_sigkill_at_random_moments(tmp_path, fork_server, seed) -> None:
    db = make_project(tmp_path / "crash.annotator.db")
    rng = random.Random(seed)
    state = reopen_and_check(db)
    writes = 0
    for run in range(KILLS):
        log = tmp_path / f"writer-{run}.log"
        reply = fork_server.request(
            cmd="write", db=str(db), seed=seed + run, log=str(log), annotator=rng.choice(ANNOTATORS)
        )
        time.sleep(rng.uniform(0.005, 0.15))
        _kill(reply["pid"])
        ended = fork_server.request(cmd="wait", pid=reply["pid"])
        assert ended["signal"] == signal.SIGKILL, (
            f"the writer ended on its own: {Path(f'{log}.err').read_text()[-2000:]}"
        )
        records = read_log(log)
        result = check_run(state, records, reopen_and_check(db))
        _record(result)
        writes += result.committed
        state = result.state
        FIGURES["writer_kills"] += 1
    assert writes > KILLS * 5, "the writers were killed before doing much: the test checked little"


def test_a_standalone_writer_process_survives_sigkill(tmp_path, seed) -> None:
    """The same, with writer.py run as a fresh Python process (no fork server)."""
    db = make_project(tmp_path / "cold.annotator.db")
    rng = random.Random(seed + 1)
    state = reopen_and_check(db)
    for run in range(2):
        log = tmp_path / f"cold-{run}.log"
        with log.open("wb") as out, open(f"{log}.err", "wb") as err:
            process = subprocess.Popen(
                [sys.executable, str(WRITER), str(db), "--seed", str(seed + 1000 + run), "--annotator", "amal"],
                stdout=out,
                stderr=err,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
            deadline = time.monotonic() + 30
            while b'"phase": "ok"' not in log.read_bytes() and time.monotonic() < deadline:
                assert process.poll() is None, Path(f"{log}.err").read_text()
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.1))
            process.kill()
            process.wait()
        assert process.returncode == -signal.SIGKILL
        result = check_run(state, read_log(log), reopen_and_check(db))
        assert result.committed > 0
        _record(result)
        state = result.state
        FIGURES["writer_kills"] += 1
        FIGURES["writer_kills_cold"] += 1


def test_an_import_killed_midway_leaves_all_of_it_or_none(tmp_path, fork_server, seed) -> None:
    rng = random.Random(seed + 2)
    base = make_project(tmp_path / "base.annotator.db")
    with Project.open(base):
        pass  # closing the last connection checkpoints the WAL: the project is one file
    before = full_dump(base, timestamps=False)
    source = write_import_source(tmp_path / "big.jsonl", IMPORT_DOCUMENTS)

    # A complete import, timed: the kills below land anywhere within (and a little past) it.
    complete = tmp_path / "complete.annotator.db"
    shutil.copy(base, complete)
    started = time.monotonic()
    reply = fork_server.request(cmd="import", db=str(complete), source=str(source), log=str(tmp_path / "full.log"))
    ended = fork_server.request(cmd="wait", pid=reply["pid"])
    duration = time.monotonic() - started
    assert ended["status"] == 0, (tmp_path / "full.log").read_text()
    reopen_and_check(complete)
    after = full_dump(complete, timestamps=False)
    assert len(after["documents"]) == len(before["documents"]) + IMPORT_DOCUMENTS

    outcomes = {"all": 0, "none": 0}
    for run in range(IMPORT_KILLS):
        db = tmp_path / f"import-{run}.annotator.db"
        shutil.copy(base, db)
        log = tmp_path / f"import-{run}.log"
        reply = fork_server.request(cmd="import", db=str(db), source=str(source), log=str(log))
        time.sleep(rng.uniform(0.0, duration * 1.25))
        _kill(reply["pid"])
        fork_server.request(cmd="wait", pid=reply["pid"])
        outcomes[_all_or_none(db, before, after)] += 1
        db.unlink()
        FIGURES["import_kills"] += 1

    # Once more with the real console script, started cold (its start-up takes most of a second).
    script = Path(sys.executable).with_name("annotator")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "annotator.cli"]
    db = tmp_path / "cold-import.annotator.db"
    shutil.copy(base, db)
    process = subprocess.Popen(
        [*command, "import", str(db), str(source)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(rng.uniform(0.8, 1.0 + duration))
    process.kill()
    process.wait()
    outcomes[_all_or_none(db, before, after)] += 1
    FIGURES["import_kills"] += 1
    FIGURES["import_kills_cold"] += 1
    FIGURES["import_all"] += outcomes["all"]
    FIGURES["import_none"] += outcomes["none"]
    FIGURES["import_documents"] = IMPORT_DOCUMENTS
    assert outcomes["none"] > 0  # the kills did land inside imports


def _all_or_none(db: Path, before: dict, after: dict) -> str:
    reopen_and_check(db)
    with Project.open(db):
        pass  # checkpoint, so the dump below reads one file
    dump = full_dump(db, timestamps=False)
    if dump == before:
        return "none"
    assert dump == after, (
        f"a killed import left part of itself: {len(dump['documents'])} documents "
        f"(before {len(before['documents'])}, complete {len(after['documents'])})"
    )
    return "all"
