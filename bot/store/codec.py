"""Frozen dataclasses to JSON and back, read from their own field types.

Nothing here names a field: a field added to Query or Answer later is stored and read without a
change here. What was written by another version and no longer fits (a field gone, a type
changed) raises Unreadable, so the caller can drop it instead of answering from a half-read value.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

T = TypeVar("T")


class Unreadable(ValueError):
    """Stored text that does not make a value of the asked type (another version wrote it)."""


def dumps(value: object) -> str:
    """`value` (dataclasses, tuples, str, numbers, bools, None) as compact JSON."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))


def loads(kind: type[T], text: str) -> T:
    """The `kind` value that dumps() wrote as `text`; Unreadable if it does not fit."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError) as error:
        raise Unreadable(f"not JSON: {error}") from None
    return _build(kind, data)


def _plain(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot store a {type(value).__name__}")


@cache
def _hints(kind: type) -> dict[str, Any]:
    return get_type_hints(kind)


def _build(hint: Any, data: Any) -> Any:
    if hint is Any:
        return data
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(hint, data)
    origin, args = get_origin(hint), get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _union(args, data)
    if origin is tuple:
        return _tuple(args, data)
    if origin is typing.Literal:
        if data not in args:
            raise Unreadable(f"{data!r} is not one of {args}")
        return data
    if origin is dict:
        if not isinstance(data, dict):
            raise Unreadable(f"expected an object, found {data!r}")
        return {key: _build(args[1], item) for key, item in data.items()}
    return _scalar(hint, data)


def _dataclass(kind: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise Unreadable(f"expected a {kind.__name__} object, found {data!r}")
    hints = _hints(kind)
    unknown = set(data) - {f.name for f in dataclasses.fields(kind) if f.init}
    if unknown:
        raise Unreadable(f"{kind.__name__} has no field {sorted(unknown)[0]!r}")
    try:
        return kind(**{name: _build(hints[name], item) for name, item in data.items()})
    except TypeError as error:  # a field without a default is missing
        raise Unreadable(str(error)) from None


def _union(args: tuple, data: Any) -> Any:
    if data is None and type(None) in args:
        return None
    for arg in args:
        if arg is type(None):
            continue
        try:
            return _build(arg, data)
        except Unreadable:
            continue
    raise Unreadable(f"{data!r} fits none of {args}")


def _tuple(args: tuple, data: Any) -> tuple:
    if not isinstance(data, list):
        raise Unreadable(f"expected a list, found {data!r}")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_build(args[0], item) for item in data)
    if len(args) != len(data):
        raise Unreadable(f"expected {len(args)} items, found {len(data)}")
    return tuple(_build(arg, item) for arg, item in zip(args, data, strict=True))


def _scalar(hint: Any, data: Any) -> Any:
    if hint is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if hint is int and isinstance(data, int) and not isinstance(data, bool):
        return data
    if hint in (str, bool) and isinstance(data, hint):
        return data
    if hint is type(None) and data is None:
        return None
    raise Unreadable(f"expected {getattr(hint, '__name__', hint)}, found {data!r}")
