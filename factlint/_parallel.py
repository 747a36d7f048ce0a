"""CPU parallelism for chunk analysis: a process pool shared by the flow's task threads.

Extraction is pure Python and holds the GIL, so Prefect's thread runner alone uses one core.
Each chunk task (a thread) hands its chunk to this pool and waits, which spreads chunks over
cores without Prefect's process runner (that one needs a Prefect server). Workers are spawned,
not forked: the parent has Prefect's threads running.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Optional, Union

from ._pipeline import Chunk, ChunkSummary, analyse_chunk

_lock = threading.Lock()
_pool: Optional[ProcessPoolExecutor] = None
_pool_size = 0


def _shared_pool(workers: int) -> ProcessPoolExecutor:
    global _pool, _pool_size
    with _lock:
        if _pool is None or _pool_size != workers:
            if _pool is not None:
                _pool.shutdown()
            _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
            _pool_size = workers
        return _pool


def analyse_chunk_parallel(chunk: Chunk, cache_dir: Union[str, Path], workers: int) -> ChunkSummary:
    """``analyse_chunk`` in a worker process when ``workers`` > 1, else in this thread."""
    if workers <= 1:
        return analyse_chunk(chunk, cache_dir)
    return _shared_pool(workers).submit(analyse_chunk, chunk, str(cache_dir)).result()


def shutdown() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown()
            _pool = None


atexit.register(shutdown)
