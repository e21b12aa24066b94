"""Options objects: the one check every function that takes a frozen options dataclass makes on it
(``h.tag_mentions(corpus, options=h.TagOptions(places=False))``)."""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["moved_into", "options_of"]

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


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


def moved_into(cls: type) -> Callable[[F], F]:
    """Decorator: a call passing a keyword that moved into the options class ``cls`` (a field of it the function
    no longer takes) raises a ``TypeError`` saying where it went, e.g. ``tag_mentions(places=False)`` ->
    "tag_mentions() takes places inside options=h.TagOptions(...): tag_mentions(..., options=h.TagOptions(places=
    False))".

    Args:
        cls: the options dataclass the keywords moved into.

    Returns:
        The decorator; the function's signature and behaviour are otherwise unchanged.
    """

    def wrap(fn: F) -> F:
        moved = {f.name for f in dataclasses.fields(cls)} - set(inspect.signature(fn).parameters)

        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            old = sorted(k for k in kwargs if k in moved)
            if old:
                given = ", ".join(f"{k}={kwargs[k]!r}" for k in old)
                raise TypeError(
                    f"{fn.__name__}() takes {', '.join(old)} inside options=h.{cls.__name__}(...): "
                    f"{fn.__name__}(..., options=h.{cls.__name__}({given}))"
                )
            return fn(*args, **kwargs)

        return call  # type: ignore[return-value]

    return wrap
