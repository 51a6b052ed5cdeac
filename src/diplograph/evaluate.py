"""Measure extraction against gold facts: precision, recall and F1 per kind of fact.

A gold folder holds articles (``NAME.txt``) beside their gold facts
(``NAME.json``, the format of the corpus guidelines). Every article is
extracted as ``diplograph extract --format facts`` would extract it
(:func:`diplograph.pipeline.extract_facts`: facts read back from the article's
RDF graph), then scored with the semantics of the corpus's reference scorer
(``eval/score.py``), so the numbers agree with it exactly:

1. Per article, predicted agreements are matched one-to-one to gold ones.
   A pair may match when a normalised name or alias is shared or the parties
   overlap by a Jaccard index of at least 0.5; pairs are ranked by
   ``3 name + 2 parties + kind + signing date + topics + 0.5 event types``
   (the last three Jaccard indices too) and taken greedily, best first, ties
   to the earlier gold and then the earlier prediction.
2. Each agreement is a set of atomic facts: the agreement itself, its kind
   (always, empty when unknown), each party, the signing date (when known),
   each concerned state, each topic, each event as ``type@date``.
3. In a matched pair a fact in both is a true positive, one only predicted a
   false positive, one only in gold a false negative. Every fact of an
   unmatched gold agreement is a false negative, of an unmatched prediction a
   false positive.

The scores in words or as JSON: :mod:`diplograph.evaluation_report`.

Example:
    >>> gold = parse_agreements({"agreements": [
    ...     {"name": "Reef Accord", "kind": "accord", "parties": ["FJI", "TON"],
    ...      "topics": ["maritime_fisheries"]}]}, source="gold.json")
    >>> predicted = parse_agreements({"agreements": [
    ...     {"name": None, "kind": "accord", "parties": ["FJI", "TON", "WSM"]}]},
    ...     source="prediction")
    >>> counts = score_article("reef", gold, predicted).counts
    >>> counts["party"], counts["topic"]
    (Counts(tp=2, fp=1, fn=0), Counts(tp=0, fp=0, fn=1))
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from diplograph.articles import SUFFIXES, iter_paths, read_articles
from diplograph.errors import ArticleError, GoldError
from diplograph.pipeline import extract_facts
from diplograph.settings import Settings

KINDS = ("agreement", "kind", "party", "signed", "concerns", "topic", "event")
"""The kinds of fact scored, in report order; "all" sums them."""
ALL = "all"
ARTICLE_SUFFIXES = tuple(s for s in SUFFIXES if s != ".jsonl")
"""An article beside its gold file is one file: a JSONL file holds many."""
_FORMAT_FIX = (
    'Write the gold facts as the corpus guidelines describe (GUIDELINES.md, "Fields")'
)


class Fact(NamedTuple):
    """One atomic fact of an agreement: ``("party", "KOR")``,
    ``("event", "signed@2016-11-23")``; the agreement itself is
    ``("agreement", "")``."""

    kind: str
    value: str

    def __str__(self) -> str:
        if self.kind == "agreement":
            return "agreement"
        if self.kind == "event" and self.value.endswith("@"):
            return f"event {self.value[:-1]} (no date)"
        return f"{self.kind} {self.value or '(none)'}"


@dataclass(frozen=True)
class Agreement:
    """One agreement of a facts file, gold or predicted, as the scorer sees it.

    Lists keep the file's order and repeats; the scorer reads them as sets.
    ``events`` are ``(type, date)`` pairs, the date ``None`` when unknown.
    """

    name: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    parties: tuple[str, ...] = ()
    signed: str | None = None
    concerns: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    events: tuple[tuple[str, str | None], ...] = ()

    @property
    def label(self) -> str:
        """Name (else kind) and parties, to tell a person which agreement."""
        return f"{self.name or self.kind or 'agreement'} [{' '.join(self.parties)}]"

    def names(self) -> frozenset[str]:
        """Name and aliases, lower case, runs of other characters as one space."""
        return frozenset(n for n in map(_normalise, (self.name, *self.aliases)) if n)

    def facts(self) -> tuple[Fact, ...]:
        """The atomic facts, each once: a repeated party or event counts once."""
        events = sorted({(kind, date or "") for kind, date in self.events})
        return (
            Fact("agreement", ""),
            Fact("kind", self.kind or ""),
            *(Fact("party", p) for p in sorted(set(self.parties))),
            *([Fact("signed", self.signed)] if self.signed else []),
            *(Fact("concerns", c) for c in sorted(set(self.concerns))),
            *(Fact("topic", t) for t in sorted(set(self.topics))),
            *(Fact("event", f"{kind}@{date}") for kind, date in events),
        )


def _normalise(name: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (name or "").lower()).strip()


def _jaccard(a: Iterable[object], b: Iterable[object]) -> float:
    left, right = set(a), set(b)
    union = left | right
    return len(left & right) / len(union) if union else 0.0


def similarity(gold: Agreement, predicted: Agreement) -> float | None:
    """How alike two agreements are, or ``None`` when they cannot be one.

    They can be one when they share a name or alias, or when their parties
    overlap by a Jaccard index of at least 0.5. The terms are added in the
    reference scorer's order, so equal floats tie as they tie there.

    Example:
        >>> similarity(Agreement(parties=("FJI",)), Agreement(parties=("TON",))) is None
        True
        >>> similarity(Agreement(name="Reef Accord"), Agreement(name="REEF accord"))
        4.0
    """
    name_hit = bool(gold.names() & predicted.names())
    party = _jaccard(gold.parties, predicted.parties)
    if not (name_hit or party >= 0.5):
        return None
    kind_hit = gold.kind == predicted.kind
    date_hit = bool(gold.signed) and gold.signed == predicted.signed
    topic = _jaccard(gold.topics, predicted.topics)
    events = _jaccard(
        (kind for kind, _ in gold.events), (kind for kind, _ in predicted.events)
    )
    return 3 * name_hit + 2 * party + kind_hit + date_hit + topic + 0.5 * events


def match(
    gold: Sequence[Agreement], predicted: Sequence[Agreement]
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, most similar pair first; ``(gold, predicted)``
    index pairs in the order they were taken.

    Example:
        >>> a, b = Agreement(parties=("FJI", "TON")), Agreement(parties=("FJI",))
        >>> match([b, a], [a])
        [(1, 0)]
    """
    ranked = sorted(
        (-score, i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(predicted)
        if (score := similarity(g, p)) is not None
    )
    taken_gold: set[int] = set()
    taken_predicted: set[int] = set()
    pairs = []
    for _, i, j in ranked:
        if i not in taken_gold and j not in taken_predicted:
            taken_gold.add(i)
            taken_predicted.add(j)
            pairs.append((i, j))
    return pairs


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one kind of fact."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Pair:
    """A gold agreement, the prediction matched to it, and the facts they
    disagree on: ``missed`` (gold only) and ``spurious`` (predicted only)."""

    gold: Agreement
    predicted: Agreement
    missed: tuple[Fact, ...]
    spurious: tuple[Fact, ...]


@dataclass(frozen=True)
class ArticleScore:
    """One article: its matched pairs, the agreements left unmatched on either
    side, and the counts per kind of fact (no ``"all"``; see
    :meth:`Evaluation.counts`)."""

    article: str
    gold: int
    predicted: int
    pairs: tuple[Pair, ...]
    missed: tuple[Agreement, ...]
    spurious: tuple[Agreement, ...]
    counts: Mapping[str, Counts]

    @property
    def perfect(self) -> bool:
        return (
            not self.missed
            and not self.spurious
            and not any(pair.missed or pair.spurious for pair in self.pairs)
        )


def score_article(
    article: str, gold: Sequence[Agreement], predicted: Sequence[Agreement]
) -> ArticleScore:
    """Match ``predicted`` to ``gold`` and count every atomic fact."""
    counts = {kind: Counts() for kind in KINDS}

    def add(fact: Fact, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        counts[fact.kind] += Counts(tp, fp, fn)

    pairs = []
    matches = match(gold, predicted)
    for i, j in matches:
        gold_facts, predicted_facts = gold[i].facts(), predicted[j].facts()
        missed = tuple(f for f in gold_facts if f not in predicted_facts)
        spurious = tuple(f for f in predicted_facts if f not in gold_facts)
        for fact in gold_facts:
            if fact in missed:
                add(fact, fn=1)
            else:
                add(fact, tp=1)
        for fact in spurious:
            add(fact, fp=1)
        pairs.append(Pair(gold[i], predicted[j], missed, spurious))
    matched_gold = {i for i, _ in matches}
    matched_predicted = {j for _, j in matches}
    missed_agreements = tuple(g for i, g in enumerate(gold) if i not in matched_gold)
    spurious_agreements = tuple(
        p for j, p in enumerate(predicted) if j not in matched_predicted
    )
    for agreement in missed_agreements:
        for fact in agreement.facts():
            add(fact, fn=1)
    for agreement in spurious_agreements:
        for fact in agreement.facts():
            add(fact, fp=1)
    return ArticleScore(
        article, len(gold), len(predicted), tuple(pairs),
        missed_agreements, spurious_agreements, counts,
    )  # fmt: skip


@dataclass(frozen=True)
class Evaluation:
    """The scores of every gold article, and notes on articles left out.

    ``unextracted`` names the gold files whose article was missing or could
    not be read: they are scored as predicting nothing, as the reference
    scorer scores a missing prediction.
    """

    articles: tuple[ArticleScore, ...]
    notes: tuple[str, ...] = ()
    unextracted: tuple[str, ...] = ()

    def counts(self) -> dict[str, Counts]:
        """Counts per kind of fact over all articles, and ``"all"`` summing them."""
        totals = {kind: Counts() for kind in KINDS}
        for article in self.articles:
            for kind in KINDS:
                totals[kind] += article.counts[kind]
        totals[ALL] = sum((totals[kind] for kind in KINDS), Counts())
        return totals


def _text(value: object, where: str, key: str, path: Path | str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise GoldError(
        path, f'{where}: "{key}" must be a string or null, not {value!r}', _FORMAT_FIX
    )


def _texts(value: object, where: str, key: str, path: Path | str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise GoldError(
        path, f'{where}: "{key}" must be a list of strings, not {value!r}',
        f'{_FORMAT_FIX}, e.g. "{key}": ["JPN", "KOR"]',
    )  # fmt: skip


def parse_agreements(data: object, *, source: Path | str) -> tuple[Agreement, ...]:
    """The agreements of a facts document (gold or predicted), checked.

    Raises :class:`GoldError` naming ``source`` and the field when the document
    is not in the guidelines' format. Missing or null fields are empty, as the
    reference scorer reads them.
    """
    if not isinstance(data, dict) or not isinstance(data.get("agreements"), list):
        raise GoldError(
            source, 'not a gold facts file: no "agreements" list at the top level',
            f'{_FORMAT_FIX}; an article without agreements has "agreements": []',
        )  # fmt: skip
    agreements = []
    for number, item in enumerate(data["agreements"], start=1):
        where = f"agreement {number}"
        if not isinstance(item, dict):
            raise GoldError(
                source, f"{where} is {item!r}, not an object", _FORMAT_FIX
            )  # fmt: skip
        events = []
        for event in item.get("events") or []:
            if not isinstance(event, dict) or not isinstance(event.get("type"), str):
                raise GoldError(
                    source, f'{where}: event {event!r} has no "type"',
                    'Write events as {"type": "signed", "date": "2016-11-23"}',
                )  # fmt: skip
            date = _text(event.get("date"), where, "date", source)
            events.append((event["type"], date))
        agreements.append(
            Agreement(
                name=_text(item.get("name"), where, "name", source),
                aliases=_texts(item.get("aliases"), where, "aliases", source),
                kind=_text(item.get("kind"), where, "kind", source),
                parties=_texts(item.get("parties"), where, "parties", source),
                signed=_text(item.get("signed"), where, "signed", source),
                concerns=_texts(item.get("concerns"), where, "concerns", source),
                topics=_texts(item.get("topics"), where, "topics", source),
                events=tuple(events),
            )
        )
    return tuple(agreements)


def read_gold(path: Path) -> tuple[Agreement, ...]:
    """One gold facts file; :class:`GoldError` names it when it cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise GoldError(
            path, f"not valid JSON ({error})",
            "Fix the JSON, or move the file out of the folder if it is no gold file",
        ) from None  # fmt: skip
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(
            path, f"cannot be read ({error})", "Check it is UTF-8 text you can read"
        ) from None
    return parse_agreements(data, source=path)


@dataclass(frozen=True)
class GoldFolder:
    """A folder's gold files by stem, the article file found for each, and notes
    on files that are not scored."""

    gold: dict[str, Path]
    articles: dict[str, Path]
    notes: tuple[str, ...] = ()


def find_gold(folder: Path) -> GoldFolder:
    """Pair each ``NAME.json`` in ``folder`` (not its subfolders, as the reference
    scorer reads it) with its article ``NAME.txt`` (or ``.html``, ``.md``)."""
    if not folder.is_dir():
        raise GoldError(
            folder, "no such folder" if not folder.exists() else "not a folder",
            "Give the folder that holds the articles (NAME.txt) and their gold "
            "facts (NAME.json)",
        )  # fmt: skip
    gold = {path.stem: path for path in sorted(folder.glob("*.json"))}
    if not gold:
        raise GoldError(
            folder, "no gold files (NAME.json) in this folder",
            "Put each article's gold facts beside it as NAME.json, in the format "
            "of the corpus guidelines",
        )  # fmt: skip
    articles: dict[str, Path] = {}
    notes = []
    rank = {suffix: n for n, suffix in enumerate(ARTICLE_SUFFIXES)}
    candidates = [p for p in iter_paths([folder]) if p.parent == folder]
    # NAME.txt before NAME.html: the first article of a stem is the one scored
    for path in sorted(candidates, key=lambda p: (rank.get(p.suffix, 99), p.name)):
        if path.suffix not in ARTICLE_SUFFIXES:
            notes.append(f"skipped {path}: one file holds many articles; "
                         "evaluate reads NAME.txt beside NAME.json")  # fmt: skip
        elif path.stem not in gold:
            notes.append(f"skipped {path}: no gold file {path.stem}.json beside it")
        elif path.stem in articles:
            notes.append(f"skipped {path}: {articles[path.stem].name} is the "
                         f"article scored against {path.stem}.json")  # fmt: skip
        else:
            articles[path.stem] = path
    return GoldFolder(gold, articles, tuple(sorted(notes)))


def evaluate(
    folder: Path, *, workers: int | None = None, settings: Settings | None = None
) -> Evaluation:
    """Extract every article of a gold folder and score it against its gold file.

    Every gold file is read (and checked) before anything is extracted, so a
    broken one stops the run at once. A gold file without a readable article
    is scored as predicting nothing and named in ``unextracted``; an article
    without a gold file is left out with a note. ``settings``: the lexicon
    extraction uses, if any.
    """
    found = find_gold(folder)
    gold = {stem: read_gold(path) for stem, path in found.gold.items()}
    predicted: dict[str, tuple[Agreement, ...]] = {}
    problems: dict[str, str] = {}
    paths = [found.articles[stem] for stem in gold if stem in found.articles]
    articles = read_articles(paths)
    for result in extract_facts(articles, workers=workers, settings=settings):
        if isinstance(result, ArticleError):
            problems[Path(result.path).stem] = str(result)
        else:
            article, facts = result
            predicted[article.stem] = parse_agreements(facts, source=article.source)
    notes = list(found.notes)
    unextracted = []
    for stem, path in found.gold.items():
        if stem not in predicted:
            reason = problems.get(stem) or (
                f"no article {stem}.txt beside it; put the article there"
            )
            notes.append(f"{path} scored as predicting nothing: {reason}")
            unextracted.append(str(path))
    scores = tuple(
        score_article(stem, agreements, predicted.get(stem, ()))
        for stem, agreements in gold.items()
    )
    return Evaluation(scores, tuple(notes), tuple(unextracted))
