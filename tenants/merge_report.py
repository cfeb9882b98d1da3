"""The text a merge prints: what would move and every conflict (dry run), what moved (report).

Plain text for the person at the terminal and for the reform's written record; English, like the
other commands' output.
"""

from __future__ import annotations

import textwrap

from tenants.merging import Clash, MergeResult, Plan

SHOWN_CLASHES = 5


def _names(plan: Plan, tenant_ids) -> str:
    return ", ".join(plan.portal(t).name_vi for t in tenant_ids)


def _clash_line(plan: Plan, clash: Clash) -> str:
    what = ", ".join(f"{c}={v}" for c, v in zip(clash.key.columns, clash.values, strict=True)) or "settings"
    portals = list(dict.fromkeys(t for t, _ in clash.rows))
    if clash.key.name == "people":
        return f"person #{clash.values[0]} has roles in {_names(plan, portals)}"
    return f"{what}: in {_names(plan, portals)}"


def _move_lines(plan: Plan) -> list[str]:
    lines = []
    for table in sorted(plan.moves, key=lambda t: (-plan.total_moved(t), t)):
        per_portal = ", ".join(f"{plan.portal(t).slug} {n}" for t, n in sorted(plan.moves[table].items()))
        lines.append(f"  {table:<32} {plan.total_moved(table):>7}   ({per_portal})")
    return lines or ["  (nothing)"]


def _conflict_lines(plan: Plan) -> list[str]:
    lines = []
    for table, clashes in plan.clashes.items():
        chosen = plan.resolutions.get(table)
        how = (
            f"resolved by {chosen[0]}{' (default)' if chosen[1] else ''}"
            if chosen
            else f"UNRESOLVED: add --resolve {table}=merge|rename|sum"
        )
        lines.append(f"  {table}: {len(clashes)} — {how}")
        lines += [f"    {_clash_line(plan, c)}" for c in clashes[:SHOWN_CLASHES]]
        if len(clashes) > SHOWN_CLASHES:
            lines.append(f"    … and {len(clashes) - SHOWN_CLASHES} more")
    return lines or ["  (none)"]


def describe_plan(plan: Plan) -> str:
    """The dry run: per table what would move from which portal, and every conflict."""
    into = f"{plan.into.slug} ({plan.into.name_vi})" + ("" if plan.into.id else ", to be created")
    lines = [
        f"Merge into {into}",
        "From: " + ", ".join(f"{p.slug} ({p.name_vi})" for p in plan.former),
    ]
    if plan.parent:
        lines.append(f"Parent: {plan.parent.slug} ({plan.parent.name_vi})")
    lines += ["", "Rows to move, per table:", *_move_lines(plan), "", "Conflicts:", *_conflict_lines(plan)]
    if plan.problems:
        lines += ["", "Problems:", *(f"  {p}" for p in plan.problems)]
    unresolved = plan.unresolved()
    if plan.problems or unresolved:
        lines += ["", "A real run would refuse to start until these are resolved."]
    return "\n".join(lines)


def describe_result(result: MergeResult, compact: bool = False) -> str:
    """After the merge: what moved, how each conflict was resolved, the aliases and redirects.
    `compact` (a report of many merges) puts the moves on a few lines and counts renamed rows."""
    plan = result.plan
    moved = sorted(result.moved.items(), key=lambda i: (-i[1], i[0]))
    lines = [
        f"{plan.into.slug} ({plan.into.name_vi}){' created' if result.created else ''}: "
        f"{sum(result.moved.values())} rows moved from {len(plan.former)} portals "
        f"({', '.join(p.slug for p in plan.former)}), now suspended.",
    ]
    if compact:
        text = f"Moved, in {len(moved)} tables: " + ", ".join(f"{t} {n}" for t, n in moved) + "."
        lines += textwrap.wrap(text, 96, subsequent_indent="  ", break_on_hyphens=False)
    else:
        lines += ["Moved, per table:", *(f"  {t:<32} {n:>7}" for t, n in moved)]
    if result.resolved:
        counts: dict[tuple[str, str], int] = {}
        for table, strategy, _ in result.resolved:
            counts[(table, strategy)] = counts.get((table, strategy), 0) + 1
        lines += ["Conflicts resolved:", *(f"  {t}: {n} by {s}" for (t, s), n in counts.items())]
    if result.renamed and not compact:
        lines += ["Renamed:", *(f"  {t}: {old} → {new} ({slug})" for t, old, new, slug in result.renamed)]
    elif result.renamed:
        tables = [t for t, *_ in result.renamed]
        lines += ["Renamed:", *(f"  {t}: {tables.count(t)} rows" for t in dict.fromkeys(tables))]
    if result.redirects:
        lines += [
            "Old paths redirected:",
            *(f"  {slug}: {old} → {new}" for slug, old, new in result.redirects),
        ]
    lines.append("Aliases (301 to the new portal): " + (", ".join(result.aliases) or "none"))
    if result.files:
        lines.append(f"Stored files re-keyed: {result.files}")
    return "\n".join(lines)
