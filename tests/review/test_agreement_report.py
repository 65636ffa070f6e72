"""agreement_report over real project files: hand-computed figures, the missing-annotation policy, output."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.core.model import GOLD, Document, Span
from annotator.review.agreement import MISSING_POLICY, agreement_report
from annotator.review.alpha_u import alpha_u
from annotator.store.project import Project

# Ten tokens of two letters each: token k covers 3k .. 3k + 2; the text is 29 characters long.
TEN = "aa bb cc dd ee ff gg hh ii jj"


def tok(first: int, last: int) -> tuple[int, int]:
    """Offsets covering tokens first..last (inclusive)."""
    return 3 * first, 3 * last + 2


def add_ten(project: Project, ext_id: str = "ten", statuses: dict[str, str] | None = None) -> int:
    doc_id = project.add_document(Document(text=TEN, ext_id=ext_id))
    # amal: PER PER O O O ORG ORG O O O
    project.add_spans(doc_id, [Span(*tok(0, 1), "PER", "amal"), Span(*tok(5, 6), "ORG", "amal")])
    # omar: PER O O O O ORG PER O O O
    project.add_spans(
        doc_id, [Span(*tok(0, 0), "PER", "omar"), Span(*tok(5, 5), "ORG", "omar"), Span(*tok(6, 6), "PER", "omar")]
    )
    for name, status in (statuses or {}).items():
        project.set_status(doc_id, name, status)
    return doc_id


def test_hand_computed_figures_for_one_document(project: Project) -> None:
    add_ten(project)
    report = agreement_report(project)
    assert report.annotators == ["amal", "omar"] and report.labels == ["PER", "ORG"]
    pair = report.pair("amal", "omar")
    assert pair is not None and pair.documents == 1 and pair.tokens == 10

    # Exact: no span has the same start, end and label on both sides.
    exact = pair.match("exact")
    assert (exact.matched, exact.reference, exact.other) == (0, 2, 3) and exact.f1 == 0.0
    # Overlap: PER 0..5 ~ PER 0..2, ORG 15..20 ~ ORG 15..17; omar's PER 18..20 has no partner left.
    # P = 2/3 (omar's 3 spans), R = 2/2, F1 = 2·2 / (2 + 3) = 4/5.
    overlap = pair.match("overlap")
    assert overlap.matched == 2 and overlap.precision == pytest.approx(2 / 3) and overlap.recall == 1.0
    assert overlap.f1 == pytest.approx(4 / 5)
    assert pair.match("overlap", "ORG").f1 == 1.0 and pair.match("overlap", "PER").f1 == pytest.approx(2 / 3)

    # Token kappa: the confusion table of test_cohen_kappa_by_hand -> 8/13.
    assert pair.kappa() == pytest.approx(8 / 13)
    # PER as binary: both {0}, only amal {1}, only omar {6}, neither 7 tokens.
    # p_o = 0.8; each says PER on 2 of 10: p_e = 0.2² + 0.8² = 0.68; kappa = 0.12 / 0.32 = 0.375
    assert pair.kappa("PER") == pytest.approx(0.375)

    # Across both: n = 20 values; PER 4, ORG 3, O 13; 8 agreeing items, each 2 agreeing coincidences.
    # alpha = 1 - (n - 1)(n - 16) / (n² - Σ n_c²) = 1 - 19 · 4 / (400 - 194) = 130/206
    # Fleiss (two raters, i.e. Scott's pi): P̄ = 0.8, P_e = 0.2² + 0.15² + 0.65² = 0.485 -> 0.315/0.515
    group = report.group
    assert group.alpha() == pytest.approx(130 / 206)
    assert group.fleiss_kappa() == pytest.approx(0.315 / 0.515)
    assert (group.documents, group.tokens, group.characters) == (1, 10, 29)

    # alpha_u of PER on the 29 characters: amal 0..5; omar 0..2 and 18..20.
    #   uDo = 2 · [(0-0)² + (5-2)² + 2²] / (2 · 1 · 29²) = 13/841
    #   N = 3 units (5, 2, 2); gaps: 24 (amal), 16 and 9 (omar)
    #   l = 5: (2/3)(250 - 75 + 5) = 120, placements (20 + 12 + 5) · 25 = 925      -> 1045
    #   l = 2: (2/3)(16 - 12 + 2) = 4,    placements (23 + 15 + 8) · 4 = 184, twice -> 376
    #   uDe = (2/29) · 1421 / (58 · 57 - 24)
    per = group.alpha_u("PER")
    assert per.alpha == pytest.approx(1 - (13 / 841) / (2 / 29 * 1421 / 3282))
    assert per.units == 3 and per.length == 29 and per.sections == 1
    assert per.alpha == pytest.approx(alpha_u(29, [[tok(0, 1)], [tok(0, 0), tok(6, 6)]]))


def test_documents_not_opened_are_left_out_not_counted_as_empty(project: Project) -> None:
    add_ten(project, "both")
    # omar never opened this one (status new): amal's spans must not count as disagreement.
    lone = project.add_document(Document(text=TEN, ext_id="only-amal"))
    project.add_spans(lone, [Span(*tok(2, 3), "PER", "amal")])
    report = agreement_report(project)
    pair = report.pair("amal", "omar")
    assert pair is not None and pair.documents == 1 and pair.kappa() == pytest.approx(8 / 13)
    assert report.documents_counted == {"amal": 2, "omar": 1}
    assert report.group.documents == 1
    assert report.to_dict()["missing_annotations"] == MISSING_POLICY["in_progress"]
    assert [d.ext_id for d in report.documents] == ["both"]


def test_a_document_marked_done_with_no_spans_counts_as_all_outside(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEN, ext_id="one"))
    project.add_spans(doc_id, [Span(*tok(0, 0), "PER", "amal")])
    project.set_status(doc_id, "omar", "done")  # omar read it and found nothing
    pair = agreement_report(project).pair("amal", "omar")
    assert pair is not None and pair.documents == 1
    assert pair.table[("PER", "O")] == 1 and pair.table[("O", "O")] == 9
    assert pair.match("exact").recall == 0.0


def test_min_status_done_keeps_only_documents_done_by_all(project: Project) -> None:
    add_ten(project, "done", {"amal": "done", "omar": "done"})
    add_ten(project, "half", {"amal": "done"})  # omar: in progress (he added spans)
    assert agreement_report(project).pair("amal", "omar").documents == 2
    report = agreement_report(project, min_status="done")
    assert report.pair("amal", "omar").documents == 1
    assert report.documents_counted == {"amal": 2, "omar": 1}
    assert report.to_dict()["missing_annotations"] == MISSING_POLICY["done"]
    with pytest.raises(AnnotatorError):
        agreement_report(project, min_status="finished")


def test_three_annotators_pairs_and_group_count_different_documents(project: Project) -> None:
    doc_id = add_ten(project, "all")
    project.add_spans(doc_id, [Span(*tok(0, 1), "PER", "sara")])
    add_ten(project, "two")  # sara has not opened it
    report = agreement_report(project)
    assert report.annotators == ["amal", "omar", "sara"]
    assert [(p.reference, p.other, p.documents) for p in report.pairs] == [
        ("amal", "omar", 2), ("amal", "sara", 1), ("omar", "sara", 1),
    ]  # fmt: skip
    assert report.group.documents == 1 and report.group.tokens == 10
    per_doc = {d.ext_id: d for d in report.documents}
    assert per_doc["all"].counted_for_all and per_doc["all"].fleiss_kappa is not None
    assert not per_doc["two"].counted_for_all and len(per_doc["two"].pairs) == 1


def test_labels_limit_the_comparison(project: Project) -> None:
    add_ten(project)
    report = agreement_report(project, labels=["ORG"])
    pair = report.pair("amal", "omar")
    assert report.labels == ["ORG"]
    # PER spans are ignored: the tokens differ only at token 6 (ORG for amal, O for omar).
    assert pair.table[("ORG", "ORG")] == 1 and pair.table[("ORG", "O")] == 1 and pair.table[("O", "O")] == 8
    assert pair.match("exact").reference == 1 and pair.match("exact").other == 1


def test_gold_is_left_out_unless_named(project: Project) -> None:
    doc_id = add_ten(project)
    project.add_spans(doc_id, [Span(*tok(0, 1), "PER", GOLD)])
    assert agreement_report(project).annotators == ["amal", "omar"]
    report = agreement_report(project, annotators=["amal", GOLD])
    assert report.pair("amal", GOLD).match("exact", "PER").f1 == 1.0


def test_same_figures_with_and_without_per_document_detail(random_project: Callable[..., Project]) -> None:
    project = random_project(7, ("amal", "omar", "sara"))
    full = agreement_report(project).to_dict(per_document=False)
    lean = agreement_report(project, per_document=False).to_dict(per_document=False)
    assert full == lean


def test_alpha_u_of_the_report_pools_documents_as_sections(random_project: Callable[..., Project]) -> None:
    from annotator.review.alpha_u import UnitizingAlpha

    project = random_project(3, ("amal", "omar"))
    report = agreement_report(project)
    for label in report.labels:
        acc = UnitizingAlpha(2)
        for doc in project.iter_documents():
            acc.add(
                len(doc.text),
                [[(s.start, s.end) for s in project.spans(doc.id, n) if s.label == label] for n in ("amal", "omar")],
            )
        assert report.group.alpha_u(label) == acc.result()


def test_json_and_table_rows(project: Project) -> None:
    add_ten(project)
    report = agreement_report(project)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["documents"] == {"selected": 1, "counted_per_annotator": {"amal": 1, "omar": 1}, "counted_for_all": 1}
    pair = data["pairs"][0]
    assert pair["reference"] == "amal" and pair["documents"] == 1 and pair["tokens"] == 10
    assert pair["overlap"]["f1"] == pytest.approx(0.8) and pair["exact"]["reference_spans"] == 2
    assert pair["labels"]["PER"]["cohen_kappa"] == pytest.approx(0.375)
    assert data["all"]["labels"]["PER"]["alpha_u"]["units"] == 3
    assert data["all"]["krippendorff_alpha"] == pytest.approx(130 / 206)
    assert data["per_document"][0]["id"] == "ten" and "rules" in data and data["missing_annotations"]

    tables = report.table_rows()
    assert all(isinstance(cell, str) for rows in tables.values() for row in rows for cell in row)
    f1 = tables["F1, overlap match"]
    assert f1[0] == ["", "amal", "omar"] and f1[1] == ["amal", "—", "0.800"] and f1[2] == ["omar", "0.800", "—"]
    labels = tables["Per label (F1 over all pairs; kappa, alpha and alpha_u across all annotators)"]
    assert [row[0] for row in labels] == ["label", "PER", "ORG", "all labels"]
    assert labels[0][-3:] == ["labelled tokens", "tokens", "documents"] and labels[-1][-3:] == ["4", "10", "1"]
    assert labels[1][4] == "0.375"
    pairs = tables["Pairs (precision and recall against the reference)"]
    assert pairs[1][:5] == ["amal", "omar", "1", "10", "2/3"]


def test_undefined_figures_print_as_not_available(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEN, ext_id="empty"))
    project.set_status(doc_id, "amal", "done")
    project.set_status(doc_id, "omar", "done")
    report = agreement_report(project)
    assert report.labels == [] and report.pair("amal", "omar").kappa() is None
    assert report.table_rows()["Cohen's kappa (tokens)"][1] == ["amal", "—", "n/a"]
    json.dumps(report.to_dict())


def test_bad_requests_say_what_is_wrong(project: Project) -> None:
    add_ten(project)
    with pytest.raises(AnnotatorError, match="at least two"):
        agreement_report(project, annotators=["amal"])
    with pytest.raises(AnnotatorError, match="no annotator named 'nobody'"):
        agreement_report(project, annotators=["amal", "nobody"])
    with pytest.raises(AnnotatorError, match="no document with id 'missing'"):
        agreement_report(project, documents=["ten", "missing"])
    assert agreement_report(project, documents=["ten"]).documents_selected == 1


def test_progress_reports_and_can_cancel(random_project: Callable[..., Project]) -> None:
    project = random_project(1)
    seen: list[tuple[int, int]] = []
    agreement_report(project, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)

    def cancel(done: int, total: int) -> None:
        if done == 3:
            raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        agreement_report(project, progress=cancel)
