"""Regenerate countries.csv and organizations.csv from the shared data folder.

Usage::

    python derive.py [SHARED_DATA_DIR] [--out DIR]

``SHARED_DATA_DIR`` defaults to ``../../../../../shared/data`` relative to this
script (the ``shared/data`` folder next to the checkout); ``--out`` defaults to
the folder of this script. Standard library only; diplograph never imports this
module at run time (it reads the CSV files it writes). A summary of everything
dropped goes to stdout; the script exits 1 if a check fails.

The inputs are the shared ``countries.csv`` (built by ``build_countries.py``
from mledoze/countries, datasets/country-codes, country-coder, econandrew's
Wikidata labels and cartogrify; see ``SOURCES.md``) and the hand-written
``organizations.csv``. The columns stay the same. What changes is the clean-up
below, which aims at one thing: every string left is a safe surface form, i.e.
when it appears in English news it names that row and no other.

Countries, in this order, per row:

1. Split the ``|`` lists and strip blanks.
2. Aliases: drop parenthesised forms ("Holy See (Vatican City State)"); take a
   leading "the "/"The " off ("the UAE" -> "UAE"), because the loader's lookup
   handles the article itself.
3. Aliases: drop forms that (now) start with a lower-case letter
   (transliterations such as "al-Maghrib", and "metropolitan Denmark").
4. Aliases: drop all-capital codes (letters and "&" only, no full stops) unless
   news writers use them: keep ``NEWS_ACRONYMS`` (US, USA, UK, UAE, PRC, ROK,
   DPRK, ROC, DRC, CAR, KSA, RSA, FYROM); drop sports and registry codes such as
   CDN, SUI, NED, ALG, NGR, ZAM, DEK, CZR, BRD, FRG, NKRI, PDRA, UKGBNI, B&H.
   Forms with full stops ("U.S.", "U.K.", "U.A.E.") are kept.
5. Aliases: drop ``ALIAS_BLOCKLIST``: nicknames, slang and poetic names ("Land
   of the Rising Sun", "Blighty"), words that start company names in business
   copy ("Nippon", "Hindustan", "Bharat", "Siam"), plain words or generic
   phrases ("States" from "the States", "Palestinian state"), the airline
   "Emirates", and names of regions or historical states that are not the
   modern state ("Timor", "Moldavia", "Persia", "Papal State").
6. Aliases: drop an alias equal to the row's name, and later duplicates (case is
   ignored when comparing, except that an all-capital form such as "NATO" is
   distinct from "Nato": lookups match all-capital forms case-sensitively).
7. Demonyms: drop one equal to the row's name ("Djibouti").
8. A string both alias and demonym of the same row is kept once: as a demonym
   for "Thai", "Togolese" and "Saudi" (``DEMONYM_FIRST``), else as an alias
   ("U.S.", "Vatican").
9. Capitals: drop ``CAPITAL_BLOCKLIST``, capitals that are also a common word
   or a better-known place elsewhere ("Male" (the accented "Malé" stays),
   "Victoria", "Georgetown", "Kingston", "St. John's", "San Jose" (the accented
   "San José" stays)).
10. Across rows (countries and organizations together): a string (compared
    case-insensitively) that belongs to more than one row is dropped from all of
    them ("Congolese": COD and COG; "Dominican": DMA and DOM).

Organizations: aliases equal to the name and duplicates are dropped (step 6),
and step 10 applies. Accented spellings are kept next to their plain forms
("Côte d'Ivoire" and "Cote d'Ivoire"): a literal matcher needs both.

Checks: the expected codes are present, codes and QIDs are well formed and
unique, and no string is left in two rows.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / ".." / ".." / ".." / ".." / ".." / "shared" / "data"

COUNTRY_FIELDS = ("iso2", "iso3", "name", "aliases", "demonyms", "capital", "wikidata")
ORG_FIELDS = ("code", "name", "aliases", "wikidata")

NEWS_ACRONYMS = frozenset(
    {"US", "USA", "UK", "UAE", "PRC", "ROK", "DPRK", "ROC", "DRC", "CAR", "KSA"}
    | {"RSA", "FYROM"}
)

# alias -> why it goes (compared case-insensitively)
ALIAS_BLOCKLIST: dict[str, str] = {
    "States": "plain word (from 'the States')",
    "Emirates": "the airline in business copy; 'UAE' covers the state",
    "Nippon": "starts company names (Nippon Steel)",
    "Nihon": "starts company names",
    "Hindustan": "starts company names (Hindustan Aeronautics)",
    "Bharat": "starts company names (Bharat Electronics)",
    "Bharatvarsh": "poetic name",
    "Siam": "historical name; starts company names (Siam Cement)",
    "Ceylon": "historical name; tea",
    "Persia": "historical empire",
    "Hibernia": "Latin name; also an oil field",
    "Blighty": "slang",
    "Naija": "slang",
    "Jamdung": "slang",
    "Land of the Rising Sun": "nickname",
    "Land of Thousand Lakes": "nickname",
    "Heart of South America": "nickname",
    "Abode of Peace": "nickname (from 'the Abode of Peace')",
    "Pleasant Island": "nickname",
    "Taprobane": "historical name",
    "Serendib": "historical name",
    "British Colony of Australia": "historical entity",
    "Southern Netherlands": "historical entity; also a region of the Netherlands",
    "British North America": "historical entity",
    "Denmark proper": "generic phrase",
    "Papal State": "historical state (the Papal States)",
    "Indonesian republic": "generic phrase",
    "Palestinian state": "generic phrase ('a future Palestinian state')",
    "Timor": "the island, shared with Indonesia",
    "Moldavia": "also a region of Romania",
}

DEMONYM_FIRST = frozenset({"Thai", "Togolese", "Saudi"})

CAPITAL_BLOCKLIST: dict[str, str] = {
    "Male": "English word; 'Malé' stays",
    "Victoria": "personal and place name (Australia, Canada)",
    "Georgetown": "also Washington's Georgetown and its university",
    "Kingston": "also in Canada, England and New York",
    "St. John's": "also in Canada; church names",
    "Saint John's": "church and college names",
    "San Jose": "the California city; 'San José' stays",
}

EXPECTED_CODES = ("KOR", "PRK", "USA", "JPN", "CHN", "RUS", "GBR", "VAT", "TWN")
EXPECTED_ORGS = ("EU", "NATO", "UN", "LAS", "G7", "G20")

_THE = re.compile(r"^the\s+", re.IGNORECASE)
_CODE = re.compile(r"^[A-Z&]+$")


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _fold(value: str) -> str:
    """Case-free comparison form: casefolded, straight apostrophes, single spaces."""
    return " ".join(value.replace("\u2019", "'").casefold().split())


def _key(value: str) -> str:
    """Duplicate test: all-capital forms ("NATO") keep their case, as in lookups."""
    return value if value == value.upper() else _fold(value)


def _dedupe(values: Iterable[str], *, skip: Iterable[str] = ()) -> list[str]:
    seen = {_key(s) for s in skip}
    out = []
    for value in values:
        if _key(value) not in seen:
            seen.add(_key(value))
            out.append(value)
    return out


class Log:
    """Collects what the clean-up drops, grouped by reason."""

    def __init__(self) -> None:
        self.items: dict[str, list[str]] = defaultdict(list)

    def drop(self, reason: str, code: str, value: str) -> None:
        self.items[reason].append(f"{code}: {value!r}")

    def render(self) -> str:
        lines = []
        for reason in sorted(self.items):
            lines.append(f"[{reason}] ({len(self.items[reason])})")
            lines += [f"  {item}" for item in self.items[reason]]
        return "\n".join(lines)


def clean_aliases(code: str, name: str, aliases: list[str], log: Log) -> list[str]:
    """Steps 2 to 6 for one country row."""
    blocked = {_key(k) for k in ALIAS_BLOCKLIST}
    kept = []
    for alias in aliases:
        if "(" in alias:
            log.drop("alias_parenthesised", code, alias)
            continue
        bare = _THE.sub("", alias)
        if not bare[:1].isupper():
            log.drop("alias_lower_case", code, alias)
        elif _CODE.match(bare) and bare not in NEWS_ACRONYMS:
            log.drop("alias_code", code, alias)
        elif _key(bare) in blocked:
            log.drop("alias_blocklist", code, alias)
        else:
            kept.append(bare)
    return _dedupe(kept, skip=[name])


def derive_countries(rows: list[dict[str, str]], log: Log) -> list[dict[str, str]]:
    """Steps 1 to 9 (step 10 runs over countries and organizations together)."""
    capital_blocked = {_key(k) for k in CAPITAL_BLOCKLIST}
    out = []
    for row in rows:
        code, name = row["iso3"].strip(), row["name"].strip()
        aliases = clean_aliases(code, name, _split(row["aliases"]), log)
        demonyms = []
        for demonym in _dedupe(_split(row["demonyms"])):
            if _key(demonym) == _key(name):
                log.drop("demonym_is_name", code, demonym)
            else:
                demonyms.append(demonym)
        both = {_key(a) for a in aliases} & {_key(d) for d in demonyms}
        demonym_first = {_key(d) for d in DEMONYM_FIRST}
        for alias in [a for a in aliases if _key(a) in both & demonym_first]:
            log.drop("alias_is_demonym", code, alias)
            aliases.remove(alias)
        for demonym in [d for d in demonyms if _key(d) in both - demonym_first]:
            log.drop("demonym_is_alias", code, demonym)
            demonyms.remove(demonym)
        capitals = []
        for capital in _dedupe(_split(row["capital"])):
            if _key(capital) in capital_blocked:
                log.drop("capital_blocklist", code, capital)
            else:
                capitals.append(capital)
        out.append(
            {
                "iso2": row["iso2"].strip(),
                "iso3": code,
                "name": name,
                "aliases": "|".join(aliases),
                "demonyms": "|".join(demonyms),
                "capital": "|".join(capitals),
                "wikidata": row["wikidata"].strip(),
            }
        )
    return out


def derive_organizations(rows: list[dict[str, str]], log: Log) -> list[dict[str, str]]:
    """Step 6 for organizations."""
    out = []
    for row in rows:
        name = row["name"].strip()
        aliases = _split(row["aliases"])
        kept = _dedupe(aliases, skip=[name])
        for alias in aliases:
            if alias not in kept:
                log.drop("alias_duplicate", row["code"], alias)
        out.append(
            {
                "code": row["code"].strip(),
                "name": name,
                "aliases": "|".join(kept),
                "wikidata": row["wikidata"].strip(),
            }
        )
    return out


def drop_shared(
    countries: list[dict[str, str]], orgs: list[dict[str, str]], log: Log
) -> None:
    """Step 10: remove strings that belong to more than one row, in place."""
    fields = {"name", "aliases", "demonyms", "capital"}
    owners: dict[str, set[str]] = defaultdict(set)
    for row in [*countries, *orgs]:
        code = row.get("iso3") or row["code"]
        for field in fields & row.keys():
            for value in _split(row[field]):
                owners[_fold(value)].add(code)
    shared = {k for k, codes in owners.items() if len(codes) > 1}
    for row in [*countries, *orgs]:
        code = row.get("iso3") or row["code"]
        if _fold(row["name"]) in shared:
            raise SystemExit(f"{code}: name {row['name']!r} belongs to several rows")
        for field in (fields - {"name"}) & row.keys():
            values = _split(row[field])
            for value in values:
                if _fold(value) in shared:
                    log.drop(f"{field}_in_several_rows", code, value)
            row[field] = "|".join(v for v in values if _fold(v) not in shared)


def check(countries: list[dict[str, str]], orgs: list[dict[str, str]]) -> list[str]:
    """Problems that make the output unusable; empty when all is well."""
    problems = []
    codes = [r["iso3"] for r in countries] + [r["code"] for r in orgs]
    qids = [r["wikidata"] for r in countries] + [r["wikidata"] for r in orgs]
    for code in (*EXPECTED_CODES, *EXPECTED_ORGS):
        if code not in codes:
            problems.append(f"missing code {code}")
    problems += [
        f"duplicate code {c}" for c in sorted(set(codes)) if codes.count(c) > 1
    ]
    problems += [f"duplicate QID {q}" for q in sorted(set(qids)) if qids.count(q) > 1]
    problems += [f"bad QID {q!r}" for q in qids if not re.fullmatch(r"Q[1-9]\d*", q)]
    problems += [
        f"bad ISO3 {r['iso3']!r}"
        for r in countries
        if not re.fullmatch(r"[A-Z]{3}", r["iso3"])
    ]
    return problems


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path: Path, fields: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Regenerate countries.csv and organizations.csv from shared data."
    )
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    source: Path = args.source.resolve()
    for name in ("countries.csv", "organizations.csv"):
        if not (source / name).is_file():
            print(
                f"{source / name}: not found; pass the shared data folder",
                file=sys.stderr,
            )
            return 2
    log = Log()
    countries = derive_countries(read_csv(source / "countries.csv"), log)
    orgs = derive_organizations(read_csv(source / "organizations.csv"), log)
    drop_shared(countries, orgs, log)
    problems = check(countries, orgs)
    if problems:
        print("\n".join(f"check failed: {p}" for p in problems), file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(args.out / "countries.csv", COUNTRY_FIELDS, countries)
    write_csv(args.out / "organizations.csv", ORG_FIELDS, orgs)
    print(f"countries.csv: {len(countries)} rows; organizations.csv: {len(orgs)} rows")
    print(log.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
