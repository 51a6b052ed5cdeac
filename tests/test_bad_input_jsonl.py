"""Bad and awkward JSON Lines (issue 13): lines that are not records, records
without text, fields of the wrong type, files that are not JSON Lines at all.
A bad line is that line's error and the others load. Each case: its file and
what reading it gives, in order (see ``bad_input.py``)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from bad_input import BODY, LIMIT, LOADS, Case, Loads, jsonl, raw, read_case, text

from diplograph.articles import MAX_BYTES, read_articles
from diplograph.errors import ArticleError
from diplograph.pipeline import time_limit

RECORD = {"text": BODY, "published": "2015-06-25", "title": "T"}
GOOD = json.dumps(RECORD)


def record(**fields: object) -> str:
    """The good record with ``fields`` changed (None: left out)."""
    changed = {**RECORD, **fields}
    return json.dumps({k: v for k, v in changed.items() if v is not None})


JSONL: dict[str, Case] = {
    # files that load, awkward as they are
    "blank-lines.jsonl": (jsonl(GOOD, "", "  ", GOOD), Loads(count=2)),
    "bom.jsonl": (raw(b"\xef\xbb\xbf" + GOOD.encode()), Loads(title="T")),
    "crlf.jsonl": (raw(f"{GOOD}\r\n{GOOD}\r\n".encode()), Loads(2, lacks=("\r",))),
    "no-final-newline.jsonl": (text(GOOD), LOADS),
    "date-key.jsonl": (jsonl(record(published=None, date="2015-06-25")), LOADS),
    "other-keys.jsonl": (jsonl(record(author="Kim", tags=["a"])), LOADS),
    "raw-tab.jsonl": (jsonl(GOOD.replace("Seoul.", "Seoul.\t")), LOADS),
    "escaped-controls.jsonl": (jsonl(record(text="South \u001b[31mKorea signed.")),
                               Loads(lacks=("\x1b",))),
    "id-with-newline.jsonl": (jsonl(record(id="a\nb")), LOADS),
    "mixed.jsonl": (jsonl(GOOD, "not json", GOOD), (LOADS, "2: not JSON", LOADS)),
    # lines that are no record
    "not-json.jsonl": (jsonl("not json"), "not JSON (Expecting value at column 1)"),
    "trailing-garbage.jsonl": (jsonl(GOOD + " xyz"), "not JSON (Extra data at column"),
    "array-line.jsonl": (jsonl(f"[{GOOD}]"), "the line is a JSON array, not an object"),
    "number-line.jsonl": (jsonl("42"), ":1: the line is a JSON number, not an object"),
    "string-line.jsonl": (jsonl('"text"'), "the line is a JSON string, not an object"),
    "null-line.jsonl": (jsonl("null"), "the line is null, not an object. Give one"),
    "deep-nesting.jsonl": (jsonl("[" * 100_000 + "]" * 100_000),
                           "the JSON is nested too deeply to read"),
    "big-integer.jsonl": (jsonl(GOOD[:-1] + ', "n": ' + "1" * 5000 + "}"),
                          "a number in the JSON has too many digits"),  # crashed
    "latin1-line.jsonl": (raw(GOOD.encode() + b"\n" + GOOD.encode().replace(
        b"Seoul", b"S\xe9oul")), (LOADS, ":2: not valid UTF-8 (byte 0xe9 at column")),
    "huge-record.jsonl": (raw(b'{"text": "' + b"x" * (MAX_BYTES + 10) + b'"}\n'
                              + GOOD.encode()),
                          (f":1: the record is over {MAX_BYTES:,} bytes", LOADS)),
    # records with fields of the wrong kind
    "no-text.jsonl": (jsonl(record(text=None)), "no 'text' field. Give one object"),
    "text-null.jsonl": (jsonl('{"text": null}'), "the 'text' field is null, not a"),
    "text-list.jsonl": (jsonl(record(text=["a"])), "the 'text' field is a JSON array"),
    "text-number.jsonl": (jsonl(record(text=7)), "the 'text' field is a JSON number"),
    "text-empty.jsonl": (jsonl(record(text="")), "the 'text' field is empty. Add"),
    "published-number.jsonl": (jsonl(record(published=1435190400)),
                               "the 'published' field is a number ('1435190400')"),
    "published-object.jsonl": (jsonl(record(published={"nested": [1, 2]})),
                               "the 'published' field is a JSON object, not text"),
    "title-list.jsonl": (jsonl(record(title=["T"])), "the 'title' field is a JSON"),
    "bad-date.jsonl": (jsonl(record(published="2015-02-30")),
                       ":1: publication date '2015-02-30' is not a date"),
    "two-dates.jsonl": (jsonl(record(date="2016-01-01")), "two values of 'published'"),
    "lone-surrogate.jsonl": (jsonl('{"text": "\\ud800 half", "published": "2015"}'),
                             "the 'text' field holds a lone surrogate or NUL"),
    "nul-escape.jsonl": (jsonl(record(text="a\u0000b")), "lone surrogate or NUL"),
    "nul-in-id.jsonl": (jsonl(record(id="a\u0000b")), "the 'id' field holds a lone"),
    # files that are not JSON Lines
    "empty.jsonl": (text(""), "the file is empty. Give one JSON object a line."),
    "blank-only.jsonl": (text("\n \n\n"), "the file is empty"),
    "pretty-printed.jsonl": (text(json.dumps([RECORD], indent=2)),
                             "pretty-printed JSON, not one JSON object a line"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(JSONL))
def test_jsonl_case(name: str, tmp_path: Path) -> None:
    read_case(tmp_path, name, JSONL[name])


def test_100k_records_some_bad_the_batch_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [
        "not json" if n % 1000 == 999 else record(id=f"r{n}", title=f"T{n}")
        for n in range(100_000)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    with time_limit(3 * LIMIT):  # about 4 s: a guard against a hang, not a timing
        items = list(read_articles([path]))
    errors = [str(i) for i in items if isinstance(i, ArticleError)]
    assert len(items) == 100_000 and len(errors) == 100
    assert errors[0] == (
        f"{path}:1000: not JSON (Expecting value at column 1). "
        "Write one JSON object per line."
    )
    print(f"100,000 records read in {time.monotonic() - started:.1f} s")
