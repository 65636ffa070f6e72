"""Suggestions on the seed article in a real project file: their own layer, the demo speakers,
accept (into the annotator's layer, with relations) and reject, both undone exactly; the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.assist import suggest as sg
from annotator.cli import cli
from annotator.core.arabic import clitics_of_prefix, is_word_char
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.formats.seeds import DEMO_ANNOTATOR, build_demo_project
from annotator.store.project import Project

ENTITY_LABELS = ("PER", "ORG", "GPE", "LOC", "EVENT", "DATE")


@pytest.fixture
def seed_project(tmp_path: Path):
    """The demo project (the seed article, the demo layer) plus amal's layer: the demo's entities
    only, no quotes yet."""
    project = build_demo_project(tmp_path / "seed.annotator.db")
    doc_id = project.document_ids()[0]
    demo = project.spans(doc_id, DEMO_ANNOTATOR)
    project.add_spans(doc_id, [Span(s.start, s.end, s.label, "amal") for s in demo if s.label in ENTITY_LABELS])
    yield project, doc_id
    project.close()


def snapshot(project: Project) -> tuple[list, list, list]:
    spans = project.conn.execute(
        'SELECT s.id, a.name, s.label, s."start", s."end", s.attrs FROM spans s '
        "JOIN annotators a ON a.id = s.annotator_id ORDER BY s.id"
    ).fetchall()
    relations = project.conn.execute(
        "SELECT r.id, a.name, r.label, r.head_id, r.child_id FROM relations r "
        "JOIN annotators a ON a.id = r.annotator_id ORDER BY r.id"
    ).fetchall()
    status = project.conn.execute(
        "SELECT a.name, st.status FROM document_status st JOIN annotators a ON a.id = st.annotator_id ORDER BY 1"
    ).fetchall()
    return spans, relations, status


def quote_group(project: Project, doc_id: int, start: int) -> sg.Group:
    return next(g for g in sg.suggestion_groups(project, doc_id) if g.kind == "quote" and g.span.start == start)


def surface(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span.start : span.end]


def test_seed_quotes_are_suggested_with_the_demo_speakers_in_their_own_layer(seed_project) -> None:
    project, doc_id = seed_project
    text = project.document(doc_id).text
    layers_before = {name: len(project.spans(doc_id, name)) for name in ("amal", DEMO_ANNOTATOR)}
    report = sg.suggest(project, annotator="amal")
    assert {name: len(project.spans(doc_id, name)) for name in ("amal", DEMO_ANNOTATOR)} == layers_before
    assert report.documents == 1 and report.quoted_passages == 4

    first = quote_group(project, doc_id, 265)
    assert (first.span.end, first.span.attrs["type"]) == (483, "direct")
    assert (surface(text, first.cue), first.cue.start) == ("أوضح", 180)  # وأوضح: the cue leaves the و out
    assert (surface(text, first.speaker), first.speaker.start, first.speaker.label) == ("الكرملين", 185, "ORG")
    second = quote_group(project, doc_id, 919)
    assert second.span.end == 1035
    assert (surface(text, second.cue), second.cue.start) == ("قال", 877)
    assert (surface(text, second.speaker), second.speaker.start) == ("ديمتري بيسكوف", 903)

    relations = project.relations(doc_id, sg.SUGGESTION_LAYER)
    assert (first.span.id, first.speaker.id, "SAID_BY") in {(r.head, r.child, r.label) for r in relations}
    assert (first.cue.id, first.span.id, "CUE_OF") in {(r.head, r.child, r.label) for r in relations}
    # The suggestion layer gets no document status: progress and agreement never count it.
    assert sg.SUGGESTION_LAYER not in project.document_statuses(doc_id)
    assert project.check() == []


def test_every_suggestion_shows_its_exact_text_and_entities_never_cover_a_clitic(seed_project) -> None:
    project, doc_id = seed_project
    text = project.document(doc_id).text
    sg.suggest(project, annotator="amal")
    groups = sg.suggestion_groups(project, doc_id)
    entities = [g.span for g in groups if g.kind == "entity"]
    assert entities and all(s.attrs == {sg.ORIGIN: "entity"} for s in entities)
    for span in project.spans(doc_id, sg.SUGGESTION_LAYER):
        shown = text[span.start : span.end]
        assert shown == shown.strip() and shown
    for span in entities:
        word_start = span.start
        while word_start > 0 and is_word_char(text[word_start - 1]):
            word_start -= 1
        prefix = text[word_start : span.start]
        assert prefix == "" or clitics_of_prefix(prefix) is not None, (prefix, text[span.start : span.end])
        assert span.end == len(text) or not is_word_char(text[span.end])
    # "موالين لروسيا": روسيا is suggested, the ل stays out; places amal tagged are not suggested again.
    russia = text.index("موالين لروسيا") + len("موالين ل")
    assert any((s.start, s.end, s.label) == (russia, russia + 5, "GPE") for s in entities)
    tagged = {(s.start, s.end) for s in project.spans(doc_id, "amal")}
    assert not any(s.start < e and b < s.end for s in entities for b, e in tagged)


def test_running_again_replaces_the_suggestions(seed_project) -> None:
    project, doc_id = seed_project
    first = sg.suggest(project, annotator="amal")
    after_first = snapshot(project)
    count = len(project.spans(doc_id, sg.SUGGESTION_LAYER))
    second = sg.suggest(project, annotator="amal")
    assert len(project.spans(doc_id, sg.SUGGESTION_LAYER)) == count
    assert second.replaced == count and first.to_dict()["quotes"] == second.to_dict()["quotes"]
    sg.undo(project, second.journal)  # back to the first run's suggestions, ids included
    assert snapshot(project) == after_first
    sg.undo(project, first.journal)
    assert sg.suggestion_count(project, doc_id) == 0


def test_quotes_only_and_an_already_tagged_quote(seed_project) -> None:
    project, doc_id = seed_project
    report = sg.suggest(project, annotator=DEMO_ANNOTATOR, kinds=["quotes"])
    assert report.already_tagged["quotes"] == 2  # the demo layer has both demo quotes
    assert sum(report.entities.values()) == 0
    assert all(g.kind != "entity" for g in sg.suggestion_groups(project, doc_id))
    with pytest.raises(AnnotatorError):
        sg.suggest(project, kinds=["claims"])


def test_accept_moves_a_quote_with_its_cue_and_speaker_into_the_layer(seed_project) -> None:
    project, doc_id = seed_project
    sg.suggest(project, annotator="amal")
    before = snapshot(project)
    group = quote_group(project, doc_id, 919)
    amal_bieskov = next(s for s in project.spans(doc_id, "amal") if s.start == 903)
    journal = sg.accept(project, [group.span.id], "amal")  # the quote brings its cue and speaker
    quote = project.span(group.span.id)  # moved: same id, amal is the author now
    assert (quote.annotator, quote.label, quote.attrs) == ("amal", "QUOTE", {"type": "direct"})
    assert project.span(group.cue.id).annotator == "amal"
    # amal already had ديمتري بيسكوف: the suggested copy is merged into her span, not duplicated.
    assert journal.accepted[group.speaker.id] == amal_bieskov.id
    assert [s for s in project.spans(doc_id, "amal") if s.start == 903] == [amal_bieskov]
    links = {(r.head, r.child, r.label, r.annotator) for r in project.relations(doc_id, "amal")}
    assert (quote.id, amal_bieskov.id, "SAID_BY", "amal") in links
    assert (group.cue.id, quote.id, "CUE_OF", "amal") in links
    # "وأضاف، "..."" still names the suggested speaker: it stays, as a speaker-only suggestion...
    assert project.span(group.speaker.id).attrs == {sg.ORIGIN: "speaker"}
    assert all(g.span.id != quote.id for g in sg.suggestion_groups(project, doc_id))
    added = quote_group(project, doc_id, project.document(doc_id).text.index("نرى خطاباً"))
    assert added.speaker.id == group.speaker.id
    reject = sg.reject(project, added.reject_ids)
    with pytest.raises(AnnotatorError):  # ...until that quote is rejected
        project.span(group.speaker.id)
    sg.undo(project, reject)
    assert project.check() == []
    sg.undo(project, journal)
    assert snapshot(project) == before


def test_accepting_a_speaker_alone_keeps_the_pending_quote_linked(seed_project) -> None:
    project, doc_id = seed_project
    sg.suggest(project, annotator="nobody", kinds=["quotes", "entities"])  # nothing tagged: all from the gazetteer
    text = project.document(doc_id).text
    group = quote_group(project, doc_id, 919)
    speaker = group.speaker
    assert surface(text, speaker) == "ديمتري بيسكوف"
    entity_journal = sg.accept(project, [speaker.id], "omar", with_related=False)
    copy_id = entity_journal.accepted[speaker.id]
    assert copy_id != speaker.id and project.span(copy_id).annotator == "omar"
    assert project.span(speaker.id).attrs[sg.ORIGIN] == "speaker"  # kept for the pending SAID_BY
    quote_journal = sg.accept(project, group.reject_ids, "omar")
    assert quote_journal.accepted[speaker.id] == copy_id  # merged into omar's span now
    said_by = [r for r in project.relations(doc_id, "omar") if r.label == "SAID_BY"]
    assert [(r.head, r.child) for r in said_by] == [(group.span.id, copy_id)]
    assert len([s for s in project.spans(doc_id, "omar") if s.start == 903]) == 1
    assert project.status(doc_id, "omar") == "in_progress"


def test_reject_removes_a_quote_and_undo_restores_it(seed_project) -> None:
    project, doc_id = seed_project
    sg.suggest(project, annotator="amal")
    before = snapshot(project)
    group = quote_group(project, doc_id, 265)
    speaker_id = group.speaker.id
    journal = sg.reject(project, [group.cue.id])  # a cue takes its quote along
    remaining = {s.id for s in project.spans(doc_id, sg.SUGGESTION_LAYER)}
    assert group.span.id not in remaining and group.cue.id not in remaining
    # The speaker was a copy of amal's الكرملين, only there for the link: it goes too.
    assert speaker_id not in remaining
    assert [s.id for s in project.spans(doc_id, "amal")] == [s[0] for s in before[0] if s[1] == "amal"]
    sg.undo(project, journal)
    assert snapshot(project) == before


def test_accept_and_reject_refuse_spans_of_a_layer(seed_project) -> None:
    project, doc_id = seed_project
    sg.suggest(project, annotator="amal")
    amal_span = project.spans(doc_id, "amal")[0]
    with pytest.raises(AnnotatorError, match="not a suggestion"):
        sg.accept(project, [amal_span.id], "amal")
    with pytest.raises(AnnotatorError, match="not a suggestion"):
        sg.reject(project, [amal_span.id])
    with pytest.raises(AnnotatorError):
        sg.accept(project, [project.spans(doc_id, sg.SUGGESTION_LAYER)[0].id], sg.SUGGESTION_LAYER)


def test_accept_all_and_reject_all(seed_project) -> None:
    project, doc_id = seed_project
    sg.suggest(project, annotator="amal")
    n = len(project.spans(doc_id, "amal"))
    journal = sg.accept_all(project, doc_id, "amal")
    assert sg.suggestion_count(project, doc_id) == 0
    assert len(project.spans(doc_id, "amal")) > n and project.check() == []
    sg.undo(project, journal)
    assert len(project.spans(doc_id, "amal")) == n
    sg.reject_all(project, doc_id)
    assert sg.suggestion_count(project, doc_id) == 0 and len(project.spans(doc_id, "amal")) == n


def test_cli_suggest(seed_project, tmp_path: Path) -> None:
    project, doc_id = seed_project
    path = str(project.path)
    ext_id = project.document(doc_id).ext_id
    project.close()
    names = tmp_path / "names.tsv"
    names.write_text("سولي نينيستو\tPER\nشي جينبينغ\tPER\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        cli, ["suggest", path, "--kinds", "quotes,entities", "--documents", ext_id, "--gazetteer", str(names), "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 1 and figures["quoted_passages"] == 4 and figures["layer"] == sg.SUGGESTION_LAYER
    assert figures["quotes"] >= 2 and figures["said_by"] >= 2 and figures["entities_by_label"]["PER"] >= 2
    result = runner.invoke(cli, ["suggest", path, "--kinds", "quotes"])
    assert result.exit_code == 0 and "quotes:" in result.output and "entities:" not in result.output
    for args, message in (
        (["--kinds", "claims"], "unknown suggestion kind"),
        (["--documents", "nope"], "no document with id 'nope'"),
    ):
        result = runner.invoke(cli, ["suggest", path, *args])
        assert result.exit_code == 1 and message in result.output
    bad = tmp_path / "bad.tsv"
    bad.write_text("بوتين\tPRESIDENT\n", encoding="utf-8")
    result = runner.invoke(cli, ["suggest", path, "--gazetteer", str(bad)])
    assert result.exit_code == 1 and "line 1" in result.output
