"""Fixtures of the reliability tests, and the figures they print at the end of a run.

The figures (kills survived, writes checked, bad inputs tried, ...) are printed in pytest's
terminal summary under "reliability figures", so every run re-measures what docs/reliability.md
quotes. Seeds come from RELIABILITY_SEED (default fixed), so a failure can be replayed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from reliability_helpers import FIGURES, ForkServer

SEED = int(os.environ.get("RELIABILITY_SEED", "20240607"))

_LABELS = {
    "writer_kills": "annotation writers killed with SIGKILL (database checked after each)",
    "writer_kills_cold": "  of them standalone `python writer.py` processes",
    "writes_checked": "writes reported committed and found in the database",
    "in_flight_committed": "writes in flight at the kill that were found wholly committed",
    "in_flight_absent": "writes in flight at the kill that were found wholly absent",
    "writes_refused": "writes the store refused (state checked unchanged)",
    "import_kills": "imports killed midway with SIGKILL",
    "import_kills_cold": "  of them real `annotator import` processes",
    "import_all": "  killed imports found complete (all)",
    "import_none": "  killed imports found absent (none)",
    "import_documents": "documents in each killed import",
    "concurrent_gui_writes": "GUI writes made while a CLI import ran (none failed)",
    "concurrent_writes": "writes by two processes or threads at once, all found",
    "bad_inputs": "bad inputs tried (CLI import, project dump compared)",
    "bad_inputs_gui": "bad inputs tried through the GUI (dialog shown, project unchanged)",
    "hypothesis_examples": "random documents/span sets through importers and exporters",
    "widgets_checked": "widgets and tooltips walked for rich text",
    "undo_refused_reused_id": "undo steps refused because the other writer had taken the id (known bug)",
    "backups_made": "rolling backups made and checked in the backup tests",
    "migrations_checked": "schema fixtures opened, backed up and migrated",
    "export_names_checked": "hostile document ids exported (every format, 3 option sets): nothing written outside the output",
    "sql_names_checked": "commands run on labels and annotators named with quotes and SQL",
}


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    terminalreporter.write_line(f"seed {SEED} (set RELIABILITY_SEED to change)")
    keys = [k for k in _LABELS if k in FIGURES] + sorted(k for k in FIGURES if k not in _LABELS)
    for key in keys:
        terminalreporter.write_line(f"{FIGURES[key]:>8}  {_LABELS.get(key, key)}")


@pytest.fixture(scope="session")
def seed() -> int:
    return SEED


@pytest.fixture(scope="module")
def fork_server() -> Iterator[ForkServer]:
    server = ForkServer()
    try:
        yield server
    finally:
        server.close()
