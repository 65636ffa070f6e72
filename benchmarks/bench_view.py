"""How fast the document view opens and scrolls a 5 MB Arabic document with 50,000 spans.

Printed figures, not a test (see README.md). Everything is measured in the same run, with
``time.perf_counter``, on Qt's offscreen platform, next to the Qt floor: a QPlainTextEdit with the
same font, size and text options that is given the same text with ``setPlainText`` and no spans.

    python benchmarks/bench_view.py [--mb 5] [--spans 50000] [--scrolls 50] [--runs 3] [--profile]

Targets (issue 3): open with all highlights <= 0.5 s; a scroll repaint <= 20 ms.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.core.labels import LabelScheme
from annotator.core.model import Document, Span
from annotator.core.offsets import QtPositionMap
from annotator.resources import default_scheme
from annotator.store.project import Project
from annotator.ui.document_view import DocumentView
from annotator.ui.fonts import DEFAULT_POINT_SIZE, document_font, load_fonts
from annotator.ui.span_index import SpanIndex

OPEN_TARGET_S = 0.5
SCROLL_TARGET_MS = 20.0
WIDTH, HEIGHT = 1200, 800

# -- the document ---------------------------------------------------------------------------

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى"
HARAKAT = "\u064e\u064f\u0650\u0652\u0651\u064b\u064c\u064d"  # fatha damma kasra sukun shadda tanwin
PROCLITICS = ("", "", "", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل")
LATIN = ("NATO", "Reuters", "AFP", "COVID-19", "G20", "iPhone", "UN", "2024", "12.5%")
DIGITS = "٠١٢٣٤٥٦٧٨٩"
EMOJI = ("😀", "👍🏽", "🇸🇦", "👨\u200d👩\u200d👧", "🔥", "❤\ufe0f", "📰")
PUNCT = ("،", ".", "؛", "؟", ":", "!")


def make_word(rng: random.Random) -> str:
    stem = "".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 7)))
    if rng.random() < 0.35:  # some words carry diacritics (harakat, shadda)
        chars = []
        for ch in stem:
            chars.append(ch)
            if rng.random() < 0.5:
                chars.append(rng.choice(HARAKAT))
        stem = "".join(chars)
    if rng.random() < 0.02:
        stem = stem[:1] + "ـــ" + stem[1:]  # tatweel
    return rng.choice(PROCLITICS) + stem


def make_document(target_bytes: int, seed: int) -> str:
    """Paragraphs of seeded random Arabic words (diacritics, clitics, some Latin, digits, emoji)."""
    rng = random.Random(seed)
    vocabulary = [make_word(rng) for _ in range(20_000)]
    paragraphs: list[str] = []
    size = 0
    while size < target_bytes:
        words = []
        for _ in range(rng.randint(30, 160)):
            r = rng.random()
            if r < 0.02:
                words.append(rng.choice(LATIN))
            elif r < 0.03:
                words.append("".join(rng.choice(DIGITS) for _ in range(rng.randint(1, 4))))
            elif r < 0.035:
                words.append(rng.choice(EMOJI))
            else:
                word = rng.choice(vocabulary)
                if rng.random() < 0.08:
                    word += rng.choice(PUNCT)
                words.append(word)
        paragraph = " ".join(words)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
    text = "\n".join(paragraphs)
    encoded = text.encode("utf-8")[:target_bytes]
    return encoded.decode("utf-8", errors="ignore").rstrip()


def make_spans(text: str, count: int, scheme: LabelScheme, seed: int) -> list[Span]:
    """``count`` spans on word boundaries: mostly entities, some quotes/claims (long, holding
    entities) and cue words, spread over the whole text."""
    rng = random.Random(seed)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch in " \n"]
    ends = [i for i, ch in enumerate(text) if ch in " \n"] + [len(text)]
    entity_labels = [lab.name for lab in scheme.span_labels if lab.kind == "entity"]
    by_kind = {lab.kind: lab.name for lab in scheme.span_labels}
    spans: list[Span] = []
    for _ in range(count):
        w = rng.randrange(len(starts))
        r = rng.random()
        if r < 0.06:
            label, length = by_kind.get("quote", entity_labels[0]), rng.randint(8, 40)
        elif r < 0.10:
            label, length = by_kind.get("claim", entity_labels[0]), rng.randint(6, 30)
        elif r < 0.14:
            label, length = by_kind.get("cue", entity_labels[0]), 1
        else:
            label, length = rng.choice(entity_labels), rng.randint(1, 3)
        last = min(w + length - 1, len(ends) - 1)
        start, end = starts[w], ends[last]
        if start < end:
            spans.append(Span(start, end, label, annotator="bench"))
    return spans


# -- timing helpers -------------------------------------------------------------------------


class PaintTimer:
    """Mixin: notes when the viewport last finished painting (paintEvent returned)."""

    painted_at: float | None = None

    def paintEvent(self, event) -> None:
        super().paintEvent(event)  # type: ignore[misc]
        self.painted_at = time.perf_counter()


class TimedView(PaintTimer, DocumentView):
    pass


class TimedPlainTextEdit(PaintTimer, QPlainTextEdit):
    pass


def configure_floor(edit: QPlainTextEdit, font_size: float) -> None:
    """The floor widget gets the same settings as DocumentView (font, direction, wrapping)."""
    edit.setReadOnly(True)
    edit.setUndoRedoEnabled(False)
    edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    edit.setFont(document_font(font_size))
    option = edit.document().defaultTextOption()
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    edit.document().setDefaultTextOption(option)


def show(widget: QPlainTextEdit, app: QApplication) -> None:
    widget.resize(WIDTH, HEIGHT)
    widget.show()
    for _ in range(5):
        app.processEvents()


class Timing:
    """One timed open: the call alone, and until the viewport finished painting (wall and CPU)."""

    def __init__(self, call: float, total: float, cpu: float) -> None:
        self.call, self.total, self.cpu = call, total, cpu


def time_until_painted(app: QApplication, widget: PaintTimer, action: Callable[[], object]) -> Timing:
    """Run ``action`` and process events until the viewport has painted."""
    widget.painted_at = None
    c0 = time.process_time()
    t0 = time.perf_counter()
    action()
    t1 = time.perf_counter()
    deadline = t1 + 30
    while widget.painted_at is None and time.perf_counter() < deadline:
        app.processEvents()
    cpu = time.process_time() - c0
    if widget.painted_at is None:
        raise SystemExit("the viewport never painted")
    return Timing(t1 - t0, widget.painted_at - t0, cpu)


def fresh(spans: list[Span]) -> list[Span]:
    """New span objects, as a load from the database makes (the garbage collector sees them as new)."""
    return [Span(s.start, s.end, s.label, annotator=s.annotator, id=i) for i, s in enumerate(spans, start=1)]


def make_project(folder: Path, text: str, spans: list[Span], scheme: LabelScheme) -> tuple[Project, int]:
    project = Project.create(folder / "bench.annotator.db", scheme=scheme)
    doc_id = project.add_document(Document(text=text, ext_id="bench", title="bench"))
    project.add_spans(doc_id, fresh(spans))
    return project, doc_id


def scroll_times(app: QApplication, widget: QPlainTextEdit, positions: list[int], *, page: bool) -> list[float]:
    """Seconds per scroll: ``setValue`` (which recomputes the view's highlights) plus a synchronous
    repaint. With ``page``, the view first settles at the position and the timed scroll is one page
    down from there; otherwise the timed scroll jumps straight to the position."""
    bar = widget.verticalScrollBar()
    out = []
    for position in positions:
        if page:
            bar.setValue(position)
            widget.viewport().repaint()
            app.processEvents()
            target = min(position + bar.pageStep(), bar.maximum())
        else:
            target = position
        t0 = time.perf_counter()
        bar.setValue(target)
        widget.viewport().repaint()
        out.append(time.perf_counter() - t0)
        app.processEvents()
    return out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def ratio(value: float, floor: float) -> str:
    return f"{value / floor:6.2f}x" if floor > 0 else "   n/a"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def profile(label: str, action: Callable[[], None], lines: int = 18) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    action()
    profiler.disable()
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(lines)
    print(f"\n-- profile: {label} (cumulative) --")
    print(buffer.getvalue())


# -- the run --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="document size in MiB of UTF-8 (default 5)")
    parser.add_argument("--spans", type=int, default=50_000, help="number of spans (default 50000)")
    parser.add_argument("--scrolls", type=int, default=50, help="scrolls to take the median of (default 50)")
    parser.add_argument("--runs", type=int, default=3, help="times to open the document (default 3)")
    parser.add_argument("--font-size", type=float, default=DEFAULT_POINT_SIZE, help="point size of the text")
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--profile", action="store_true", help="also profile one open and the scrolls")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    load_fonts()
    scheme = default_scheme()

    t0 = time.perf_counter()
    text = make_document(int(args.mb * 1024 * 1024), args.seed)
    spans = make_spans(text, args.spans, scheme, args.seed + 1)
    generated = time.perf_counter() - t0
    astral = sum(1 for ch in text if ord(ch) > 0xFFFF)
    print(
        f"document: {len(text.encode('utf-8')):,} bytes UTF-8, {len(text):,} code points, "
        f"{text.count(chr(10)) + 1:,} paragraphs, {astral:,} astral characters (emoji); "
        f"{len(spans):,} spans (generated in {generated:.1f} s)"
    )
    print(
        f"platform: {app.platformName()}, PySide6 {__import__('PySide6').__version__}, "
        f"Python {sys.version.split()[0]}, font {document_font(args.font_size).family()} "
        f"{args.font_size:g} pt, widget {WIDTH}x{HEIGHT}"
    )

    # Pure-Python parts of opening, alone (on fresh span objects, as after a load).
    map_times, index_times, index_nogc_times = [], [], []
    for _ in range(args.runs):
        t = time.perf_counter()
        QtPositionMap.for_text(text)
        map_times.append(time.perf_counter() - t)
        copies = fresh(spans)
        t = time.perf_counter()
        SpanIndex.build(copies)
        index_times.append(time.perf_counter() - t)
        copies = fresh(spans)
        gc.disable()  # how much of the build is the cyclic garbage collector's
        t = time.perf_counter()
        SpanIndex.build(copies)
        index_nogc_times.append(time.perf_counter() - t)
        gc.enable()
    del copies

    t = time.perf_counter()
    folder = tempfile.TemporaryDirectory(prefix="bench_view.")
    project, doc_id = make_project(Path(folder.name), text, spans, scheme)
    print(f"project database with the document and its spans written in {time.perf_counter() - t:.1f} s")
    load_times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        project.document(doc_id)
        project.spans(doc_id)
        load_times.append(time.perf_counter() - t)

    # (a) the floor, (b) the view, (b') the view fed from the database: alternately, each in a
    # fresh widget per run.
    floor_runs: list[Timing] = []
    view_runs: list[Timing] = []
    db_runs: list[Timing] = []
    highlighted: list[int] = []
    view: DocumentView | None = None
    floor: QPlainTextEdit | None = None
    for _ in range(args.runs):
        for old in (floor, view):
            if old is not None:
                old.close()
                old.deleteLater()
        view = floor = None
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # free the last run's documents
        app.processEvents()
        gc.collect()
        floor = TimedPlainTextEdit()
        configure_floor(floor, args.font_size)
        show(floor, app)
        floor_runs.append(time_until_painted(app, floor, lambda e=floor: e.setPlainText(text)))

        view = TimedView(font_size=args.font_size)
        show(view, app)
        copies = fresh(spans)
        view_runs.append(time_until_painted(app, view, lambda v=view, c=copies: v.set_document(text, c, scheme)))
        highlighted.append(len(view.highlighted_spans()))
        del copies

        from_db = TimedView(font_size=args.font_size)
        show(from_db, app)

        def load(v: DocumentView = from_db) -> None:
            v.set_document(project.document(doc_id).text, project.spans(doc_id), scheme)

        db_runs.append(time_until_painted(app, from_db, load))
        if not from_db.highlighted_spans():
            print("error: no highlights were painted (database)", file=sys.stderr)
            return 1
        from_db.close()
        from_db.deleteLater()
        del from_db, load
    project.close()
    folder.cleanup()
    assert view is not None and floor is not None
    if not all(highlighted):
        print("error: no highlights were painted", file=sys.stderr)
        return 1
    expected = len(view.visible_spans())
    if {id(s) for s in view.highlighted_spans()} != {id(s) for s in view.visible_spans()}:
        print("error: the highlighted spans are not the visible ones", file=sys.stderr)
        return 1
    # Highlight refresh alone, at the current place.
    refresh = []
    for _ in range(20):
        t = time.perf_counter()
        view.refresh_highlights(force=True)
        refresh.append(time.perf_counter() - t)

    # (c) scrolling, at the same random places in both widgets.
    rng = random.Random(args.seed + 2)
    maximum = view.verticalScrollBar().maximum()
    floor_max = floor.verticalScrollBar().maximum()
    positions = [rng.randrange(0, max(1, maximum)) for _ in range(args.scrolls)]
    floor_positions = [min(p, floor_max) for p in positions]
    scroll_times(app, view, positions[:5], page=True)  # warm up
    scroll_times(app, floor, floor_positions[:5], page=True)
    view_page = scroll_times(app, view, positions, page=True)
    floor_page = scroll_times(app, floor, floor_positions, page=True)
    view_jump = scroll_times(app, view, positions, page=False)
    floor_jump = scroll_times(app, floor, floor_positions, page=False)
    per_scroll = [len(view.highlighted_spans())]

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    med = statistics.median

    def row(name: str, values: list[float], floor: float | None = None, cpu: list[float] | None = None) -> None:
        runs = " ".join(f"{x * 1000:.0f}" for x in values)
        line = f"{name:44} {ms(med(values))}   {runs:>16}"
        if cpu is not None:
            line += f"   cpu {ms(med(cpu))}"
        if floor is not None:
            line += f"   {ratio(med(values), floor)}"
        print(line)

    floor_total = med([r.total for r in floor_runs])
    floor_call = med([r.call for r in floor_runs])
    view_total = med([r.total for r in view_runs])
    print()
    print(f"{'':44} {'median':>11}   {'runs (ms)':>16}   {'CPU time':>15}   vs floor")
    row("QtPositionMap.for_text", map_times)
    row("SpanIndex.build", index_times)
    row("    the same with gc disabled", index_nogc_times)
    row("(a) floor: setPlainText", [r.call for r in floor_runs])
    row("(a) floor: setPlainText + first paint", [r.total for r in floor_runs], cpu=[r.cpu for r in floor_runs])
    row("(b) view: set_document", [r.call for r in view_runs], floor_call)
    row(
        "(b) view: set_document + first paint",
        [r.total for r in view_runs],
        floor_total,
        cpu=[r.cpu for r in view_runs],
    )
    other = view_total - floor_total - med(map_times) - med(index_times)
    print(
        f"{'    = floor + for_text + index build + rest':44} "
        f"({floor_total * 1000:.0f} + {med(map_times) * 1000:.0f} + {med(index_times) * 1000:.0f} "
        f"+ {other * 1000:.0f} ms)"
    )
    row(
        "(b') from the database + first paint",
        [r.total for r in db_runs],
        floor_total,
        cpu=[r.cpu for r in db_runs],
    )
    row("    of which project.document + project.spans", load_times)
    print(f"{'    refresh_highlights(force=True) alone':44} {ms(med(refresh))}")
    for name, view_t, floor_t in (
        ("(c) scroll one page + repaint", view_page, floor_page),
        ("    jump to a random place + repaint", view_jump, floor_jump),
    ):
        print(
            f"{name:44} {ms(med(view_t))}   p90 {ms(statistics.quantiles(view_t, n=10)[-1])}, "
            f"max {ms(max(view_t))} {ratio(med(view_t), med(floor_t))}"
        )
        print(
            f"{'      floor (same scrolls, no highlights)':44} {ms(med(floor_t))}   "
            f"p90 {ms(statistics.quantiles(floor_t, n=10)[-1])}, max {ms(max(floor_t))}"
        )
    print()
    print(
        f"highlighted spans at first paint: {highlighted[-1]} (visible spans: {expected}); "
        f"after the last scroll: {per_scroll[0]}; peak RSS {rss:,.0f} MiB"
    )
    open_ok = view_total <= OPEN_TARGET_S
    scroll_ok = med(view_page) * 1000 <= SCROLL_TARGET_MS
    print(f"open with all highlights <= {OPEN_TARGET_S} s: {verdict(open_ok)} ({view_total:.3f} s)")
    print(f"scroll repaint <= {SCROLL_TARGET_MS:g} ms: {verdict(scroll_ok)} ({med(view_page) * 1000:.1f} ms median)")

    if args.profile:
        profiled = TimedView(font_size=args.font_size)
        show(profiled, app)
        copies = fresh(spans)
        profile(
            "open: set_document + first paint",
            lambda: time_until_painted(app, profiled, lambda: profiled.set_document(text, copies, scheme)),
        )
        profile(f"{len(positions)} page scrolls", lambda: scroll_times(app, profiled, positions, page=True))
        profiled.close()

    for widget in (view, floor):
        widget.close()
    return 0 if (open_ok and scroll_ok) or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
