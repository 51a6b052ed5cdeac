"""The scores of an :class:`~diplograph.evaluate.Evaluation` in words or as
JSON, as the corpus's reference scorer (``eval/score.py``) prints them."""

from __future__ import annotations

from typing import Any

from diplograph.evaluate import Agreement, ArticleScore, Evaluation, Fact


def _table(evaluation: Evaluation) -> list[str]:
    counts = evaluation.counts()
    lines = [
        f"articles: {len(evaluation.articles)}",
        f"{'fact':<10} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn",
    ]
    for kind, c in counts.items():
        lines.append(f"{kind:<10} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}   "
                     f"{c.tp}/{c.fp}/{c.fn}")  # fmt: skip
    return lines


def _mistakes(article: ArticleScore) -> list[str]:
    lines = [
        f"{article.article}: {article.gold} gold, {article.predicted} predicted, "
        f"{len(article.pairs)} matched"
    ]
    for pair in article.pairs:
        if not (pair.missed or pair.spurious):
            continue
        shown = pair.gold.label
        if pair.predicted.label != shown:
            shown += f" (predicted as {pair.predicted.label})"
        lines.append(f"  {shown}")
        lines += [f"    missed    {fact}" for fact in pair.missed]
        lines += [f"    spurious  {fact}" for fact in pair.spurious]
    for verdict, agreements in (("missed", article.missed),
                                ("spurious", article.spurious)):  # fmt: skip
        for agreement in agreements:
            facts = agreement.facts()
            lines.append(f"  {verdict} agreement {agreement.label}: {len(facts)} "
                         f"{verdict} facts")  # fmt: skip
            lines.append(f"    {', '.join(map(str, facts))}")
    return lines


def report_text(evaluation: Evaluation, *, verbose: bool = False) -> str:
    """The scores as the reference scorer prints them: the article count, then
    precision, recall, F1 and tp/fp/fn per kind of fact. ``verbose`` puts
    before them, for each article with mistakes, the facts missed and the
    facts predicted wrongly, grouped by agreement."""
    lines = []
    if verbose:
        for article in evaluation.articles:
            if not article.perfect:
                lines += [*_mistakes(article), ""]
    lines += _table(evaluation)
    return "\n".join(lines) + "\n"


def report_json(evaluation: Evaluation, *, verbose: bool = False) -> dict[str, Any]:
    """The reference scorer's ``--json`` output (``articles``, then ``p``, ``r``,
    ``f`` per kind of fact), with the counts ``tp``, ``fp``, ``fn`` added;
    ``verbose`` adds ``mistakes``: per article, every fact missed or spurious
    with the label of its agreement."""
    out: dict[str, Any] = {"articles": len(evaluation.articles)}
    for kind, c in evaluation.counts().items():
        out[kind] = {"p": c.precision, "r": c.recall, "f": c.f1,
                     "tp": c.tp, "fp": c.fp, "fn": c.fn}  # fmt: skip
    if verbose:
        out["mistakes"] = {
            article.article: _mistake_records(article)
            for article in evaluation.articles
            if not article.perfect
        }
    return out


def _mistake_records(article: ArticleScore) -> list[dict[str, str]]:
    def record(verdict: str, fact: Fact, agreement: Agreement) -> dict[str, str]:
        return {"verdict": verdict, "kind": fact.kind, "value": fact.value,
                "agreement": agreement.label}  # fmt: skip

    records = []
    for pair in article.pairs:
        records += [record("missed", f, pair.gold) for f in pair.missed]
        records += [record("spurious", f, pair.gold) for f in pair.spurious]
    for agreement in article.missed:
        records += [record("missed", f, agreement) for f in agreement.facts()]
    for agreement in article.spurious:
        records += [record("spurious", f, agreement) for f in agreement.facts()]
    return records
