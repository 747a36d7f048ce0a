"""Progress for long runs: a bar on a terminal, a log line per tenth otherwise, or nothing."""

from __future__ import annotations

import sys
import time
from typing import Optional, TextIO


class Progress:
    def __init__(self, total: int, enabled: Optional[bool] = None, stream: TextIO = sys.stderr) -> None:
        """``enabled``: True = bar, False = silent, None = a bar on a terminal, log lines otherwise."""
        self.total, self.done, self.stream = max(total, 1), 0, stream
        self.tty = stream.isatty() if enabled is None else enabled
        self.silent = enabled is False
        self.started = time.monotonic()
        self._last_tenth = 0

    def advance(self, n: int) -> None:
        self.done += n
        if self.silent:
            return
        fraction = min(1.0, self.done / self.total)
        rate = self.done / max(time.monotonic() - self.started, 1e-9)
        if self.tty:
            filled = int(fraction * 30)
            self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} inputs"
                              f" · {rate:,.0f}/s")
            self.stream.flush()
        elif int(fraction * 10) > self._last_tenth:
            self._last_tenth = int(fraction * 10)
            self.stream.write(f"factlint: {self.done}/{self.total} inputs ({fraction:.0%}, {rate:,.0f}/s)\n")

    def close(self) -> None:
        if self.tty and not self.silent:
            self.stream.write("\n")
