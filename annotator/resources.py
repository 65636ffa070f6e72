"""Where the shipped resources (label scheme, fonts...) and the demo seeds live.

In a source checkout they are the repository's ``resources/`` and ``seeds/`` folders; in an
installed wheel they are packaged as ``annotator/_resources`` and ``annotator/_seeds``.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.labels import LabelScheme, load_scheme

_PACKAGE = Path(__file__).resolve().parent


def _locate(checkout_name: str, packaged_name: str) -> Path:
    packaged = _PACKAGE / packaged_name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / checkout_name


def resources_dir() -> Path:
    return _locate("resources", "_resources")


def seeds_dir() -> Path:
    return _locate("seeds", "_seeds")


def default_scheme() -> LabelScheme:
    """The default news label scheme shipped in resources/."""
    return load_scheme(resources_dir() / "label_scheme.json")
