"""The command line: ``annotator COMMAND DB ...`` (database path first, as in sqlite-utils).

Each command is a thin wrapper over library calls. ``annotator`` alone, or ``annotator DB``,
opens the GUI. Errors go to stderr with a non-zero exit and say what and where.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from click_default_group import DefaultGroup

from annotator import __version__
from annotator.core.display import visual
from annotator.core.errors import AnnotatorError
from annotator.core.labels import load_scheme
from annotator.formats.registry import EXPORTS, IMPORTS

IMPORT_FORMATS = ("auto", *IMPORTS)
EXPORT_FORMATS = tuple(EXPORTS)


def _fail(exc: Exception) -> None:
    click.echo(f"Error: {exc}", err=True)
    sys.exit(1)


def _open(db: str):  # -> Project
    from annotator.store.project import Project

    try:
        return Project.open(db)
    except AnnotatorError as exc:
        _fail(exc)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr while long work runs, when stderr is a terminal (else no callback)."""
    if not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=1000, label=label, file=sys.stderr, show_eta=True) as bar:
        shown = 0

        def update(done: int, total: int) -> None:
            nonlocal shown
            target = 1000 * done // total if total > 0 else 1000
            if target > shown:
                bar.update(target - shown)
                shown = target

        yield update


def _cancelled(what: str) -> None:
    """Ctrl+C: say what was left as it was, and exit 130 (as shells do for SIGINT)."""
    click.echo(f"\nCancelled: {what}", err=True)
    sys.exit(130)


def _shaper(shape: bool | None):
    """Shape Arabic for the terminal when writing to one (a flag overrides)."""
    if shape is None:
        shape = sys.stdout.isatty()
    return visual if shape else (lambda text: text)


shape_option = click.option(
    "--shape/--no-shape",
    default=None,
    help="Shape Arabic for terminals without bidi support (default: when writing to a terminal).",
)


@click.group(cls=DefaultGroup, default="gui", default_if_no_args=True)
@click.version_option(__version__, prog_name="annotator")
def cli() -> None:
    """Annotate Arabic news text: entities, quotes and claims, kept in an SQLite project.

    Run without a command to open the GUI on the demo project.
    """


@cli.command()
@click.argument("db", required=False, type=click.Path(dir_okay=False))
@click.option("--annotator", help="Your name (whose layer you annotate).")
@click.option("--screenshot", type=click.Path(dir_okay=False), help="Render the window to this PNG and exit.")
@click.option("--document", help="Open this document (its id) first.")
@click.option("--size", help="Window size WxH (default: the last one used; 1200x800 with --screenshot).")
@click.option("--font-size", type=int, help="Text size in points.")
@click.option("--span", "span_id", type=int, help="Select this span (its id, shown in the span panel) first.")
@click.option(
    "--lang",
    "language",
    type=click.Choice(["en", "ar"]),
    help="Interface language (default: the View > Language setting, else the system's).",
)
def gui(
    db: str | None,
    annotator: str | None,
    screenshot: str | None,
    document: str | None,
    size: str | None,
    font_size: int | None,
    span_id: int | None,
    language: str | None,
) -> None:
    """Open the GUI on DB (the demo project when none is given)."""
    window_size = None
    if size is not None:
        try:
            width, height = (int(n) for n in size.lower().split("x"))
        except ValueError:
            raise click.BadParameter("expected WxH, e.g. 1200x800", param_hint="--size") from None
        window_size = (width, height)
    if db is None:
        from annotator.formats.seeds import open_demo_project

        try:
            path = open_demo_project()
        except AnnotatorError as exc:
            _fail(exc)
    else:
        path = Path(db)
    from annotator.ui.app import run_gui  # Qt is loaded only for the GUI

    sys.exit(
        run_gui(
            path,
            annotator=annotator,
            screenshot=Path(screenshot) if screenshot else None,
            document=document,
            size=window_size,
            font_size=font_size,
            span=span_id,
            language=language,
        )
    )


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--scheme", type=click.Path(exists=True, dir_okay=False), help="Label scheme JSON (default: news).")
@click.option("--annotator", help="The project's default annotator name.")
def init(db: str, scheme: str | None, annotator: str | None) -> None:
    """Create a project database with the default (or given) label scheme."""
    from annotator.store.project import Project

    try:
        project = Project.create(db, load_scheme(Path(scheme)) if scheme else None)
        if annotator:
            project.set_setting("annotator", annotator)
        labels = project.scheme().span_label_names
        project.close()
    except AnnotatorError as exc:
        _fail(exc)
    click.echo(f"Created {db} with labels {', '.join(labels)}")


def _tag_columns(_ctx: click.Context, _param: click.Parameter, value: str | None) -> list[int] | None:
    from annotator.formats.conll import parse_tag_columns

    if value is None:
        return None
    try:
        return parse_tag_columns(value)
    except AnnotatorError as exc:
        raise click.BadParameter(str(exc)) from None


@cli.command("import")
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), default="auto", show_default=True)
@click.option("--annotator", help="Put every imported span in this annotator's layer.")
@click.option("--encoding", help="Text encoding of plain text files (default: detected).")
@click.option("--add-labels", is_flag=True, help="Add unknown labels to the scheme instead of refusing the file.")
@click.option(
    "--repair", is_flag=True, help="CoNLL: repair malformed lines (each repair is listed) instead of stopping."
)
@click.option(
    "--tag-columns",
    callback=_tag_columns,
    metavar="COLUMNS",
    help="CoNLL: the columns holding BIO tags, e.g. 4, -1 or 3,4 (1 is the token). Default: every column after "
    "the token if all hold BIO tags, else the last (CoNLL-2003's POS and chunk columns are skipped).",
)
@click.option(
    "--predictions",
    is_flag=True,
    help="Label Studio: import the tasks' predictions (a model's pre-annotations) as suggestions to accept or reject.",
)
def import_(
    db: str,
    paths: tuple[str, ...],
    fmt: str,
    annotator: str | None,
    encoding: str | None,
    add_labels: bool,
    repair: bool,
    tag_columns: list[int] | None,
    predictions: bool,
) -> None:
    """Import PATHS into DB, all in one transaction (format detected from each path, or --format).

    Formats: text files and folders, native JSONL, doccano JSONL, Label Studio JSON, brat folders,
    CoNLL. A bad record stops the import with its file, line and field; the project is unchanged.
    """
    from annotator.formats.registry import ImportOptions, import_paths

    options = ImportOptions(
        format=fmt,
        annotator=annotator,
        add_labels=add_labels,
        repair=repair,
        tag_columns=tag_columns,
        predictions=predictions,
        encoding=encoding,
    )
    project = _open(db)
    read: list[str] = []
    try:
        with _progress("Importing") as progress:
            total = import_paths(
                project, paths, options, progress=progress, read_as=lambda path, kind: read.append(f"{path}: {kind}")
            )
    except AnnotatorError as exc:
        project.close()
        if read:
            click.echo("\n".join(read), err=True)
        click.echo(f"Error: {exc}", err=True)
        click.echo("Nothing was imported: the project is unchanged.", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        project.close()
        _cancelled("nothing was imported: the project is unchanged.")
    project.close()
    click.echo("\n".join(read), err=True)
    for note in total.notes:
        click.echo(f"Note: {note}", err=True)
    click.echo(f"Imported: {total.summary()}")


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", required=True, type=click.Path(), help="Output file (or folder for brat and hf).")
@click.option("--annotator", help="Export only this annotator's layer (default: all layers).")
@click.option("--gold", is_flag=True, help="Export the adjudicated gold layer.")
@click.option("--only-done", is_flag=True, help="Only documents marked done (in the exported layer).")
@click.option("--labels", help="Select and rename labels, e.g. PER,ORG,GPE=LOC (others are left out).")
@click.option("--split", help="Split by document into train/dev/test, e.g. 0.8,0.1,0.1.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split.")
@click.option(
    "--tokenizer",
    type=click.Choice(["arabic", "whitespace"]),
    default="arabic",
    show_default=True,
    help="Token formats (conll, hf, spacy): Arabic-aware, or whole whitespace words (spans widened).",
)
@click.option(
    "--max-columns", type=int, default=3, show_default=True, help="CoNLL: tag columns for nested spans (1: strict BIO)."
)
def export(
    db: str,
    fmt: str,
    output: str,
    annotator: str | None,
    gold: bool,
    only_done: bool,
    labels: str | None,
    split: str | None,
    seed: int,
    tokenizer: str,
    max_columns: int,
) -> None:
    """Export DB's documents and annotations to OUTPUT in a training-data format.

    Prints a summary (documents, spans per label, and counts of whatever the format could not
    hold) and writes it as OUTPUT.summary.json.
    """
    from annotator.core.model import GOLD
    from annotator.formats.registry import export_format
    from annotator.formats.selection import ExportOptions, parse_label_map, parse_split, write_summary

    if gold and annotator:
        raise click.UsageError("give either --annotator or --gold, not both")
    project = _open(db)
    try:
        options = ExportOptions(
            layer=GOLD if gold else annotator,
            only_done=only_done,
            labels=parse_label_map(labels),
            split=parse_split(split),
            seed=seed,
            tokenizer=tokenizer,
        )
        exporter = export_format(fmt).exporter()
        kwargs = {"max_columns": max_columns} if fmt == "conll" else {}
        with _progress("Exporting") as progress:
            report = exporter(project, output, options, progress, **kwargs)
    except (AnnotatorError, OSError) as exc:
        project.close()
        _fail(exc)
    except KeyboardInterrupt:
        project.close()
        _cancelled(f"nothing was written to {output}.")
    project.close()
    write_summary(report, output)
    click.echo(report.summary())


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@shape_option
def stats(db: str, as_json: bool, shape: bool | None) -> None:
    """Documents, spans per label and annotator, relations, and document status."""
    project = _open(db)
    figures = project.stats()
    project.close()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    show = _shaper(shape)
    click.echo(f"Documents:  {figures['documents']} ({figures['characters']:,} characters)")
    click.echo(f"Annotators: {', '.join(show(a) for a in figures['annotators']) or 'none'}")
    labels = sorted({label for per in figures["spans"].values() for label in per})
    if labels:
        names = figures["annotators"]
        width = max(12, *(len(n) + 2 for n in names))
        click.echo("\nSpans".ljust(12) + "".join(show(n).rjust(width) for n in names))
        for label in labels:
            row = "".join(str(figures["spans"].get(n, {}).get(label, 0)).rjust(width) for n in names)
            click.echo(label.ljust(11) + row)
        click.echo(
            "total".ljust(11) + "".join(str(sum(figures["spans"].get(n, {}).values())).rjust(width) for n in names)
        )
    for name, counts in figures["relations"].items():
        click.echo(f"\nRelations of {show(name)}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if figures["status"]:
        click.echo("\nStatus")
        for name, counts in figures["status"].items():
            click.echo(f"  {show(name)}: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items()))


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
def check(db: str) -> None:
    """Check the database's integrity and every span's offsets."""
    project = _open(db)
    problems = project.check()
    spans = project.db["spans"].count
    project.close()
    if problems:
        for problem in problems:
            click.echo(f"Problem: {problem}", err=True)
        click.echo(f"{len(problems)} problems found", err=True)
        sys.exit(1)
    click.echo(f"ok: integrity check passed, {spans} spans within their documents")


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("--keep", type=click.IntRange(min=1), default=10, show_default=True, help="Rolling backups to keep.")
@click.option("--list", "list_only", is_flag=True, help="List the backups (newest first) instead of making one.")
def backup(db: str, keep: int, list_only: bool) -> None:
    """Back DB up into DB.backups/ (a consistent copy, also while it is being written), as the GUI does."""
    from annotator.store.backups import check_backup, list_backups, make_backup

    project = _open(db)
    project.close()  # (opened to refuse a file that is not a project)
    if list_only:
        for info in list_backups(db):
            try:
                held = check_backup(info.path)
                what = f"{held.documents} documents, {held.spans} spans, {held.relations} relations"
            except AnnotatorError:
                what = "unreadable"
            click.echo(f"{info.path}\t{info.describe()}\t{what}")
        return
    try:
        info = make_backup(db, reason="manual", keep=keep)
    except AnnotatorError as exc:
        _fail(exc)
    click.echo(f"Backed up to {info.path}")


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.argument("backup_file", metavar="BACKUP", type=click.Path(exists=True, dir_okay=False))
def restore(db: str, backup_file: str) -> None:
    """Replace DB with BACKUP (one of ``annotator backup DB --list``); DB as it was is backed up first."""
    from annotator.store.backups import restore_backup

    try:
        safety = restore_backup(db, backup_file)
        _open(db).close()  # a backup of an older schema is migrated now
    except AnnotatorError as exc:
        click.echo(f"Error: {exc}", err=True)
        click.echo("Nothing was restored: the project is unchanged.", err=True)
        sys.exit(1)
    click.echo(f"Restored {backup_file} into {db}; the project as it was is in {safety.path}")


def _split_list(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The package database to write.")
@click.option("--annotator", required=True, help="Who the package is for (their layer travels with it).")
@click.option("--documents", help="Comma-separated document ids (default: all).")
def package(db: str, output: str, annotator: str, documents: str | None) -> None:
    """Write a project database with chosen documents for one annotator to work on offline."""
    from annotator.review.distribute import package_project

    project = _open(db)
    try:
        report = package_project(project, output, annotator=annotator, documents=_split_list(documents))
    except AnnotatorError as exc:
        project.close()
        _fail(exc)
    project.close()
    click.echo(report.summary())


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.argument("others", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--gold", "include_gold", is_flag=True, help="Also merge the gold layer.")
@click.option("--annotators", help="Merge only these layers (A,B).")
@click.option("--add-labels", is_flag=True, help="Add labels missing from this project's scheme.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def merge(
    db: str, others: tuple[str, ...], include_gold: bool, annotators: str | None, add_labels: bool, as_json: bool
) -> None:
    """Bring annotators' layers back from their databases (OTHERS) into DB; merging twice adds nothing."""
    from annotator.review.distribute import merge_projects

    project = _open(db)
    try:
        report = merge_projects(
            project, list(others), include_gold=include_gold, annotators=_split_list(annotators), add_labels=add_labels
        )
    except AnnotatorError as exc:
        project.close()
        _fail(exc)
    project.close()
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for line in report.messages():
            click.echo(line)


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("--annotators", help="Compare only these annotators (A,B,...); default: all but gold.")
@click.option("--labels", help="Only these labels (PER,ORG,...).")
@click.option("--documents", help="Only these document ids.")
@click.option("--done-only", is_flag=True, help="Count only documents every compared annotator marked done.")
@click.option("--per-document", is_flag=True, help="Include per-document figures in --json.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@shape_option
def agreement(
    db: str,
    annotators: str | None,
    labels: str | None,
    documents: str | None,
    done_only: bool,
    per_document: bool,
    as_json: bool,
    shape: bool | None,
) -> None:
    """Agreement between annotators: span P/R/F1, Cohen's and Fleiss' kappa, Krippendorff's alpha and alpha_u."""
    from annotator.review.agreement import agreement_report

    project = _open(db)
    try:
        with _progress("Comparing") as progress:
            report = agreement_report(
                project,
                annotators=_split_list(annotators),
                labels=_split_list(labels),
                documents=_split_list(documents),
                min_status="done" if done_only else "in_progress",
                per_document=per_document or not as_json,
                progress=progress,
            )
    except AnnotatorError as exc:
        project.close()
        _fail(exc)
    except KeyboardInterrupt:
        project.close()
        _cancelled("no figures.")
    project.close()
    if as_json:
        click.echo(json.dumps(report.to_dict(per_document=per_document), ensure_ascii=False, indent=2))
        return
    show = _shaper(shape)
    for title, rows in report.table_rows().items():
        click.echo(f"\n{title}")
        click.echo(_table([[show(cell) for cell in row] for row in rows]))
    click.echo(f"\nMissing annotations: {report.missing_policy}")


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--kinds", default="quotes,entities", show_default=True, help="What to suggest: quotes, entities or both."
)
@click.option("--documents", help="Comma-separated document ids (default: all).")
@click.option(
    "--gazetteer",
    type=click.Path(exists=True, dir_okay=False),
    help="A user list of entities (surface<TAB>label per line), added to the project's accepted spans.",
)
@click.option("--annotator", help="Whose layer counts as already tagged (default: every layer).")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def suggest(
    db: str, kinds: str, documents: str | None, gazetteer: str | None, annotator: str | None, as_json: bool
) -> None:
    """Suggest quotes (with cue and speaker) and entities into the suggestion layer (~suggest).

    Accept or reject them in the GUI (Suggestions panel); running again replaces earlier ones.
    """
    from annotator.assist.suggest import resolve_documents
    from annotator.assist.suggest import suggest as run_suggest

    project = _open(db)
    try:
        report = run_suggest(
            project,
            annotator=annotator,
            kinds=_split_list(kinds) or [],
            documents=resolve_documents(project, _split_list(documents)),
            user_list=gazetteer,
        )
    except AnnotatorError as exc:
        project.close()
        _fail(exc)
    project.close()
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.summary())


def _table(rows: list[list[str]]) -> str:
    """Rows of cells as aligned text columns (first column left, the others right-aligned)."""
    widths = [max(len(row[i]) for row in rows if i < len(row)) for i in range(max(len(r) for r in rows))]
    lines = []
    for row in rows:
        cells = [cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
