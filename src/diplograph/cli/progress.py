"""A progress line on standard error, drawn only on a terminal."""

from __future__ import annotations

import sys
import time

CLEAR_LINE = "\r\033[K"  # a cursor control, not a colour: NO_COLOR leaves it alone


class Progress:
    """done/total, rate and time left, redrawn at most four times a second;
    done and rate alone when the total is not known (None: a news archive
    holds how many articles it holds) or is passed.

    Example:
        >>> progress = Progress(10)  # not a terminal under doctest: draws nothing
        >>> progress.step(); progress.close(); progress.done
        1
    """

    def __init__(self, total: int | None) -> None:
        self.total, self.done, self.started = total, 0, time.monotonic()
        self.shown = 0.0
        self.enabled = sys.stderr.isatty() and (total is None or total > 1)

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        last = self.total is not None and self.done >= self.total
        if not self.enabled or (now - self.shown < 0.25 and not last):
            return
        self.shown = now
        rate = self.done / max(now - self.started, 1e-9)
        if self.total is None or self.done > self.total:
            sys.stderr.write(f"\r  {self.done} articles  {rate:6.1f}/s ")
        else:
            left = (self.total - self.done) / rate if rate else 0
            sys.stderr.write(
                f"\r  {self.done}/{self.total} articles  {rate:6.1f}/s  "
                f"{int(left // 60)}m{int(left % 60):02d}s left "
            )
        sys.stderr.flush()

    def clear(self) -> None:
        """Wipe the line, so that a message can be printed in its place."""
        if self.enabled:
            sys.stderr.write(CLEAR_LINE)

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
