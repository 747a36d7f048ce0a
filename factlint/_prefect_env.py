"""Settings applied before Prefect is imported: embedded mode when no server is set, quiet, bounded.

``setdefault`` only: whatever the user has set wins.
"""

from __future__ import annotations

import os


def configure_prefect(verbose: bool = False) -> None:
    if not os.environ.get("PREFECT_API_URL"):
        os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_ENABLED", "true")
        # The first start migrates a fresh database: 9-13 s here against a 20 s default.
        os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    os.environ.setdefault("PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS", str(max(2, min(8, os.cpu_count() or 2))))
