"""factlint: extract checkable claims from news articles and check them for internal consistency.

The public API is what ``__all__`` lists; everything in ``_``-modules is private.
"""

__version__ = "0.1.0"

from ._api import Output, open_output
from ._check import check_text
from ._errors import (
    ConfigurationError,
    FactlintError,
    InputError,
    PublishError,
    RejectReason,
    RuleDataError,
)
from ._ingest import discover, read_inputs
from ._pipeline import analyse_chunk, plan_chunks, rules_version
from ._run import RunResult, finish_run, plan_run, run_inline
from ._validate import ArticleResult, analyse

__all__ = [
    "analyse",
    "analyse_chunk",
    "ArticleResult",
    "check_text",
    "ConfigurationError",
    "discover",
    "FactlintError",
    "finish_run",
    "InputError",
    "open_output",
    "Output",
    "plan_chunks",
    "plan_run",
    "PublishError",
    "read_inputs",
    "RejectReason",
    "RuleDataError",
    "rules_version",
    "run_inline",
    "RunResult",
]
