"""Cache calls for features that can do without the cache: when it fails (Redis
unreachable) they go on as if it held nothing, and /healthz reports it as degraded."""

import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)


def without_failing[T](call: Callable[[], T], *, default: T, what: str) -> T:
    """`call()`, or `default` when the cache fails, with a warning naming `what`."""
    try:
        return call()
    except Exception as error:  # any backend's connection errors
        logger.warning("%s failed: %r", what, error)
        return default
