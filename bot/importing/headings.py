"""A table's heading rows -> one heading and one role per column (pure).

One header row names each column; a row of group names above it ("Work placements" over
"% | Base", NOMIS's measure merged over "number | Flags | conf") is joined onto the sub-headings.
A merged group heading covers exactly its merged columns; in a CSV, which cannot merge, a group
runs on until the next one. Sub-headings say what each column holds: NOMIS's `number` is the
figure, `Flags` its marks and `conf` its confidence interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.importing.labels import without_markers
from bot.importing.read import Span

Role = Literal["figure", "base", "flags", "confidence", "component"]

# Sub-headings that say what a column holds rather than which measure it is.
SUBHEADING_ROLES: dict[str, Role] = {
    "number": "figure", "value": "figure", "percent": "figure", "%": "figure", "rate": "figure",
    "flags": "flags", "flag": "flags", "status": "flags",
    "conf": "confidence", "confidence": "confidence", "confidence interval": "confidence",
    "ci": "confidence", "+/-": "confidence",
    "base": "base", "unweighted base": "base", "n": "base",
    "numerator": "component", "denominator": "component",
}  # fmt: skip


@dataclass(frozen=True)
class Heading:
    text: str  # the measure as the table heads it, footnote markers off
    role: Role = "figure"


def role_of(subheading: str) -> Role | None:
    return SUBHEADING_ROLES.get(" ".join(subheading.lower().split()))


def has_group_row(
    rows: tuple[tuple[str, ...], ...], header: int, label_col: int, spans: tuple[Span, ...]
) -> bool:
    """Is the row above the header a row of group names over its sub-headings?"""
    if header == 0:
        return False
    above = [c for j, c in enumerate(rows[header - 1]) if j != label_col and c.strip()]
    if len(above) >= 2 or _group_spans(spans, header - 1, label_col):
        return True
    subs = [c for j, c in enumerate(rows[header]) if j != label_col and c.strip()]
    return bool(above) and bool(subs) and all(role_of(c) for c in subs)


def _group_spans(spans: tuple[Span, ...], row: int, label_col: int) -> list[Span]:
    """Merges across columns in a row, beside the labels: a merge over the labels is a title."""
    return [
        s for s in spans
        if s.top <= row <= s.bottom and s.right > s.left and not s.left <= label_col <= s.right
    ]  # fmt: skip


def _groups(row: tuple[str, ...], label_col: int, spans: tuple[Span, ...], top: int) -> list[str]:
    """The group heading over each column: a merge covers its columns; a blank runs the last on."""
    merged = {
        j: s.left for s in _group_spans(spans, top, label_col) for j in range(s.left, s.right + 1)
    }
    out, carried, from_merge = [], "", False
    for j, text in enumerate(row):
        if j == label_col:
            out.append("")
            continue
        if j in merged:
            carried, from_merge = row[merged[j]].strip(), True
        elif text.strip() or from_merge:
            carried, from_merge = text.strip(), False
        out.append(carried)
    return out


def read_headings(
    rows: tuple[tuple[str, ...], ...],
    header: int | None,
    label_col: int,
    spans: tuple[Span, ...] = (),
) -> list[Heading]:
    """A Heading per column (label column included, as an empty heading)."""
    width = len(rows[0]) if rows else 0
    if header is None:
        return [Heading("")] * width
    subs = [without_markers(c) for c in rows[header]]
    if not has_group_row(rows, header, label_col, spans):
        return [Heading(s, role_of(s) or "figure") for s in subs]
    groups = _groups(rows[header - 1], label_col, spans, header - 1)
    figures_in: dict[str, int] = {}
    for j, sub in enumerate(subs):
        if j != label_col and (role_of(sub) or "figure") == "figure":
            figures_in[groups[j]] = figures_in.get(groups[j], 0) + 1
    out = []
    for j, sub in enumerate(subs):
        group = without_markers(groups[j])
        role = role_of(sub) or "figure"
        alone = role == "figure" and role_of(sub) is not None and figures_in.get(groups[j]) == 1
        text = group if alone and group else " ".join(t for t in (group, sub) if t)
        out.append(Heading(text, role))
    return out
