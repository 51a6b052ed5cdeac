"""The one place that finds ontology/, shapes/ and queries/.

In a checkout (or an editable install) they sit at the top of the repository;
in a wheel they are packed under ``diplograph/_resources``.
"""

from __future__ import annotations

from pathlib import Path

from diplograph.errors import ResourceError

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder ``ontology``, ``shapes``, ``queries`` or ``examples``."""
    for candidate in (_PACKAGE / "_resources" / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise ResourceError(
        f"diplograph resource folder {name!r} is missing (looked in "
        f"{_PACKAGE / '_resources'} and {_PACKAGE.parents[1]}). Reinstall diplograph "
        "(pip install --force-reinstall diplograph) or run it from a checkout."
    )


def ontology_file() -> Path:
    return resource_dir("ontology") / "diplograph.ttl"


def shape_files() -> list[Path]:
    return sorted(resource_dir("shapes").glob("*.ttl"))


def query_dir() -> Path:
    return resource_dir("queries")


def data_dir() -> Path:
    """Package data: the gazetteer and the extractor's lexicons."""
    return _PACKAGE / "data"
