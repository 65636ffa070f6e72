"""The label scheme: the shipped default, validation, and which relations a scheme allows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.labels import LabelScheme, RelationLabel, SpanLabel, load_scheme
from annotator.resources import default_scheme


def test_default_scheme_has_the_news_span_labels_in_order() -> None:
    scheme = default_scheme()
    assert scheme.span_label_names == ["PER", "ORG", "GPE", "LOC", "EVENT", "DATE", "QUOTE", "CLAIM", "CUE"]


def test_default_scheme_kinds() -> None:
    scheme = default_scheme()
    kinds = {label.name: label.kind for label in scheme.span_labels}
    assert kinds == {
        "PER": "entity", "ORG": "entity", "GPE": "entity", "LOC": "entity", "EVENT": "entity", "DATE": "entity",
        "QUOTE": "quote", "CLAIM": "claim", "CUE": "cue",
    }


def test_default_scheme_relations_link_the_labels_of_the_design() -> None:
    scheme = default_scheme()
    assert scheme.relation_label_names == ["SAID_BY", "CLAIMED_BY", "CUE_OF"]
    said_by = scheme.relation_label("SAID_BY")
    claimed_by = scheme.relation_label("CLAIMED_BY")
    cue_of = scheme.relation_label("CUE_OF")
    assert said_by is not None and claimed_by is not None and cue_of is not None
    assert (said_by.heads, sorted(said_by.children)) == (["QUOTE"], ["ORG", "PER"])
    assert (claimed_by.heads, sorted(claimed_by.children)) == (["CLAIM"], ["ORG", "PER"])
    assert (cue_of.heads, sorted(cue_of.children)) == (["CUE"], ["CLAIM", "QUOTE"])
    # Every label a relation names exists in the scheme.
    names = set(scheme.span_label_names)
    for rel in scheme.relation_labels:
        assert set(rel.heads) <= names and set(rel.children) <= names


def test_default_scheme_keys_are_unique_and_attributes_are_typed() -> None:
    scheme = default_scheme()
    keys = [label.key for label in scheme.span_labels if label.key]
    assert len(keys) == len(set(keys)) == len(scheme.span_labels)
    quote = scheme.span_label("QUOTE")
    assert quote is not None
    assert [(a.name, a.type, a.values) for a in quote.attributes] == [("type", "choice", ["direct", "indirect"])]
    claim = scheme.span_label("CLAIM")
    assert claim is not None
    assert {a.name: a.type for a in claim.attributes} == {"check_worthy": "bool", "claim_type": "choice"}


def test_span_label_lookup_returns_none_for_unknown_names() -> None:
    scheme = default_scheme()
    assert scheme.span_label("NOPE") is None
    assert scheme.relation_label("NOPE") is None


def test_scheme_round_trips_through_its_dict_form() -> None:
    scheme = default_scheme()
    again = LabelScheme.from_dict(json.loads(json.dumps(scheme.to_dict())))
    assert again == scheme


def _scheme(span_labels: list[dict], relation_labels: list[dict] | None = None) -> dict:
    return {"name": "t", "span_labels": span_labels, "relation_labels": relation_labels or []}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (_scheme([{"name": "PER"}, {"name": "PER"}]), "name"),
        (_scheme([{"name": ""}]), "name"),
        (_scheme([{"name": "PER", "key": "1"}, {"name": "ORG", "key": "1"}]), "key"),
        (_scheme([{"name": "PER", "kind": "person"}]), "kind"),
        (_scheme([{"name": "PER", "attributes": [{"name": "x", "type": "number"}]}]), "attributes"),
        (_scheme([{"name": "PER"}], [{"name": "R"}, {"name": "R"}]), "name"),
    ],
)
def test_invalid_schemes_are_rejected_with_the_field_named(data: dict, field: str) -> None:
    with pytest.raises(InputError) as info:
        LabelScheme.from_dict(data, path="scheme.json")
    assert info.value.field == field
    assert "scheme.json" in str(info.value)


@pytest.mark.parametrize(
    "data",
    [
        _scheme([{"kind": "entity"}]),  # no name
        _scheme([{"name": "PER", "attributes": [{"name": "x", "colour": "red"}]}]),  # unknown attribute field
        _scheme([{"name": "PER"}], [{"heads": ["PER"]}]),  # relation without a name
    ],
)
def test_malformed_schemes_raise_input_error_not_key_or_type_error(data: dict) -> None:
    with pytest.raises(InputError):
        LabelScheme.from_dict(data)


def test_labels_without_keys_may_coexist() -> None:
    scheme = LabelScheme.from_dict(_scheme([{"name": "A"}, {"name": "B"}]))
    assert scheme.span_label_names == ["A", "B"]


def test_load_scheme_names_the_file_when_it_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_scheme(path)
    assert str(path) in str(info.value)


def test_load_scheme_names_the_file_when_it_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "missing.json"
    with pytest.raises(InputError) as info:
        load_scheme(path)
    assert str(path) in str(info.value)


def test_validate_catches_a_scheme_edited_in_memory() -> None:
    scheme = LabelScheme(span_labels=[SpanLabel("PER", key="p"), SpanLabel("ORG", key="p")])
    with pytest.raises(InputError):
        scheme.validate()


def test_relation_label_allows_only_listed_heads_and_children() -> None:
    said_by = RelationLabel("SAID_BY", heads=["QUOTE"], children=["PER", "ORG"])
    assert said_by.allows("QUOTE", "PER")
    assert said_by.allows("QUOTE", "ORG")
    assert not said_by.allows("PER", "QUOTE")  # direction matters
    assert not said_by.allows("QUOTE", "GPE")
    assert not said_by.allows("CLAIM", "PER")


def test_relation_label_with_empty_lists_allows_any_pair() -> None:
    anything = RelationLabel("LINK")
    assert anything.allows("PER", "ORG")
    heads_only = RelationLabel("R", heads=["CUE"])
    assert heads_only.allows("CUE", "ANY")
    assert not heads_only.allows("PER", "ANY")
    children_only = RelationLabel("R", children=["PER"])
    assert children_only.allows("ANY", "PER")
    assert not children_only.allows("ANY", "ORG")
