"""What every ``diplograph`` command shares: exit codes (Ctrl-C included),
``--quiet``/``--verbose``, messages on stderr through ``logging``, ``NO_COLOR``,
and ``query NAME --help`` through argparse."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from support import WriteArticle

from diplograph.cli import ExitStatus, build_parser, main
from diplograph.cli.commands import COMMANDS
from diplograph.errors import DiplographError
from diplograph.settings import Settings

# the least each command needs to get past argparse
MINIMAL = {
    "load": ["x.txt"], "query": ["agreements-of"], "queries": [],
    "search": ["x"], "show": ["x"],
    "extract": ["x.txt"], "evaluate": ["gold"], "remove": ["x"], "reload": [],
    "merges": [], "split": ["x", "--article", "y"], "reason": [], "validate": [],
    "problems": [],
    "export": [],
    # runs until stopped: the tests here parse it or replace its run, never serve
    "serve": ["--port", "0"],
    "plot": ["timeline", "--out", "x.svg"],
}  # fmt: skip


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIPLOGRAPH_STORE", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


def _running(monkeypatch: pytest.MonkeyPatch, name: str, error: BaseException) -> None:
    def run(args: argparse.Namespace, settings: Settings) -> ExitStatus:
        raise error

    monkeypatch.setitem(COMMANDS, name, replace(COMMANDS[name], run=run))


def test_minimal_covers_every_command() -> None:
    assert set(MINIMAL) == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("flag", ["--quiet", "--verbose"])
def test_every_command_takes_quiet_and_verbose(name: str, flag: str) -> None:
    args = build_parser().parse_args([name, *MINIMAL[name], flag])
    assert (args.quiet, args.verbose) == (flag == "--quiet", flag == "--verbose")


def test_quiet_and_verbose_exclude_each_other(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["queries", "--quiet", "--verbose"])
    assert exit_info.value.code == ExitStatus.ERROR
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize(
    ("error", "status", "said"),
    [
        (KeyboardInterrupt(), ExitStatus.INTERRUPTED, "diplograph: interrupted"),
        (DiplographError("no good"), ExitStatus.ERROR, "diplograph: error: no good"),
        (FileNotFoundError(2, "No such file", "gone.txt"), ExitStatus.ERROR,
         "diplograph: error: [Errno 2] No such file: 'gone.txt'"),
        (RuntimeError("a bug"), ExitStatus.ERROR, "RuntimeError: a bug"),
    ],
    ids=["ctrl-c", "error", "os-error", "bug"],
)  # fmt: skip
def test_every_command_maps_how_it_ends_to_one_exit_code(
    name: str,
    error: BaseException,
    status: ExitStatus,
    said: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _running(monkeypatch, name, error)
    assert main([name, *MINIMAL[name]]) == status
    assert said in capsys.readouterr().err


def test_ctrl_c_in_load_keeps_what_was_stored_and_says_how_to_resume(
    tmp_path: Path,
    write_article: WriteArticle,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from diplograph.cli.commands import load

    real_load = load.load

    def interrupted_after_one(*args: object, **kwargs: object) -> Iterator[object]:
        yield next(iter(real_load(*args, **kwargs)))  # type: ignore[arg-type]
        raise KeyboardInterrupt

    monkeypatch.setattr(load, "load", interrupted_after_one)
    path = write_article()
    assert main(["load", str(path), "--store", str(tmp_path / "s")]) == 130
    captured = capsys.readouterr()
    assert "1 article(s) loaded" in captured.out
    assert "run the same command again to resume" in captured.err


def test_quiet_load_prints_only_the_summary(
    tmp_path: Path, write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    path, store = str(write_article()), str(tmp_path / "s")
    assert main(["load", path, "--store", store, "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 article(s) loaded") and out.count("\n") == 1
    assert main(["reload", "--all", "--store", store, "--quiet"]) == 0
    assert capsys.readouterr().out.startswith("1 article(s) re-extracted")


def test_verbose_says_more_on_stderr_only(
    tmp_path: Path, write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    path, store = str(write_article()), str(tmp_path / "s")
    assert main(["load", path, "--store", store]) == 0
    capsys.readouterr()
    query = ["query", "agreements-of", "--param", "country=JPN", "--store", store]
    assert main(query) == 0
    plain = capsys.readouterr()
    assert main([*query, "--verbose"]) == 0
    verbose = capsys.readouterr()
    assert verbose.out == plain.out
    assert plain.err == ""
    assert "query agreements-of on" in verbose.err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("no_color", [None, "1"])
def test_colour_on_a_terminal_unless_no_color(
    no_color: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setenv("TERM", "xterm")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["query", "no-such-query"]) == ExitStatus.ERROR
    said = terminal.getvalue()
    assert "diplograph: error: no saved query 'no-such-query'" in said
    assert ("\033[" in said) is (no_color is None)


def test_colour_settings() -> None:
    assert Settings.gather(environ={}).colour
    assert not Settings.gather(environ={"NO_COLOR": "1"}).colour
    assert Settings.gather(environ={"NO_COLOR": ""}).colour  # no-color.org: empty
    assert not Settings.gather(environ={"TERM": "dumb"}).colour


def test_settings_from_flags_then_environment_then_defaults() -> None:
    environ = {"DIPLOGRAPH_STORE": "env-store", "DIPLOGRAPH_LEXICON": "lex",
               "DIPLOGRAPH_USER": "u", "DIPLOGRAPH_PASSWORD": "secret",
               "DIPLOGRAPH_AUTH": "Digest"}  # fmt: skip
    settings = Settings.gather(store="flag-store", environ=environ)
    assert (settings.store, settings.lexicon, settings.user, settings.auth) == (
        "flag-store", "lex", "u", "digest",
    )  # fmt: skip
    assert Settings.gather(environ=environ).store == "env-store"
    assert Settings.gather(environ={}) == Settings()
    assert "secret" not in repr(settings)


def test_query_help_goes_through_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "--format", "csv", "agreements-of", "--help"])
    assert exit_info.value.code == 0
    assert "--param country=VALUE" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "--help"])  # no name: the command's own help
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("usage: diplograph query")
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "no-such-query", "--help"])
    assert exit_info.value.code == ExitStatus.ERROR
    assert "no saved query 'no-such-query'" in capsys.readouterr().err
