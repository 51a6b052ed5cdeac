"""Finding agreements by the words people use for them.

An agreement is found by any name, alias (an acronym such as "GSOMIA", a short
name such as "the phase-two deal") or label that any article gave it, and by its
IRI (``https://w3id.org/diplograph/id/agreement/<hash>`` or, as tables print it,
``agreement/<hash>``). Names compare *folded*: in lower case, without
punctuation or spaces and without a leading "the" (:data:`FOLDING`, applied by
the store to both sides), so "G.S.O.M.I.A." finds "GSOMIA" and "Phase-Two deal"
finds "the phase-two deal"; "Phase 2" finds it only if an article said so.

A reference that names several agreements is an error listing them (label,
kind, parties, IRI), never a guess; one that names none suggests close names.
:func:`resolve_agreement` is the one place that turns a reference into an IRI:
query parameters, ``split`` and ``show`` all go through it.
:func:`search` looks through names, parties and the sentences facts were read
from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import get_close_matches

from rdflib import RDF, RDFS, Literal, URIRef

from diplograph import sparql
from diplograph.errors import QueryError, StoreError
from diplograph.gazetteer import load_gazetteer
from diplograph.iri import party_iri
from diplograph.namespaces import DATA_BASE, DG, ID
from diplograph.sparql import FOLDING
from diplograph.store import Store, Term
from diplograph.terms import sparql_iri
from diplograph.vocabulary import vocabulary

_FOLDING = re.compile(r"^the\s+|[\W_]")  # sparql.FOLDING in Python's dialect
AGREEMENT_BASE = str(ID["agreement/"])
# the IRIs tables print without DATA_BASE ("agreement/<hash>", "country/KOR")
_SHORT_IRI = re.compile(r"(?:agreement|article|country|org)/[^\s/]+")
# what an agreement's summary reads (sparql/resolve-details.rq)
_DESCRIBING = (
    RDFS.label, DG.name, DG.alias, RDF.type, DG.party, DG.concerns, DG.topic,
    DG.signingDate,
)  # fmt: skip
SUGGESTIONS = 3
MAX_TEXT_LENGTH = 500


def folded(text: str) -> str:
    """``text`` as names compare: :data:`FOLDING` in Python, for names already
    read from the store.

    Example:
        >>> folded("The G.S.O.M.I.A."), folded("the Phase-Two deal")
        ('gsomia', 'phasetwodeal')
    """
    return _FOLDING.sub("", text.lower())


def full_iri(ref: str) -> str:
    """``ref`` with the data namespace put back when it is a short IRI as tables
    print them.

    Example:
        >>> full_iri("country/KOR")
        'https://w3id.org/diplograph/id/country/KOR'
        >>> full_iri("GSOMIA")
        'GSOMIA'
    """
    return DATA_BASE + ref if _SHORT_IRI.fullmatch(ref) else ref


@dataclass(frozen=True)
class AgreementSummary:
    """What identifies one stored agreement to a reader: its names, kinds
    (codes), parties and concerned states (codes), topics and signing dates, as
    all articles together give them."""

    iri: str
    labels: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    signed: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Its proper name if it has one, else its label."""
        return (self.names or self.labels or (self.iri,))[0]

    def describe(self) -> str:
        """One line: the label, then kind, parties and signing in brackets.

        Example:
            >>> AgreementSummary("x", names=("GSOMIA",), kinds=("agreement",),
            ...                  parties=("JPN", "KOR"), signed=("2016",)).describe()
            'GSOMIA (agreement; JPN, KOR; signed 2016)'
        """
        words = vocabulary()
        details = [
            ", ".join(words.kind_word(k) for k in self.kinds) or "no kind",
            ", ".join(self.parties) or "no party",
        ]
        if self.signed:
            details.append("signed " + ", ".join(self.signed))
        return f"{self.label} ({'; '.join(details)})"


def summaries(store: Store, iris: Iterable[str]) -> dict[str, AgreementSummary]:
    """The stored agreements among ``iris``, in their order; an IRI that is no
    stored agreement is left out."""
    wanted = list(dict.fromkeys(iris))
    if not wanted:
        return {}
    _, rows = store.select(
        sparql.query(
            "resolve-details",
            agreements=[URIRef(i) for i in wanted],
            describing=list(_DESCRIBING),
        )
    )
    words = vocabulary()
    found: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        values = found.setdefault(row["a"].value, {})
        predicate, value = row["p"].value, row["o"].value
        if predicate == str(RDF.type):
            kind = words.kind_of(value)
            if kind is not None:
                values.setdefault("kinds", set()).add(kind)
            continue
        if predicate == str(DG.topic):
            value = words.topic_of(value) or value.rsplit("#topic_", 1)[-1]
        elif "code" in row:  # a party or concerned state, by its code
            value = row["code"].value
        field = _FIELDS[predicate]
        values.setdefault(field, set()).add(value)
    return {
        iri: AgreementSummary(
            iri, **{field: tuple(sorted(v)) for field, v in found[iri].items()}
        )
        for iri in wanted
        if iri in found
    }


_FIELDS = {
    str(RDFS.label): "labels", str(DG.name): "names", str(DG.alias): "aliases",
    str(DG.party): "parties", str(DG.concerns): "concerns", str(DG.topic): "topics",
    str(DG.signingDate): "signed",
}  # fmt: skip


def agreements_named(store: Store, ref: str) -> list[str]:
    """The agreements one of whose names, aliases or labels is ``ref``, folded."""
    _, rows = store.select(
        sparql.query("agreement-by-name"),
        {"_wanted": Term("literal", ref)},
    )
    return sorted({row["a"].value for row in rows})


def close_names(store: Store, ref: str, *, n: int = SUGGESTIONS) -> list[str]:
    """Up to ``n`` stored names, aliases or labels close to ``ref`` or holding
    it, closest first, one per agreement: what "did you mean" offers."""
    _, rows = store.select(sparql.query("agreement-names"))
    names: dict[str, tuple[str, str]] = {}  # folded -> (as written, agreement)
    for row in sorted(rows, key=lambda r: (r["n"].value, r["a"].value)):
        names.setdefault(folded(row["n"].value), (row["n"].value, row["a"].value))
    key = folded(ref)
    close = get_close_matches(key, list(names), n=n, cutoff=0.6)
    holding = sorted((k for k in names if len(key) >= 3 and key in k), key=len)
    chosen: dict[str, str] = {}  # agreement -> its closest name
    for k in dict.fromkeys([*close, *holding]):
        name, agreement = names[k]
        chosen.setdefault(agreement, name)
    return list(chosen.values())[:n]


def ambiguous(ref: str, found: Sequence[AgreementSummary]) -> QueryError:
    """The error for a reference that names several agreements: each listed
    with its IRI, the way to name one of them."""
    lines = [f"{ref!r} names {len(found)} agreements; give the IRI of one:"]
    lines += [f"  {s.iri}  {s.describe()}" for s in found]
    return QueryError("\n".join(lines))


def resolve_agreement(raw: str, store: Store) -> str:
    """An agreement by IRI, or by a name, alias or label (folded) -> its IRI.

    Raises :class:`QueryError` listing the candidates when ``raw`` names several
    agreements, and suggesting close names when it names none.

    Example:
        >>> from diplograph.store import open_store
        >>> resolve_agreement("GSOMIA", open_store(":memory:"))
        Traceback (most recent call last):
        ...
        diplograph.errors.QueryError: no agreement named 'GSOMIA' in the store. ...
    """
    ref = full_iri(raw.strip())
    if ref.startswith(AGREEMENT_BASE):
        try:
            sparql_iri(ref)
        except StoreError as error:
            raise QueryError(f"'agreement': {error}") from None
        if not summaries(store, [ref]):
            raise QueryError(
                f"no agreement <{ref}> in the store (removed, or split off?); "
                "`diplograph search WORDS` finds agreements by name, party or "
                "sentence."
            )
        return ref
    found = agreements_named(store, ref)
    if len(found) == 1:
        return found[0]
    if found:
        raise ambiguous(raw, list(summaries(store, found).values()))
    hint = agreement_hint(store, ref)
    raise QueryError(f"no agreement named {raw!r} in the store. {hint}")


def agreement_hint(store: Store, ref: str) -> str:
    """What to say when ``ref`` names no agreement: close names, and how
    agreements may be named."""
    close = close_names(store, ref)
    names = " or ".join(repr(name) for name in close)
    suggestion = f"Did you mean {names}? " if close else ""
    return (
        f"{suggestion}An agreement is named by its IRI, or by a name, alias or "
        "label an article gave it (case and punctuation do not matter); "
        "`diplograph search WORDS` looks through names, parties and sentences."
    )


@dataclass(frozen=True)
class Hit:
    """One agreement :func:`search` found, by its best match: ``field`` (name,
    alias, label, party, concerns or sentence) and the ``value`` that matched."""

    agreement: AgreementSummary
    field: str
    value: str
    rank: int


def search(
    store: Store, text: str, *, limit: int | None = None
) -> tuple[int, list[Hit]]:
    """The agreements ``text`` matches, best first, and how many there are.

    A name, alias or label matches when ``text`` is the whole of it or a part
    (folded, as :func:`resolve_agreement` compares), a party or concerned state
    by code, name or any name the gazetteer knows, a sentence when it holds
    ``text`` (case ignored). The whole of a name ranks first, then a part of
    one, then parties, then sentences; agreements of one rank by label.
    """
    text = " ".join(text.split())
    if not folded(text):
        raise QueryError(
            f"{text!r} has no letter or digit to search for; give a word, e.g. "
            "diplograph search GSOMIA"
        )
    if len(text) > MAX_TEXT_LENGTH:
        raise QueryError(
            f"the search text is {len(text)} characters long; at most "
            f"{MAX_TEXT_LENGTH}."
        )
    gazetteer = load_gazetteer()
    entity = gazetteer.entities.get(text.upper()) or gazetteer.lookup(text)
    parties = [party_iri(entity.code)] if entity else []  # a code, or a name
    _, rows = store.select(sparql.query("search", text=Literal(text), parties=parties))
    ranked = sorted(
        (
            (*row["best"].value.split("\t", 2), row["sortLabel"].value, row["a"].value)
            for row in rows
        ),
        key=lambda r: (int(r[0]), r[3].lower(), r[4]),
    )
    shown = ranked if limit is None else ranked[:limit]
    found = summaries(store, (r[4] for r in shown))
    hits = [
        Hit(found[iri], field, value, int(rank))
        for rank, field, value, _, iri in shown
        if iri in found
    ]
    return len(ranked), hits


__all__ = [
    "FOLDING",
    "AgreementSummary",
    "Hit",
    "agreement_hint",
    "agreements_named",
    "ambiguous",
    "close_names",
    "folded",
    "full_iri",
    "resolve_agreement",
    "search",
    "summaries",
]
