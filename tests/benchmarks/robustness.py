"""Benchmark: the same news written another way gives the same facts.

Not a test: it prints figures. Rewrites every article of a gold folder (the
articles ``NAME.txt`` beside their facts ``NAME.json``, as ``diplograph
evaluate`` reads them) in ways outlets and web pages differ while the facts
stay the same, scores each rewritten folder with ``diplograph.evaluate`` and
prints fact F1 beside the folder's own. A rewrite that scores below the
original points at a rule tied to one way of writing (an en dash, a blank line
between paragraphs, a headline in capitals, British spelling...): where
extraction will fail on news nobody tuned it for.

    python tests/benchmarks/robustness.py ../shared/corpus/dev
    python tests/benchmarks/robustness.py ../shared/corpus/dev --only html,dash

The rewrites are made in a temporary folder at run time; nothing of the
articles is kept.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import random
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from diplograph.evaluate import ALL, evaluate
from diplograph.resources import data_dir

_GAZETTEER = data_dir() / "gazetteer" / "countries.csv"
_COUNTRIES = list(csv.DictReader(_GAZETTEER.open(encoding="utf-8")))
_ONE_WORD = "|".join(
    sorted(
        [re.escape(r["name"]) for r in _COUNTRIES if " " not in r["name"]]
        + ["US", r"U\.S\.", "EU", "UK", "Mercosur", "ASEAN", "NATO"],
        key=len,
        reverse=True,
    )
)
_MONTHS = {"January": "Jan.", "February": "Feb.", "August": "Aug.",
           "September": "Sept.", "October": "Oct.", "November": "Nov.",
           "December": "Dec."}  # fmt: skip
_BRITISH = [("defense", "defence"), ("normalization", "normalisation"),
            ("organization", "organisation"), ("program", "programme"),
            ("center", "centre"), ("cooperation", "co-operation"),
            ("initialed", "initialled"), ("neighbor", "neighbour")]  # fmt: skip
_PLURALS = [("the two countries", "both nations"),
            ("The two countries", "Both nations"), ("the two sides", "both sides"),
            ("the three countries", "the three nations")]  # fmt: skip

Rewrite = Callable[[str, str], tuple[str, str]]  # (title, body) -> (title, body)


def _body(change: Callable[[str], str]) -> Rewrite:
    return lambda title, body: (title, change(body))


def _british(body: str) -> str:
    for us, uk in _BRITISH:
        body = re.sub(rf"\b{us}", uk, body)
        body = re.sub(rf"\b{us.capitalize()}", uk.capitalize(), body)
    return body


def _plurals(body: str) -> str:
    for before, after in _PLURALS:
        body = body.replace(before, after)
    return body


def _headline_on_top(title: str, body: str) -> tuple[str, str]:
    first = body.split("\n\n", 1)[0].strip(" []")
    return title, body if first == title.strip(
        " []"
    ) else f"{title.strip(' []')}\n\n{body}"


REWRITES: dict[str, Rewrite] = {
    # "Peru–Chile Treaty", "EU–Mercosur": an en dash between two names
    "dash": _body(lambda b: re.sub(rf"({_ONE_WORD})-(?=(?:{_ONE_WORD})\b)", r"\1–", b)),
    # "Nov. 23", "Sept. 2018"
    "months-abbreviated": _body(
        lambda b: re.sub(rf"\b({'|'.join(_MONTHS)})(?= \d)", lambda m: _MONTHS[m[1]], b)
    ),
    # a page's paragraphs, one a line
    "one-line-break": _body(lambda b: re.sub(r"\n\n+", "\n", b)),
    "headline-in-capitals": lambda title, body: (title.upper(), body),
    "british-spelling": _body(_british),
    "plural-references": _body(_plurals),
    # a page's h1 above the story
    "headline-on-top": _headline_on_top,
    "byline": _body(lambda b: f"By Staff Reporter\n\n{b}"),
    # "the Algiers accord", "the Paris climate agreement"
    "lower-case-names": _body(
        lambda b: re.sub(
            r"\b([A-Z][\w.-]*) (Agreement|Treaty|Accord|Accords|Convention|Protocol|"
            r"Declaration|Pact|Deal)\b(?! (?:on|of|for|to|between|concerning)\b)",
            lambda m: f"{m[1]} {m[2].lower()}",
            b,
        )
    ),
    "line-ends-crlf": _body(lambda b: b.replace("\n", "\r\n")),
}


def _write(folder: Path, stem: str, header: dict[str, str], body: str) -> None:
    lines = [f"{key}: {value}" for key, value in header.items()]
    (folder / f"{stem}.txt").write_text(
        "\n".join(lines) + "\n\n" + body, encoding="utf-8"
    )


def _read(path: Path) -> tuple[dict[str, str], str]:
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    header = dict(re.findall(r"(?m)^(\w+):[ \t]*(.*)$", head))
    return header, body


def rewritten(gold: Path, out: Path, name: str) -> Path:
    """The gold folder with each article rewritten as ``name`` says, gold as it was."""
    folder = out / name
    folder.mkdir()
    for facts in sorted(gold.glob("*.json")):
        article = facts.with_suffix(".txt")
        if not article.exists():
            continue
        header, body = _read(article)
        (folder / facts.name).write_text(
            facts.read_text(encoding="utf-8"), encoding="utf-8"
        )
        if name == "html":
            (folder / f"{facts.stem}.html").write_text(
                _page(header, body), encoding="utf-8"
            )
            continue
        if name == "other-countries":
            header, body = _other_countries(header, body, facts, folder)
        else:
            title, body = REWRITES[name](header.get("title", ""), body)
            header["title"] = title
        _write(folder, facts.stem, header, body)
    return folder


def _page(header: dict[str, str], body: str) -> str:
    """The article as a news site's page: meta, navigation, h1, byline, a <p> a
    paragraph, a sidebar and a footer."""
    e = html.escape
    title, site = (
        e(header.get("title", "").strip(" []")),
        e(header.get("publisher", "")),
    )
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    if paragraphs and paragraphs[0].strip(" []") == header.get("title", "").strip(
        " []"
    ):
        paragraphs = paragraphs[1:]
    text = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | '
        f'{site}</title><meta property="og:title" content="{title}">'
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="og:url" content="{e(header.get("url", ""))}">'
        '<meta property="article:published_time" '
        f'content="{header.get("published", "")}T08:00:00Z"></head><body><header>'
        '<nav><a href="/">Home</a> <a href="/world">'
        f"World</a></nav></header><main><article><h1>{title}</h1><p>By Staff Reporter"
        f"</p>\n{text}\n</article><aside><h2>Most read</h2><ul><li>Storms hit the coast"
        f"</li></ul></aside></main><footer><p>© {site}</p></footer></body></html>"
    )


# states named in one plain word, with a demonym and a capital: the ones swapped in
_PLAIN = {
    r["iso3"]: r
    for r in _COUNTRIES
    if " " not in r["name"] and r["demonyms"] and r["capital"] and "," not in r["name"]
}
_NAMES = {r["name"] for r in _COUNTRIES}
# names inside others ("Niger", "Nigeria"; "Sudan", "South Sudan"), or many
# informal names ("America", "the Islamic Republic"): never swapped out
_KEPT = {"SDN", "SSD", "NER", "NGA", "GIN", "GNB", "GNQ", "DMA", "DOM", "IRL", "USA",
         "GBR", "KOR", "PRK", "CHN", "RUS", "TWN", "PSE", "IRN", "COD", "COG", "ARE",
         "NLD", "TUR", "CIV", "MMR", "AFG", "SOM", "YEM"}  # fmt: skip


def _other_countries(
    header: dict[str, str], body: str, facts: Path, folder: Path
) -> tuple[dict[str, str], str]:
    """The story told of other states: each state of the gold (but those in
    :data:`_KEPT`) swapped for another in name, demonym and capital, in the text
    and the gold alike (seeded by the article's name)."""
    gold = json.loads(facts.read_text(encoding="utf-8"))
    codes = sorted(
        {c for a in gold["agreements"] for c in [*a["parties"], *a.get("concerns", [])]}
    )
    swap = [c for c in codes if c in _PLAIN and c not in _KEPT]
    free = [c for c in _PLAIN if c not in codes and c not in _KEPT]
    mapping = dict(
        zip(swap, random.Random(facts.stem).sample(free, len(swap)), strict=True)
    )
    pairs: list[tuple[str, str]] = []
    for old, new in mapping.items():
        a, b = _PLAIN[old], _PLAIN[new]
        pairs += [(a["name"], b["name"]), (a["capital"], b["capital"])]
        demonym = b["demonyms"].split("|")[0]
        for d in a["demonyms"].split(
            "|"
        ):  # "Armenian", "Armenians" (not "Philippines")
            pairs.append((d, demonym))
            if f"{d}s" not in _NAMES:
                pairs.append((f"{d}s", f"{demonym}s"))
    words = dict(pairs)
    pattern = re.compile(
        "|".join(
            rf"(?<!\w){re.escape(w)}(?!\w)"
            for w in sorted(words, key=len, reverse=True)
        )
    )

    def swapped(text: str | None) -> str | None:
        return pattern.sub(lambda m: words[m[0]], text) if text and words else text

    for agreement in gold["agreements"]:
        agreement["parties"] = sorted(mapping.get(c, c) for c in agreement["parties"])
        agreement["concerns"] = sorted(
            mapping.get(c, c) for c in agreement.get("concerns", [])
        )
        agreement["name"] = swapped(agreement.get("name"))
        agreement["aliases"] = [swapped(x) for x in agreement.get("aliases", [])]
    (folder / facts.name).write_text(json.dumps(gold), encoding="utf-8")
    header["title"] = swapped(header.get("title", "")) or ""
    return header, swapped(body) or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="a folder of NAME.txt and NAME.json")
    parser.add_argument("--only", help="comma-separated rewrites (default: all)")
    args = parser.parse_args()
    names = [*REWRITES, "html", "other-countries"]
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    base = evaluate(args.gold).counts()[ALL]
    print(f"{'rewrite':24} {'F1':>6} {'change':>7}   tp/fp/fn")
    print(f"{'(as written)':24} {base.f1:6.3f} {'':>7}   {base.tp}/{base.fp}/{base.fn}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            score = evaluate(rewritten(args.gold, Path(tmp), name)).counts()[ALL]
            change, counts = score.f1 - base.f1, f"{score.tp}/{score.fp}/{score.fn}"
            print(f"{name:24} {score.f1:6.3f} {change:+7.3f}   {counts}")


if __name__ == "__main__":
    main()
