"""Issue 4's benchmark: import Label Studio's 10,000-task file, then export jsonl, conll and hf.

Generates the task file with ``benchmarks/make_labelstudio_tasks.py N OUT.json`` (seeded: the same
bytes on every run) in a temporary folder, then, ``--runs`` times over in a fresh project each time:

* import:  ``Project.create`` + ``import_labelstudio(add_labels=True)`` of the whole file;
* export:  ``export_jsonl``, ``export_conll`` and ``export_hf`` of the whole project (all layers,
           default options: Arabic-aware tokenizer, three CoNLL tag columns).

It prints each run's seconds, the medians (wall and CPU time), the ratio to Label Studio's own times on the same file
(23.6 s to import it, 34.0 s to export JSON; the target is at least 10x faster, so import <= 2.36 s
and each export <= 3.4 s), and what each export's report says it could not hold (spans dropped,
widened, relations and attributes not written). Exits 0 either way unless given ``--strict``.

    python benchmarks/bench_formats.py                # 10,000 tasks, 3 runs
    python benchmarks/bench_formats.py --tasks 1000   # a quick run
    python benchmarks/bench_formats.py --profile      # cProfile of one import and each export
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.formats.conll import export_conll
from annotator.formats.hf import export_hf
from annotator.formats.jsonl import export_jsonl
from annotator.formats.labelstudio import import_labelstudio
from annotator.formats.report import ExportReport
from annotator.store.project import Project

HERE = Path(__file__).resolve().parent
GENERATOR = HERE / "make_labelstudio_tasks.py"
LABEL_STUDIO_IMPORT_S = 23.6
LABEL_STUDIO_EXPORT_S = 34.0
TARGET_RATIO = 10.0

EXPORTS: dict[str, tuple[Callable[..., ExportReport], str]] = {
    "jsonl": (export_jsonl, "out.jsonl"),
    "conll": (export_conll, "out.conll"),
    "hf": (export_hf, "out_hf"),
}


def generate(tasks: int, folder: Path) -> Path:
    out = folder / f"tasks_{tasks}.json"
    done = subprocess.run(
        [sys.executable, str(GENERATOR), str(tasks), str(out)], check=True, capture_output=True, text=True
    )
    print(done.stdout.strip())
    return out


def profiled(enabled: bool, title: str, call: Callable[[], Any]) -> Any:
    if not enabled:
        return call()
    profiler = cProfile.Profile()
    result = profiler.runcall(call)
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(30)
    print(f"\n-- profile: {title}\n{text.getvalue()}")
    return result


def run_once(
    source: Path, folder: Path, run: int, profile: bool
) -> tuple[dict[str, float], dict[str, float], dict[str, Any]]:
    """One import and the three exports in a fresh project: wall seconds, CPU seconds, reports."""
    times: dict[str, float] = {}
    cpu: dict[str, float] = {}
    reports: dict[str, Any] = {}
    work = folder / f"run{run}"
    work.mkdir()
    db = work / "bench.annotator.db"
    start, start_cpu = time.perf_counter(), time.process_time()
    project = Project.create(db)
    try:
        report = profiled(profile, "import", lambda: import_labelstudio(project, source, add_labels=True))
        times["import"] = time.perf_counter() - start
        cpu["import"] = time.process_time() - start_cpu
        reports["import"] = report
        for name, (exporter, target) in EXPORTS.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            reports[name] = profiled(profile, f"export {name}", lambda e=exporter, t=target: e(project, work / t))
            times[name] = time.perf_counter() - start
            cpu[name] = time.process_time() - start_cpu
    finally:
        project.close()
    shutil.rmtree(work)  # the next run starts from an empty folder (and the disk does not fill up)
    return times, cpu, reports


def lost_line(report: ExportReport) -> str:
    if not report.lost:
        return "nothing lost"
    return ", ".join(f"{k}: {v}" for k, v in sorted(report.lost.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=10_000, help="tasks to generate (default 10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs to take the median of (default 3)")
    parser.add_argument("--profile", action="store_true", help="cProfile one import and each export (one run)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench_formats_") as tmp:
        folder = Path(tmp)
        source = generate(args.tasks, folder)
        size = source.stat().st_size
        runs: list[dict[str, float]] = []
        cpus: list[dict[str, float]] = []
        reports: dict[str, Any] = {}
        for run in range(1 if args.profile else args.runs):
            times, cpu, reports = run_once(source, folder, run, args.profile)
            runs.append(times)
            cpus.append(cpu)
            print(f"run {run + 1}: " + "  ".join(f"{k} {v:.2f} s" for k, v in times.items()), flush=True)

    imp = reports["import"]
    spans = imp.spans_added
    print(
        f"\n{args.tasks} tasks, {size / 1e6:.1f} MB of JSON: {imp.documents_added} documents, "
        f"{spans} spans, {imp.relations_added} relations; labels added: {', '.join(imp.labels_added) or 'none'}"
    )
    scale = args.tasks / 10_000  # Label Studio's figures are for 10,000 tasks
    width = max(24, 6 * len(runs))
    print(f"\n{'step':<8}{'median s':>10}{'runs (wall s)':>{width}}{'CPU s':>8}{'vs Label Studio':>18}{'target':>10}")
    missed = []
    for step in ("import", *EXPORTS):
        values = [r[step] for r in runs]
        median = statistics.median(values)
        cpu = statistics.median(c[step] for c in cpus)
        reference = (LABEL_STUDIO_IMPORT_S if step == "import" else LABEL_STUDIO_EXPORT_S) * scale
        ratio = reference / median if median else float("inf")
        ok = ratio >= TARGET_RATIO
        if not ok:
            missed.append(step)
        shown = " ".join(f"{v:.2f}" for v in values)
        print(f"{step:<8}{median:>10.2f}{shown:>{width}}{cpu:>8.2f}{ratio:>17.1f}x{'ok' if ok else 'MISSED':>10}")
    print("(CPU s: the median process CPU time; much below the wall time means other programs had the CPU)")
    if scale != 1:
        print(f"(Label Studio's times scaled to {args.tasks} tasks: x{scale:g})")
    print(
        f"\ntargets: import <= {LABEL_STUDIO_IMPORT_S * scale / TARGET_RATIO:.2f} s, "
        f"each export <= {LABEL_STUDIO_EXPORT_S * scale / TARGET_RATIO:.2f} s"
    )
    print("\nwhat each export could not hold:")
    for name in EXPORTS:
        report = reports[name]
        print(f"  {name:<6} {report.documents} documents, {sum(report.spans.values())} spans: {lost_line(report)}")
    if imp.notes:
        print("\nimport notes:")
        for note in imp.notes:
            print(f"  {note}")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
