"""summarizer: structured, verified summaries of news articles.

    >>> from summarizer import summarize
    >>> summary = summarize(["seeds/"])          # a Summary (Pydantic model)
    >>> [c.statement for c in summary.claims if c.flagged]

``summarize_async`` is the same for code already inside an event loop.
"""

__version__ = "0.1.0"

from .models import ArticleExtraction, Summary, Verification  # noqa: E402
from .pipeline import RunOptions, summarize, summarize_async  # noqa: E402
from .extract import ModelConfig  # noqa: E402
from .cache import CacheMode  # noqa: E402
from .verify import verify_quote  # noqa: E402

__all__ = [
    "summarize",
    "summarize_async",
    "RunOptions",
    "ModelConfig",
    "CacheMode",
    "Summary",
    "ArticleExtraction",
    "Verification",
    "verify_quote",
    "__version__",
]
