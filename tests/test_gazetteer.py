"""The gazetteer: lookups the extractor relies on, data invariants, reproducibility."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from diplograph.errors import DiplographError
from diplograph.gazetteer import Entity, Gazetteer, fold, load_gazetteer

GAZETTEER_DIR = Path(__file__).resolve().parents[1] / "src/diplograph/data/gazetteer"
SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
ORG_CODES = ("EU", "NATO", "UN", "ASEAN", "AU", "IAEA", "WTO", "OPEC", "GCC", "LAS",
             "MERCOSUR", "ECOWAS", "SCO", "OAS", "G7", "G20")  # fmt: skip


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("surface", "code", "role"),
    [
        ("S. Korea", "KOR", "alias"),
        ("S.Korea", "KOR", "alias"),
        ("ROK", "KOR", "alias"),
        ("Republic of Korea", "KOR", "alias"),
        ("DPRK", "PRK", "alias"),
        ("N. Korea", "PRK", "alias"),
        ("U.S.", "USA", "alias"),
        ("US", "USA", "alias"),
        ("America", "USA", "alias"),
        ("Britain", "GBR", "alias"),
        ("UK", "GBR", "alias"),
        ("U.K.", "GBR", "alias"),
        ("South Korean", "KOR", "demonym"),
        ("South Koreans", "KOR", "demonym"),
        ("S. Korean", "KOR", "demonym"),
        ("North Korean", "PRK", "demonym"),
        ("Americans", "USA", "demonym"),
        ("Emirati", "ARE", "demonym"),
        ("Seoul", "KOR", "capital"),
        ("Washington", "USA", "capital"),
        ("Tokyo", "JPN", "capital"),
        ("Beijing", "CHN", "capital"),
        ("Moscow", "RUS", "capital"),
        ("Kremlin", "RUS", "seat"),
        ("White House", "USA", "seat"),
        ("Pentagon", "USA", "seat"),
        ("Downing Street", "GBR", "seat"),
        ("Brussels", "EU", "seat"),
        ("EU", "EU", "alias"),
        ("E.U.", "EU", "alias"),
        ("European Union", "EU", "name"),
        ("Arab League", "LAS", "name"),
        ("League of Arab States", "LAS", "alias"),
        ("NATO", "NATO", "alias"),
        ("Holy See", "VAT", "alias"),
        ("Vatican", "VAT", "alias"),
        ("UAE", "ARE", "alias"),
        ("Türkiye", "TUR", "name"),
        ("Turkiye", "TUR", "alias"),
        ("PRC", "CHN", "alias"),
        ("Russian Federation", "RUS", "alias"),
    ],
)
def test_lookup_and_role(gaz: Gazetteer, surface: str, code: str, role: str) -> None:
    entity = gaz.lookup(surface)
    assert entity is not None, surface
    assert entity.code == code
    assert gaz.surface_forms()[surface] == (code, role)


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("the Kremlin", "RUS"),
        ("The Kremlin", "RUS"),
        ("the United States", "USA"),
        ("the Holy See", "VAT"),
        ("the Islamic Republic", "IRN"),
        ("The Hague", "NLD"),
        ("the  White   House", "USA"),
        ("WHITE HOUSE", "USA"),
        ("nato", "NATO"),
        ("Quai d\u2019Orsay", "FRA"),
        ("the E.U.", "EU"),
    ],
)
def test_lookup_forgives_article_case_and_spacing(
    gaz: Gazetteer, surface: str, code: str
) -> None:
    entity = gaz.lookup(surface)
    assert entity is not None and entity.code == code


@pytest.mark.parametrize(
    "surface",
    ["us", "Us", "uk", "eu", "Korea", "the two Koreas", "Congolese", "Dominican",
     "Emirates", "States", "the", "", "Republic", "Union", "Male", "Victoria"],
)  # fmt: skip
def test_no_match_for_ambiguous_or_common_words(gaz: Gazetteer, surface: str) -> None:
    assert gaz.lookup(surface) is None


def test_no_surface_form_maps_to_two_codes(gaz: Gazetteer) -> None:
    codes: dict[str, set[str]] = defaultdict(set)
    for form, (code, _) in gaz.surface_forms().items():
        codes[fold(form)].add(code)
    assert {k: v for k, v in codes.items() if len(v) > 1} == {}


def test_every_surface_form_looks_up_to_its_code(gaz: Gazetteer) -> None:
    forms = gaz.surface_forms()
    wrong = {}
    for form, (code, role) in forms.items():
        entity = gaz.lookup(form)
        if entity is None or entity.code != code:
            wrong[form] = (code, entity and entity.code)
        assert role in {"name", "alias", "demonym", "capital", "seat"}
    assert wrong == {}
    assert not gaz.ambiguous & forms.keys()


def test_codes_and_qids_are_well_formed(gaz: Gazetteer) -> None:
    countries = [e for e in gaz.entities.values() if e.is_country]
    orgs = [e for e in gaz.entities.values() if not e.is_country]
    assert len(countries) >= 195
    assert set(ORG_CODES) <= {e.code for e in orgs}
    for entity in countries:
        assert re.fullmatch(r"[A-Z]{3}", entity.code), entity
    for entity in gaz.entities.values():
        assert re.fullmatch(r"Q\d+", entity.wikidata), entity
    qids = [e.wikidata for e in gaz.entities.values()]
    assert len(qids) == len(set(qids))
    assert gaz.entities["KOR"].wikidata == "Q884"
    assert gaz.entities["PRK"].wikidata == "Q423"
    assert gaz.entities["EU"].wikidata == "Q458"


def test_entity_fields(gaz: Gazetteer) -> None:
    kor = gaz.entities["KOR"]
    assert isinstance(kor, Entity) and kor.is_country and kor.name == "South Korea"
    assert kor.capitals[0] == "Seoul"
    assert {"South Korean", "South Koreans"} <= set(kor.demonyms)
    assert "Blue House" in kor.seats
    assert "Brussels" in gaz.entities["BEL"].capitals  # data kept; lookup prefers EU
    assert not gaz.entities["EU"].is_country


def test_default_load_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_load_from_a_folder_and_report_bad_codes(tmp_path: Path) -> None:
    for name in ("countries.csv", "organizations.csv", "seats.csv"):
        (tmp_path / name).write_bytes((GAZETTEER_DIR / name).read_bytes())
    (tmp_path / "aliases_extra.csv").write_text(
        "code,value,kind,note\nXYZ,Foo,alias,bad code\n", encoding="utf-8"
    )
    with pytest.raises(DiplographError, match=r"aliases_extra\.csv:2: unknown code"):
        load_gazetteer(tmp_path)
    (tmp_path / "aliases_extra.csv").write_text("code,value,kind,note\n")
    assert load_gazetteer(tmp_path).lookup("S. Korea") is not None


def test_missing_folder_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(DiplographError, match="countries.csv"):
        load_gazetteer(tmp_path)


def test_hand_written_files_have_notes_and_known_kinds() -> None:
    import csv

    with (GAZETTEER_DIR / "seats.csv").open(encoding="utf-8", newline="") as f:
        seats = list(csv.DictReader(f))
    with (GAZETTEER_DIR / "aliases_extra.csv").open(encoding="utf-8", newline="") as f:
        extras = list(csv.DictReader(f))
    assert all(r["note"] and r["kind"] in {"seat", "institution"} for r in seats)
    assert all(r["note"] and r["kind"] in {"alias", "demonym"} for r in extras)


def test_derive_reproduces_the_committed_files(tmp_path: Path) -> None:
    if not (SHARED_DATA / "countries.csv").is_file():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    result = subprocess.run(
        [sys.executable, str(GAZETTEER_DIR / "derive.py"), str(SHARED_DATA),
         "--out", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for name in ("countries.csv", "organizations.csv"):
        assert (tmp_path / name).read_bytes() == (GAZETTEER_DIR / name).read_bytes(), (
            f"{name} differs from derive.py's output; rerun derive.py"
        )
