"""``diplograph extract --explain``: every fact with the stage and rule behind it.

A user can trust or dispute a fact by reading the words it rests on, and a
developer can see which rule made a wrong one.
"""

from __future__ import annotations

from diplograph.model import ArticleFacts


def explain(facts: ArticleFacts, *, width: int = 100) -> str:
    """The extractor's facts for one article, one line per fact and reason.

    Example:
        >>> from datetime import date
        >>> from diplograph.extract import extract
        >>> from diplograph.model import Article
        >>> text = "Peru and Ghana signed a fisheries treaty on Monday."
        >>> facts = extract(Article(text, "T", date(2024, 3, 14), "a.txt"))
        >>> print(explain(facts, width=78))
        a.txt: 1 agreement(s)
        [1] treaty between GHA, PER, signed 2024-03-11
          agreement                coref     1 mention(s) of one instrument: 'treat...
          kind treaty              describe  the most specific word  «treaty» @34
          party PER                roles     subject of 'signed'  «Peru» @0
          party GHA                roles     subject of 'signed'  «Ghana» @9
          party PER                roles     one of the states that open the senten...
          party GHA                roles     one of the states that open the senten...
          event signed@2024-03-11  events    verb 'signed'  «signed» @15
          topic maritime_fisheries describe  keyword 'fisheries' near the instrumen...
    """
    lines = [f"{facts.article.source}: {len(facts.agreements)} agreement(s)"]
    for number, fact in enumerate(facts.agreements, 1):
        title = fact.name or fact.kind
        if fact.name:
            title += f" ({fact.kind})"
        signed = f", signed {fact.signed}" if fact.signed else ""
        lines.append(f"[{number}] {title} between {', '.join(fact.parties)}{signed}")
        for why in dict.fromkeys(fact.because):  # a rule told twice shows once
            quote = " ".join(why.evidence.quote.split())
            if len(quote) > 60:
                quote = quote[:57] + "..."
            line = (
                f"  {why.fact:<24} {why.stage:<9} {why.rule}  "
                f"«{quote}» @{why.evidence.start}"
            )
            lines.append(line if len(line) <= width else line[: width - 3] + "...")
    return "\n".join(lines)
