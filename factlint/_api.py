"""Reading a published output folder as pandas DataFrames with Arrow-backed dtypes."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Union

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from schemas.tables import REJECTS, TABLES

from ._pipeline import STATUSES
from ._publish import current_snapshot

Status = Literal["clean", "quarantine", "all"]


class Output:
    """A published factlint output folder: ``Output("output").table("figures")``."""

    def __init__(self, path: Union[str, Path] = "output") -> None:
        self.snapshot = current_snapshot(Path(path))

    @property
    def tables(self) -> list[str]:
        return list(TABLES) + ["rejects"]

    def arrow(self, name: str, status: Status = "all") -> pa.Table:
        if name == "rejects":
            return pq.read_table(self.snapshot / "quarantine" / "rejects", schema=REJECTS)
        if name not in TABLES:
            raise KeyError(f"unknown table {name!r}; tables: {', '.join(self.tables)}")
        statuses = STATUSES if status == "all" else ("quarantine" if status == "quarantine" else "clean",)
        return pa.concat_tables(pq.read_table(self.snapshot / s / name, schema=TABLES[name]) for s in statuses)

    def table(self, name: str, status: Status = "all") -> pd.DataFrame:
        """One table as a DataFrame (both statuses unless ``status`` says which)."""
        return self.arrow(name, status).to_pandas(types_mapper=pd.ArrowDtype)

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in TABLES or name == "rejects":
            return self.table(name)
        raise AttributeError(name)


def open_output(path: Union[str, Path] = "output") -> Output:
    """Open the current snapshot of an output folder."""
    return Output(path)
