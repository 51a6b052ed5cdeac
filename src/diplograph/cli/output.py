"""What the commands show: result rows in each format, and messages on stderr.

Results go to standard output with ``print``; everything else (problems, notes,
debug detail) goes through the ``logging`` module to standard error, so that
``--quiet`` and ``--verbose`` set one level. Colour is used only here, for
errors and warnings on a terminal, and never when ``NO_COLOR`` is set
(https://no-color.org) or the terminal is dumb (``Settings.colour``).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import shutil
import sys
from collections.abc import Sequence

from diplograph.model import Dropped
from diplograph.namespaces import DATA_BASE
from diplograph.terms import Row, Term
from diplograph.validate import ValidationReport, plural, report_text

log = logging.getLogger("diplograph")

_COLOURS = {logging.ERROR: "\033[31m", logging.WARNING: "\033[33m"}
_RESET = "\033[0m"


class _Stderr(logging.Handler):
    """Writes to whatever ``sys.stderr`` is when a message comes (as pytest's
    capture swaps it), one record as it was written, coloured by level if asked."""

    def __init__(self, *, colour: bool) -> None:
        super().__init__()
        self.colour = colour

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
            if record.exc_info:
                text += "\n" + logging.Formatter().formatException(record.exc_info)
            colour = _COLOURS.get(record.levelno) if self.colour else None
            if colour:
                text = f"{colour}{text}{_RESET}"
            sys.stderr.write(text + "\n")
            sys.stderr.flush()
        except Exception:  # logging's own contract: a failed emit is reported, once
            self.handleError(record)


def configure_logging(*, quiet: bool, verbose: bool, colour: bool) -> None:
    """Messages of the ``diplograph`` loggers to stderr: warnings and errors with
    ``--quiet``, notes too by default, debug detail with ``--verbose``."""
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    for handler in [h for h in log.handlers if isinstance(h, _Stderr)]:
        log.removeHandler(handler)
    log.addHandler(_Stderr(colour=colour))
    log.setLevel(level)
    log.propagate = False


def report_rejection(
    source: str, report: ValidationReport, kept: str | None = None
) -> None:
    """A rejection as one warning: the violations by node and shape, and where
    the full report is."""
    lines = [
        f"REJECTED {source}: its graph breaks the shapes, nothing of it was stored: "
        f"{plural(report.counts())}",
        *report_text(source, report, severities=("Violation",)).splitlines()[1:],
    ]
    if kept:
        lines.append(f"  {kept}")
    log.warning("\n".join(lines))


def report_dropped(source: str, dropped: Sequence[Dropped], kept: str) -> None:
    """An article stored without the facts that broke the shapes, as one
    warning: each dropped fact, why, and its sentence; where the report is."""
    lines = [
        f"STORED {source} without {len(dropped)} fact(s) that break the shapes "
        "(load --strict rejects the whole article instead):",
        *(f"  {d}" for d in dropped),
        f"  {kept}",
    ]
    log.warning("\n".join(lines))


def format_rows(
    variables: list[str], rows: list[Row], fmt: str, *, footer: str | None = None
) -> str:
    """Rows as a table for people, CSV/TSV, or SPARQL 1.1 results JSON.

    ``footer``: the table's last line (which page of how many rows), instead
    of its row count."""
    if fmt == "json":
        return _results_json(variables, rows)
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(
            out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n"
        )
        writer.writerow(variables)
        for row in rows:
            writer.writerow([row[v].value if v in row else "" for v in variables])
        return out.getvalue()
    return _table(variables, rows, footer)


def format_boolean(answer: bool, fmt: str) -> str:
    """The answer of an ASK query: ``true`` or ``false``, or SPARQL 1.1
    results JSON."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": answer}, indent=2) + "\n"
    return ("true" if answer else "false") + "\n"


def _results_json(variables: list[str], rows: list[Row]) -> str:
    bindings = []
    for row in rows:
        item = {}
        for name, term in row.items():
            value: dict[str, str] = {"type": term.kind, "value": term.value}
            if term.datatype:
                value["datatype"] = term.datatype
            if term.lang:
                value["xml:lang"] = term.lang
            item[name] = value
        bindings.append(item)
    document = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(document, indent=2) + "\n"


def _table(variables: list[str], rows: list[Row], footer: str | None = None) -> str:
    if not rows:
        return (footer or "(no results)") + "\n"
    cells = [[_cell(row.get(v)) for v in variables] for row in rows]
    widths = _fitted(
        [max(len(v), *(len(c[i]) for c in cells)) for i, v in enumerate(variables)]
    )
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)).rstrip()
    ]
    lines.append("  ".join("-" * w for w in widths))
    for c in cells:
        lines.append(
            "  ".join(
                _fit(x, w).ljust(w) for x, w in zip(c, widths, strict=True)
            ).rstrip()
        )
    lines.append(footer or f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


_NARROWEST = 12  # a column cut below this says too little


def _fitted(widths: list[int]) -> list[int]:
    """Column widths: whole values in a pipe or file, and on a terminal the
    widest columns cut until the table fits its width."""
    if not sys.stdout.isatty():
        return widths
    room = shutil.get_terminal_size().columns - 2 * (len(widths) - 1)
    widths = list(widths)
    while sum(widths) > room:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= _NARROWEST:
            break  # too many columns: the lines wrap instead
        widths[widest] -= 1
    return widths


def _cell(term: Term | None) -> str:
    if term is None:
        return ""
    value = str(term)
    if term.kind == "uri" and value.startswith(DATA_BASE):
        return value[len(DATA_BASE) :]
    return value.replace("\n", " ")


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
