"""The kill-and-resume check (tests/benchmarks/kill_resume.py) in CI: 20 loads
of 300 articles killed with SIGKILL at random moments, then one run to its end,
leave the store an uninterrupted load makes (issue 13, "Done when").
About 30 s on 2 cores."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent / "benchmarks" / "kill_resume.py"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX's")
def test_killed_loads_resume_to_the_same_store() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--articles", "300", "--cycles", "20"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    print(done.stdout, done.stderr)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "partial articles 0, duplicates 0, differing quads 0" in done.stdout, (
        done.stdout
    )
