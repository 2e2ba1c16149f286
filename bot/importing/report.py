"""Batch / ImportRecord -> terminal text: the dry-run table, the summary, the list (pure)."""

from __future__ import annotations

from collections import Counter

from bot.importing.batch import Batch
from bot.importing.plan import ImportPlan
from bot.importing.store import ImportRecord
from bot.render.text import table_lines
from intents.dataset.model import Dataset
from intents.replies.answer import Table

SHOWN_LINES = 8  # lines left out, listed by name before "and N more"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.10g}"


def layout(plan: ImportPlan) -> str:
    t = plan.table
    shape = f"{t.shape}; " if t.shape and t.shape != "one table" else ""
    if t.orientation == "rows":
        way = f"LEP names down {t.label_where}"
        head = f", measure names in {t.header_where}" if t.header_where else ", no header row"
    else:
        way = f"LEP names across {t.label_where}"
        head = f", measure names in {t.header_where}" if t.header_where else ", no header column"
    return f"{t.place}: {shape}{way}{head}."


def column_lines(plan: ImportPlan) -> list[str]:
    out = []
    for c in plan.columns:
        if c.role == "indicator":
            how = f" (by {c.how})" if c.how else ""
            extra = f"; {c.note}" if c.note else ""
            out.append(f"  {c.where} {c.header!r} -> {c.indicator}{how}{extra}")
        elif c.role == "base":
            out.append(f"  {c.where} {c.header!r} -> unweighted base ({c.note})")
        else:
            out.append(f"  {c.where} {c.header!r} -> not imported: {c.note}")
    return out


def _supersede_counts(batch: Batch) -> str:
    kinds = Counter(f.supersedes.split(" ")[0] for f in batch.facts if f.supersedes)
    if not kinds:
        return (
            "Supersedes: nothing (no figure, band or relation held for these areas and measures)."
        )
    words = {"value": "exact value", "band": "band", "named": "named high/low"}
    parts = [f"{n} {words.get(k, k)}{'s' if n > 1 else ''}" for k, n in kinds.most_common()]
    return f"Supersedes: {', '.join(parts)} already held (see the last column)."


def plan_table(plan: ImportPlan) -> list[str]:
    indicators = plan.indicators or tuple(c.indicator for c in plan.columns if c.indicator)
    by_line: dict[str, dict[str, str]] = {}
    bases: dict[str, set[int]] = {}
    supersedes: dict[str, list[str]] = {}
    for f in plan.facts:
        by_line.setdefault(f.area, {})[f.indicator] = _number(f.value)
        if f.base:
            bases.setdefault(f.area, set()).add(f.base)
        if f.supersedes:
            supersedes.setdefault(f.area, []).append(f"{f.indicator}: {f.supersedes}")
    for m in plan.missing:
        by_line.setdefault(m.area, {})[m.indicator] = f"{m.text} (missing)"
    rows = []
    for line in plan.lines:
        if line.area is None:
            matched = {"skipped": "skipped (mapping)", "later boundary": "DIFFERENT BOUNDARY"}.get(
                line.how, "NOT MATCHED"
            )
            rows.append((line.position, line.label, matched, *("" for _ in indicators), "", ""))
            continue
        cells = by_line.get(line.area, {})
        rows.append(
            (
                line.position,
                line.label,
                line.area + (" (benchmark)" if line.how == "benchmark" else ""),
                *(cells.get(i, "") for i in indicators),
                "/".join(f"{b:,}" for b in sorted(bases.get(line.area, ()))),
                "; ".join(supersedes.get(line.area, [])) or "-",
            )
        )
    header = ("line", "name in file", "matched to", *indicators, "base", "supersedes")
    return [line.rstrip() for line in table_lines(Table(header, tuple(rows)))]


def problems_text(batch: Batch) -> str:
    return "\n\n".join(batch.problems)


def missing_line(plan: ImportPlan) -> str:
    if not plan.missing:
        return ""
    shown = "; ".join(
        f"{m.area} {m.indicator} {m.text!r} ({m.where.rsplit(', ', 2)[-2]}, {m.where.rsplit(', ', 1)[-1]})"
        for m in plan.missing[:6]
    )
    more = f"; and {len(plan.missing) - 6} more" if len(plan.missing) > 6 else ""
    return (
        f"Missing or suppressed, so not imported ({len(plan.missing)}): {shown}{more}. "
        "Where the shipped data holds something for these, it still answers."
    )


def period_lines(plan: ImportPlan) -> list[str]:
    return [
        f"  {ind}: {period or '(none)'} — {said}"
        + (
            " (pass --period if the table is for another period)"
            if said.startswith("as the")
            else ""
        )
        for ind, period, said in plan.periods
    ]


def _plan_section(plan: ImportPlan) -> list[str]:
    out = [
        layout(plan),
        "Measures (columns of the file):"
        if plan.table.orientation == "rows"
        else "Measures (rows of the file):",
        *column_lines(plan),
        "",
        *plan_table(plan),
        "",
    ]
    if plan.missing:
        out.append(missing_line(plan))
    out += ["Periods:", *period_lines(plan)]
    for new in plan.new_indicators:
        out.append(f"New indicator {new['id']}: {new['label']} ({new['unit']}, {new['format']}).")
    return out + [f"Note: {n}" for n in plan.notes]


def passed_over_lines(batch: Batch) -> list[str]:
    """The other sheets of the workbook: those with a LEP table say why it is not imported."""
    empty = [p.sheet for p in batch.passed_over if not p.has_table]
    out = [f"Sheet {p.sheet!r} not imported: {p.why}" for p in batch.passed_over if p.has_table]
    if empty:
        out.append(f"Other sheets, with no LEP table: {', '.join(repr(s) for s in empty)}.")
    return out


def dry_run(batch: Batch, next_id: str) -> str:
    out = ["Dry run — nothing written."]
    for plan in batch.plans:
        out += _plan_section(plan)
    out += passed_over_lines(batch)
    out += [_supersede_counts(batch), f"Source as cited in replies: {batch.source}"]
    if batch.problems:
        out += ["", "The import would be refused:", problems_text(batch)]
    else:
        unmatched = sum(len(p.unmatched) for p in batch.plans)
        skipped = f", leaving out {unmatched} unmatched line(s)" if unmatched else ""
        out.append(
            f"Without --dry-run this becomes import {next_id}: {len(batch.facts)} figures for "
            f"{len(batch.areas)} areas{skipped}."
        )
    return "\n".join(out)


def imported(batch: Batch, record: ImportRecord, dataset: Dataset) -> str:
    labels = [dataset.indicator(i).short for i in batch.indicators]
    leps = sum(1 for a in batch.areas if dataset.is_lep(a))
    others = [a for a in batch.areas if not dataset.is_lep(a)]
    has_base = any(f.base for f in batch.facts)
    out = [
        f"Imported {batch.place} as {record.id}: {len(batch.facts)} figures for {leps} LEPs"
        + (f" and {', '.join(others)}" if others else "")
        + f" ({', '.join(labels)})"
        + (", with unweighted bases." if has_base else "."),
        _supersede_counts(batch),
    ]
    for plan in batch.plans:
        if plan.missing:
            out.append(missing_line(plan))
        if plan.unmatched:
            shown = [f"{m.label!r} ({m.position})" for m in plan.unmatched[:SHOWN_LINES]]
            more = len(plan.unmatched) - SHOWN_LINES
            out.append(
                f"Left out (--skip-unmatched): {', '.join(shown)}"
                + (f" and {more} more." if more > 0 else ".")
            )
        out += ["Periods:", *period_lines(plan)]
        for new in plan.new_indicators:
            out.append(f"New indicator {new['id']} ({new['label']}) can be asked about now.")
        out += [f"Note: {n}" for n in plan.notes]
    out += passed_over_lines(batch)
    out.append(f"Source as cited in replies: {batch.source}")
    first = labels[0] if labels else "work placements"
    out.append(f'Try: lepbot ask "top 5 for {first}"   Undo: lepbot data remove {record.id}')
    return "\n".join(out)


def listing(records: list[ImportRecord], dataset: Dataset, shipped: str, imports: str) -> str:
    shipped_facts = sum(1 for f in dataset.facts if f.layer == "shipped")
    out = [f"Shipped data: {shipped} ({shipped_facts} facts; never modified by imports)."]
    if not records:
        out.append(f"No imports in {imports}. Add one with: lepbot data import FILE")
        return "\n".join(out)
    out.append(f"Imports in {imports} (applied in this order; a later one wins a tie):")
    for r in records:
        out.append(f"  {r.summary}")
        src = dataset.source(r.id)
        if src.about:
            out.append(f"      {src.about}")
    return "\n".join(out)
