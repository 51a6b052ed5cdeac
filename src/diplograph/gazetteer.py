"""Countries and international organizations, and the words news uses for them.

The data are CSV files in ``data/gazetteer`` (see its ``SOURCES.md``):
``countries.csv`` and ``organizations.csv`` (derived from the shared data by
``derive.py``), ``aliases_extra.csv`` (hand-written news forms) and
``seats.csv`` (hand-written seats of government and institutions, "the
Kremlin", "Downing Street", used for the state or organization they serve).

Matching rules, the same in :meth:`Gazetteer.lookup` and
:meth:`Gazetteer.surface_forms`:

- an all-capital form ("US", "U.S.", "NATO") matches only as written, so "us"
  is not the United States; every other form matches regardless of case, with
  curly apostrophes read as straight ones and runs of spaces as one;
- a leading "the" is optional: "the Kremlin" finds "Kremlin" (but "The Hague"
  is tried whole first);
- demonyms ending in "-an" or "-i" also get their plural ("Americans",
  "Israelis"); "-ese", "-ch" and "-sh" forms are their own plural;
- a form that belongs to two entities is left out, so it finds nothing,
  except that a seat outranks a capital: "Brussels" is the EU, not Belgium.

Example:
    >>> gaz = load_gazetteer()
    >>> gaz.lookup("the Kremlin").code
    'RUS'
    >>> gaz.surface_forms()["South Koreans"]
    ('KOR', 'demonym')
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplograph.errors import DiplographError
from diplograph.resources import data_dir

ROLES = ("name", "alias", "demonym", "capital", "seat")
"""Roles of a surface form, in the order that decides within one entity."""

_THE = re.compile(r"the\s+", re.IGNORECASE)
_PLURAL_ENDINGS = ("an", "i")


@dataclass(frozen=True)
class Entity:
    """A country (ISO 3166-1 alpha-3 code) or an international organization.

    ``aliases``, ``demonyms`` (plurals included), ``capitals`` (the main one
    first) and ``seats`` are the forms the files give; which of them are safe to
    match is decided by :class:`Gazetteer`.
    """

    code: str
    name: str
    is_country: bool
    wikidata: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()

    def forms(self) -> Iterable[tuple[str, str]]:
        """Every ``(surface form, role)`` of this entity, best role first."""
        yield self.name, "name"
        for role, values in (
            ("alias", self.aliases),
            ("demonym", self.demonyms),
            ("capital", self.capitals),
            ("seat", self.seats),
        ):
            for value in values:
                yield value, role


def is_acronym(form: str) -> bool:
    """True for all-capital forms, which match case-sensitively.

    Example:
        >>> is_acronym("U.S."), is_acronym("G7"), is_acronym("Nato")
        (True, True, False)
    """
    return any(c.isalpha() for c in form) and form == form.upper()


def fold(form: str) -> str:
    """The case-free key of a form: casefolded, straight apostrophes, single spaces.

    Example:
        >>> fold("Quai  d\u2019Orsay")
        "quai d'orsay"
    """
    straight = form.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(straight.casefold().split())


def _key(form: str) -> str:
    return " ".join(form.split()) if is_acronym(form) else fold(form)


def plurals(demonyms: Iterable[str]) -> tuple[str, ...]:
    """The demonyms followed by the plurals the cheap rule gives.

    Example:
        >>> plurals(["South Korean", "Emirati", "Japanese", "Dutch"])
        ('South Korean', 'Emirati', 'Japanese', 'Dutch', 'South Koreans', 'Emiratis')
    """
    given = list(dict.fromkeys(demonyms))
    known = {fold(d) for d in given}
    extra = [
        f"{d}s"
        for d in given
        if d.lower().endswith(_PLURAL_ENDINGS) and fold(f"{d}s") not in known
    ]
    return tuple(given + list(dict.fromkeys(extra)))


class Gazetteer:
    """Entities by code, and the index from surface forms to them.

    Example:
        >>> gaz = load_gazetteer()
        >>> [gaz.lookup(s).code for s in ("S. Korea", "DPRK", "U.S.", "Arab League")]
        ['KOR', 'PRK', 'USA', 'LAS']
        >>> gaz.lookup("us") is None
        True
    """

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self.entities: dict[str, Entity] = dict(entities)
        self._forms: dict[str, tuple[str, str]] = {}
        self._index: dict[str, str] = {}
        ambiguous: set[str] = set()
        claims: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
        spellings: dict[str, list[str]] = defaultdict(list)
        for entity in self.entities.values():
            for form, role in entity.forms():
                key = _key(form)
                claims[key].setdefault(entity.code, (role, form))
                if form not in spellings[key]:
                    spellings[key].append(form)
        for key, by_code in claims.items():
            code = _winner(by_code)
            if code is None:
                ambiguous.update(spellings[key])
                continue
            self._index[key] = code
            role = by_code[code][0]
            for form in spellings[key]:
                self._forms[form] = (code, role)
        self.ambiguous: frozenset[str] = frozenset(ambiguous)
        """Forms that more than one entity claims; they are not matched."""

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self.entities)} entities, {len(self._forms)} forms>"

    def is_organization(self, code: str) -> bool:
        """Whether ``code`` is an international organization's ("NATO", "EU")."""
        entity = self.entities.get(code)
        return entity is not None and not entity.is_country

    def lookup(self, surface: str) -> Entity | None:
        """The entity that ``surface`` names exactly, else None.

        All-capital forms match as written, others regardless of case; a
        leading "the" may be present or not.

        Example:
            >>> gaz = load_gazetteer()
            >>> gaz.lookup("the United States").code, gaz.lookup("WHITE HOUSE").code
            ('USA', 'USA')
            >>> gaz.lookup("Korea") is None
            True
        """
        text = " ".join(surface.split())
        candidates = [text]
        article = _THE.match(text)
        if article and article.end() < len(text):
            candidates.append(text[article.end() :])
        for candidate in candidates:
            code = self._index.get(candidate) if is_acronym(candidate) else None
            code = code or self._index.get(fold(candidate))
            if code is not None:
                return self.entities[code]
        return None

    def surface_forms(self) -> dict[str, tuple[str, str]]:
        """Every matchable form, as written in the data, -> ``(code, role)``.

        Roles are ``name``, ``alias``, ``demonym``, ``capital`` and ``seat``.
        Spellings that differ only by case or apostrophe each have an entry
        with the same value; forms in :attr:`ambiguous` have none. Match
        all-capital forms case-sensitively, as :meth:`lookup` does.
        """
        return dict(self._forms)


def _winner(by_code: Mapping[str, tuple[str, str]]) -> str | None:
    """The one code a form belongs to; a seat beats capitals of other entities."""
    if len(by_code) == 1:
        return next(iter(by_code))
    seats = [code for code, (role, _) in by_code.items() if role == "seat"]
    others = {role for code, (role, _) in by_code.items() if code not in seats}
    if len(seats) == 1 and others == {"capital"}:
        return seats[0]
    return None


def _read(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise DiplographError(
                    f"{path}: missing column(s) {', '.join(missing)}. "
                    f"The header must name {', '.join(columns)}."
                )
            return [
                {k: (v or "").strip() for k, v in row.items() if k} for row in reader
            ]
    except OSError as error:
        raise DiplographError(
            f"{path}: cannot be read ({error.strerror}). "
            "Point load_gazetteer() at a folder with the gazetteer CSV files."
        ) from None


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _load(directory: Path) -> Gazetteer:
    countries = _read(
        directory / "countries.csv",
        ("iso3", "name", "aliases", "demonyms", "capital", "wikidata"),
    )
    orgs = _read(
        directory / "organizations.csv", ("code", "name", "aliases", "wikidata")
    )
    extra_path, seats_path = directory / "aliases_extra.csv", directory / "seats.csv"
    extras = _read(extra_path, ("code", "value", "kind"))
    seats = _read(seats_path, ("value", "code", "kind"))

    rows = {r["iso3"]: r for r in countries} | {r["code"]: r for r in orgs}
    more: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path, records, kinds, role_of in (
        (extra_path, extras, ("alias", "demonym"), lambda kind: kind),
        (seats_path, seats, ("seat", "institution"), lambda kind: "seat"),
    ):
        for number, record in enumerate(records, 2):
            if record["code"] not in rows:
                raise DiplographError(
                    f"{path}:{number}: unknown code {record['code']!r}. Use an ISO "
                    "3166-1 alpha-3 code from countries.csv or a code from "
                    "organizations.csv."
                )
            if record["kind"] not in kinds:
                raise DiplographError(
                    f"{path}:{number}: kind {record['kind']!r} is not one of "
                    f"{', '.join(kinds)}."
                )
            more[record["code"], role_of(record["kind"])].append(record["value"])

    entities: dict[str, Entity] = {}
    for code, row in rows.items():
        is_country = code in {r["iso3"] for r in countries}
        entities[code] = Entity(
            code=code,
            name=row["name"],
            is_country=is_country,
            wikidata=row["wikidata"],
            aliases=_split(row["aliases"]) + tuple(more[code, "alias"]),
            demonyms=plurals(
                _split(row.get("demonyms", "")) + tuple(more[code, "demonym"])
            ),
            capitals=_split(row.get("capital", "")),
            seats=tuple(more[code, "seat"]),
        )
    return Gazetteer(entities)


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return _load(data_dir() / "gazetteer")


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Load the gazetteer from ``directory``, by default the package's own (cached).

    Raises :class:`~diplograph.errors.DiplographError` naming the file when a
    CSV file is missing or malformed.

    Example:
        >>> load_gazetteer().entities["PRK"].wikidata
        'Q423'
    """
    if directory is None:
        return _default()
    return _load(Path(directory))
