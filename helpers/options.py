"""Options objects: the one check every function that takes a frozen options dataclass makes on it
(``h.tag_mentions(corpus, options=h.TagOptions(places=False))``)."""

from __future__ import annotations

from typing import Any, TypeVar

__all__ = ["options_of"]

T = TypeVar("T")


def options_of(options: Any, cls: type[T]) -> T:
    """``options`` checked to be a ``cls``; None gives ``cls()`` (its defaults).

    Args:
        options: what the caller passed: None, or an instance of ``cls``.
        cls: the options dataclass the function takes.

    Returns:
        The options to use.

    Raises:
        TypeError: ``options`` is something else (the message names ``h.<cls>(...)``).
    """
    if options is None:
        return cls()
    if not isinstance(options, cls):
        raise TypeError(f"options takes a h.{cls.__name__}(...), not {type(options).__name__}")
    return options
