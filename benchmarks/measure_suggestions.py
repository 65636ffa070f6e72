"""Measure the quote (and entity) suggestions on the seed article and on SaudiNewsNet articles.

    .venv/bin/python benchmarks/measure_suggestions.py ../shared/data/saudinewsnet [--json OUT]

DATA is a folder of SaudiNewsNet day files (``YYYY-MM-DD.json``: a list of articles with a
``content`` field); the articles are read from there and put in a temporary project, never copied
into the repository. The hand annotation, ``docs/suggestions_gold.json``, holds article ids,
offsets and hashes only (no text: the articles are CC BY-NC-SA 4.0); this script checks every hash
against DATA before using an annotation.

What it prints (and writes with ``--json``), see docs/suggestions.md:

1. the seed article: the quotes suggested, and whether the demo layer's two quotes come out with
   their speakers (layer holding the demo's entity spans);
2. every article of DATA: quoted passages found, quotes suggested (by type and by how they were
   found), time taken;
3. the hand-annotated articles: precision and recall of quote suggestions (a suggestion matches a
   hand-annotated quote it overlaps; one-to-one, largest overlap first) and of speaker links
   (SAID_BY), in two settings: "cold" (nothing tagged, empty gazetteer) and "entities tagged" (the
   layer holds the hand-tagged PER/ORG mentions of the article, as after a first tagging pass);
4. the spot check: verdicts on 50 random suggestions from all articles.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.assist.gazetteer import Gazetteer  # noqa: E402
from annotator.assist.suggest import SAID_BY, SUGGESTION_LAYER, suggest  # noqa: E402
from annotator.core.arabic import normalise_key  # noqa: E402
from annotator.core.model import Document, Span  # noqa: E402
from annotator.formats.seeds import DEMO_ANNOTATOR, build_demo_project  # noqa: E402
from annotator.store.project import Project  # noqa: E402

GOLD = ROOT / "docs" / "suggestions_gold.json"
DEV = 10  # the first DEV articles of the sample were looked at while tuning; the rest were not
LAYER = "hand"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load_articles(data: Path) -> dict[str, dict[str, Any]]:
    articles: dict[str, dict[str, Any]] = {}
    for path in sorted(data.glob("*.json")):
        try:
            items = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("content"), str):
                articles[f"{path.stem}#{index}"] = item
    return articles


# -- 1. the seed article ----------------------------------------------------------------------------


def measure_seed(folder: Path) -> dict[str, Any]:
    project = build_demo_project(folder / "seed.annotator.db")
    try:
        doc_id = project.document_ids()[0]
        text = project.document(doc_id).text
        demo = project.spans(doc_id, DEMO_ANNOTATOR)
        by_id = {s.id: s for s in demo}
        expected = []
        for rel in project.relations(doc_id, DEMO_ANNOTATOR):
            if rel.label == SAID_BY:
                quote, speaker = by_id[rel.head], by_id[rel.child]
                expected.append((quote, text[speaker.start : speaker.end]))
        entities = [s for s in demo if s.label not in ("QUOTE", "CUE", "CLAIM")]
        project.add_spans(doc_id, [Span(s.start, s.end, s.label, LAYER) for s in entities])
        out: dict[str, Any] = {}
        for setting, annotator in (("cold", "nobody"), ("entities tagged", LAYER)):
            report = suggest(project, annotator=annotator, documents=[doc_id], gazetteer=Gazetteer())
            quotes = _suggested_quotes(project, doc_id, text)
            found = []
            for quote, speaker in expected:
                hit = next((q for q in quotes if q["start"] < quote.end and quote.start < q["end"]), None)
                found.append(
                    {
                        "quote": [quote.start, quote.end],
                        "expected_speaker": speaker,
                        "suggested": hit is not None,
                        "suggested_speaker": hit["speaker"] if hit else None,
                        "speaker_right": bool(hit and hit["speaker"] == speaker),
                    }
                )
            out[setting] = {
                "quoted_passages": report.quoted_passages,
                "quotes": sum(report.quotes.values()),
                "by_type": dict(report.quotes),
                "said_by": report.said_by,
                "demo_quotes": found,
                "suggestions": [
                    {k: q[k] for k in ("start", "end", "type", "cue", "speaker")} | {"surface": q["surface"][:60]}
                    for q in quotes
                ],
            }
        return out
    finally:
        project.close()


def _suggested_quotes(project: Project, doc_id: int, text: str) -> list[dict[str, Any]]:
    spans = {s.id: s for s in project.spans(doc_id, SUGGESTION_LAYER)}
    speakers: dict[int, Span] = {}
    cues: dict[int, Span] = {}
    for rel in project.relations(doc_id, SUGGESTION_LAYER):
        if rel.label == SAID_BY:
            speakers[rel.head] = spans[rel.child]
        elif rel.label == "CUE_OF":
            cues[rel.child] = spans[rel.head]
    out = []
    for span in spans.values():
        if span.label != "QUOTE":
            continue
        speaker, cue = speakers.get(span.id), cues.get(span.id)  # type: ignore[arg-type]
        out.append(
            {
                "start": span.start,
                "end": span.end,
                "type": span.attrs.get("type"),
                "how": span.attrs.get("~how"),
                "surface": text[span.start : span.end],
                "speaker": text[speaker.start : speaker.end] if speaker else None,
                "speaker_span": (speaker.start, speaker.end) if speaker else None,
                "cue": text[cue.start : cue.end] if cue else None,
            }
        )
    out.sort(key=lambda q: q["start"])
    return out


# -- 2. every article -------------------------------------------------------------------------------


def measure_all(folder: Path, articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    project = Project.create(folder / "all.annotator.db")
    try:
        with project.transaction():
            for ext_id, item in articles.items():
                project.add_document(Document(text=item["content"], ext_id=ext_id, title=item.get("title") or ""))
        started = time.perf_counter()
        report = suggest(project, kinds=("quotes",), gazetteer=Gazetteer())
        seconds = time.perf_counter() - started
        with_quote = project.conn.execute(
            "SELECT count(DISTINCT s.document_id) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
            "WHERE a.name = ? AND s.label = 'QUOTE'",
            (SUGGESTION_LAYER,),
        ).fetchone()[0]
        characters = sum(len(item["content"]) for item in articles.values())
        return {
            "articles": len(articles),
            "characters": characters,
            "quoted_passages": report.quoted_passages,
            "quotes": sum(report.quotes.values()),
            "quotes_by_type": dict(report.quotes),
            "quotes_by_method": dict(report.quotes_by_method),
            "cues": report.cues,
            "articles_with_a_quote": with_quote,
            "seconds": round(seconds, 2),
        }
    finally:
        project.close()


# -- 3. the hand-annotated articles --------------------------------------------------------------


def _same_speaker(text: str, predicted: tuple[int, int] | None, gold: dict[str, Any] | None) -> bool:
    """The suggested speaker is the annotated one: the mentions overlap, or one's normalised
    surface is the other's or a whole-word part of it (رومنيجه / كارل هينز رومنيجه)."""
    if predicted is None or gold is None:
        return False
    if predicted[0] < gold["end"] and gold["start"] < predicted[1]:
        return True
    a = normalise_key(text[predicted[0] : predicted[1]])
    b = normalise_key(text[gold["start"] : gold["end"]])
    wa, wb = a.split(), b.split()
    return a == b or _contains(wa, wb) or _contains(wb, wa)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return 0 < n <= len(longer) and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _match(suggested: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (suggestion index, gold index) of overlapping quotes, largest overlap first."""
    pairs = []
    for i, s in enumerate(suggested):
        for j, g in enumerate(gold):
            overlap = min(s["end"], g["end"]) - max(s["start"], g["start"])
            if overlap > 0:
                pairs.append((overlap, i, j))
    used_s: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _overlap, i, j in sorted(pairs, reverse=True):
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _pr(tp: int, predicted: int, gold: int) -> dict[str, Any]:
    precision = tp / predicted if predicted else None
    recall = tp / gold if gold else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    return {
        "tp": tp,
        "predicted": predicted,
        "gold": gold,
        "precision": None if precision is None else round(precision, 3),
        "recall": None if recall is None else round(recall, 3),
        "f1": round(f1, 3),
    }


TARGETED = ("marked", "clause")  # the forms the finder looks for; nominal and according ones it cannot


def measure_hand(folder: Path, articles: dict[str, dict[str, Any]], gold_path: Path) -> dict[str, Any]:
    gold_doc = json.loads(gold_path.read_text(encoding="utf-8"))
    gold_articles = gold_doc["articles"]
    for art in gold_articles:
        item = articles.get(art["id"])
        if item is None:
            raise SystemExit(f"{art['id']}: not in the data folder (need {art['file']})")
        text = item["content"]
        if sha(text) != art["text_sha"]:
            raise SystemExit(f"{art['id']}: the article's text differs from the annotated one (hash)")
        for q in art["quotes"]:
            if sha(text[q["start"] : q["end"]]) != q["sha"]:
                raise SystemExit(f"{art['id']}: quote {q['start']}..{q['end']} does not match its hash")
            sp = q["speaker"]
            if sp and sha(text[sp["start"] : sp["end"]]) != sp["sha"]:
                raise SystemExit(f"{art['id']}: speaker {sp['start']}..{sp['end']} does not match its hash")
        for start, end, _label, digest in art["entities"]:
            if sha(text[start:end]) != digest:
                raise SystemExit(f"{art['id']}: entity {start}..{end} does not match its hash")
    project = Project.create(folder / "hand.annotator.db")
    try:
        ids = {}
        with project.transaction():
            for art in gold_articles:
                doc_id = project.add_document(Document(text=articles[art["id"]]["content"], ext_id=art["id"]))
                ids[art["id"]] = doc_id
                project.add_spans(doc_id, [Span(s, e, label, LAYER) for s, e, label, _ in art["entities"]])
        results: dict[str, Any] = {}
        for setting, annotator in (("cold", "nobody"), ("entities tagged", LAYER)):
            suggest(project, annotator=annotator, kinds=("quotes",), gazetteer=Gazetteer())
            per_article = {}
            for art in gold_articles:
                doc_id = ids[art["id"]]
                text = articles[art["id"]]["content"]
                per_article[art["id"]] = (text, _suggested_quotes(project, doc_id, text), art["quotes"])
            results[setting] = {
                "all": _score(per_article, [a["id"] for a in gold_articles]),
                "dev": _score(per_article, [a["id"] for a in gold_articles[:DEV]]),
                "test": _score(per_article, [a["id"] for a in gold_articles[DEV:]]),
            }
            if setting == "entities tagged":
                results["errors"] = _errors(per_article)
        forms = Counter(q["form"] for a in gold_articles for q in a["quotes"])
        return {
            "articles": len(gold_articles),
            "gold_quotes": sum(forms.values()),
            "gold_forms": dict(forms),
            "gold_with_named_speaker": sum(1 for a in gold_articles for q in a["quotes"] if q["speaker"]),
            **results,
        }
    finally:
        project.close()


def _score(per_article: dict[str, Any], which: list[str]) -> dict[str, Any]:
    tp = predicted = gold_n = targeted_gold = targeted_tp = 0
    links_predicted = links_right = gold_links = 0
    matched_with_gold_speaker = matched_speaker_right = 0
    type_right = 0
    by_method: dict[str, Counter[str]] = {}
    for article_id in which:
        text, suggested, gold = per_article[article_id]
        pairs = _match(suggested, gold)
        tp += len(pairs)
        predicted += len(suggested)
        gold_n += len(gold)
        targeted_gold += sum(1 for g in gold if g["form"] in TARGETED)
        targeted_tp += sum(1 for _i, j in pairs if gold[j]["form"] in TARGETED)
        gold_links += sum(1 for g in gold if g["speaker"])
        links_predicted += sum(1 for s in suggested if s["speaker_span"])
        matched = {i for i, _j in pairs}
        for i, s in enumerate(suggested):
            by_method.setdefault(s["how"] or "?", Counter())["right" if i in matched else "wrong"] += 1
        for i, j in pairs:
            s, g = suggested[i], gold[j]
            type_right += s["type"] == g["type"]
            right = _same_speaker(text, s["speaker_span"], g["speaker"])
            links_right += right
            if g["speaker"]:
                matched_with_gold_speaker += 1
                matched_speaker_right += right
    return {
        "articles": len(which),
        "quotes": _pr(tp, predicted, gold_n),
        "quotes_targeted_recall": {
            "tp": targeted_tp,
            "gold": targeted_gold,
            "recall": round(targeted_tp / targeted_gold, 3) if targeted_gold else None,
        },
        "speaker_links": _pr(links_right, links_predicted, gold_links),
        "speaker_right_on_matched": {
            "right": matched_speaker_right,
            "of": matched_with_gold_speaker,
            "accuracy": round(matched_speaker_right / matched_with_gold_speaker, 3)
            if matched_with_gold_speaker
            else None,
        },
        "type_right_on_matched": {"right": type_right, "of": tp},
        "precision_by_method": {k: f"{v['right']}/{v['right'] + v['wrong']}" for k, v in sorted(by_method.items())},
    }


def _errors(per_article: dict[str, Any]) -> list[dict[str, Any]]:
    """Offsets only (no article text): false positives, misses and wrong speakers, for the docs."""
    out = []
    for article_id, (text, suggested, gold) in per_article.items():
        pairs = _match(suggested, gold)
        matched_s = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, s in enumerate(suggested):
            if i not in matched_s:
                out.append({"article": article_id, "kind": "false positive", "span": [s["start"], s["end"]]})
        for j, g in enumerate(gold):
            if j not in matched_g:
                out.append({"article": article_id, "kind": f"missed ({g['form']})", "span": [g["start"], g["end"]]})
        for i, j in pairs:
            s, g = suggested[i], gold[j]
            if g["speaker"] and not _same_speaker(text, s["speaker_span"], g["speaker"]):
                kind = "speaker missing" if s["speaker_span"] is None else "speaker wrong"
                out.append({"article": article_id, "kind": kind, "span": [s["start"], s["end"]]})
            elif not g["speaker"] and s["speaker_span"] is not None:
                out.append(
                    {"article": article_id, "kind": "speaker for unnamed source", "span": [s["start"], s["end"]]}
                )
    return out


def measure_spot_check(articles: dict[str, dict[str, Any]], gold_path: Path) -> dict[str, Any]:
    """The spot check of 50 random suggestions (verdicts in the gold file): the verdicts, and how
    many of those suggestions the finder still makes (it may have changed since)."""
    from annotator.assist.quotes import find_quotes

    rows = json.loads(gold_path.read_text(encoding="utf-8")).get("spot_check", [])
    verdicts: Counter[str] = Counter()
    still = 0
    for article_id, start, end, _type, _how, digest, verdict in rows:
        text = articles[article_id]["content"]
        if sha(text[start:end]) != digest:
            raise SystemExit(f"{article_id}: spot-check span {start}..{end} does not match its hash")
        verdicts[verdict] += 1
        still += any((q.start, q.end) == (start, end) for q in find_quotes(text))
    return {"checked": len(rows), "verdicts": dict(verdicts), "still_suggested": still}


# -- main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="folder of SaudiNewsNet day files (YYYY-MM-DD.json)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="hand annotation (default: docs/suggestions_gold.json)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--errors", action="store_true", help="print the error list (article ids and offsets)")
    args = parser.parse_args(argv)
    articles = load_articles(args.data)
    if not articles:
        parser.error(f"{args.data}: no SaudiNewsNet JSON files there")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        figures = {
            "seed": measure_seed(folder),
            "all_articles": measure_all(folder, articles),
            "hand_annotated": measure_hand(folder, articles, args.gold),
            "spot_check": measure_spot_check(articles, args.gold),
        }
    _print(figures, errors=args.errors)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def _fmt(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def _print(figures: dict[str, Any], *, errors: bool) -> None:
    seed = figures["seed"]
    print("Seed article")
    for setting, data in seed.items():
        demo = ", ".join(
            f"{'found' if q['suggested'] else 'MISSED'} (speaker {'right' if q['speaker_right'] else 'WRONG'})"
            for q in data["demo_quotes"]
        )
        print(
            f"  {setting}: {data['quoted_passages']} quoted passages, {data['quotes']} quotes suggested "
            f"{data['by_type']}, {data['said_by']} speaker links; demo quotes: {demo}"
        )
    allf = figures["all_articles"]
    print(
        f"\nAll articles: {allf['articles']} articles ({allf['characters']:,} characters): "
        f"{allf['quoted_passages']} quoted passages, {allf['quotes']} quotes suggested {allf['quotes_by_type']} "
        f"in {allf['articles_with_a_quote']} articles; {allf['seconds']} s"
    )
    print(f"  by method: {allf['quotes_by_method']}")
    hand = figures["hand_annotated"]
    print(
        f"\nHand-annotated: {hand['articles']} articles, {hand['gold_quotes']} quotes {hand['gold_forms']}, "
        f"{hand['gold_with_named_speaker']} with a named speaker"
    )
    for setting in ("cold", "entities tagged"):
        for part in ("all", "dev", "test"):
            r = hand[setting][part]
            q, s = r["quotes"], r["speaker_links"]
            print(
                f"  {setting:16} {part:4} ({r['articles']:2} art.): quotes P {_fmt(q['precision'])} R {_fmt(q['recall'])} "
                f"F1 {_fmt(q['f1'])} ({q['tp']}/{q['predicted']} sugg., {q['tp']}/{q['gold']} gold; targeted forms R "
                f"{_fmt(r['quotes_targeted_recall']['recall'])}) | speaker links P {_fmt(s['precision'])} "
                f"R {_fmt(s['recall'])} ({s['tp']}/{s['predicted']}, {s['tp']}/{s['gold']}); "
                f"right on matched {r['speaker_right_on_matched']['right']}/{r['speaker_right_on_matched']['of']}"
            )
    print(f"  precision by method (all, entities tagged): {hand['entities tagged']['all']['precision_by_method']}")
    spot = figures["spot_check"]
    print(
        f"\nSpot check of random suggestions: {spot['checked']} judged {spot['verdicts']}; "
        f"{spot['still_suggested']} still suggested as they were"
    )
    if errors:
        print("\nErrors (entities tagged):")
        for error in hand["errors"]:
            print(f"  {error['article']}: {error['kind']} {error['span']}")


if __name__ == "__main__":
    raise SystemExit(main())
