"""Weighing the clues against each other: the best-supported point, or a narrow window."""

from __future__ import annotations

import datetime as dt

from .clue import BASIS_RANK, Clue, DateCandidate, DateResult, Scored, iso


def _violation(point: dt.date, bound: Clue) -> int:
    """Days by which ``point`` falls outside ``bound`` beyond its tolerance (0 = inside)."""
    slack = dt.timedelta(days=bound.tolerance)
    if bound.lo is not None and point < bound.lo - slack:
        return (bound.lo - slack - point).days
    if bound.hi is not None and point > bound.hi + slack:
        return (point - bound.hi - slack).days
    return 0


def score(point: Clue, clues: list[Clue]) -> float:
    """A point's weight, lowered by each bound it breaks and raised by other points that agree."""
    assert point.date is not None
    score = point.weight
    for bound in clues:
        if bound.is_bound and bound.group != point.group:
            days = _violation(point.date, bound)
            if days:
                score *= 1 - bound.strength * min(1.0, 0.4 + days / 10)
    for other in clues:
        if other.is_point and other.group != point.group and other.date is not None and abs((other.date - point.date).days) <= 1:
            score = 1 - (1 - score) * (1 - 0.25 * other.weight)
    return score


def _scores(clues: list[Clue]) -> dict[int, float]:
    """Every point's score; alternative readings of one mention share theirs by how well each fits."""
    raw = {id(c): score(c, clues) for c in clues if c.is_point}
    totals: dict[str, float] = {}
    for clue in clues:
        if clue.is_point and clue.alt:
            totals[clue.alt] = totals.get(clue.alt, 0.0) + raw[id(clue)]
    for clue in clues:
        if clue.is_point and clue.alt and totals[clue.alt] > 0:
            raw[id(clue)] *= raw[id(clue)] / totals[clue.alt]
    return raw


UNDECIDED = 0.85  # alternatives scored within this ratio of the best one are not told apart
APART_DAYS = 31  # ... when they are further apart than this
RIVALS = 2  # more alternatives than this that the clues cannot tell apart give no date


def _rivals(best: Scored, scored: list[Scored]) -> list[Scored]:
    """The alternative readings of ``best``'s mention (another edition of a summit, say) that the other
    clues do not tell from it: far from it in time, scored alike."""
    if not best.clue.alt:
        return []
    return [s for s in scored if s.clue.alt == best.clue.alt and s is not best and abs((s.date - best.date).days) > APART_DAYS
            and s.score >= UNDECIDED * best.score]


def _rivals_among(best: Scored, clues: list[Clue]) -> list[Scored]:
    """:func:`_rivals` of ``best`` among the points of ``clues`` (scored only when it has alternatives)."""
    if not best.clue.alt:
        return []
    scores = _scores(clues)
    return _rivals(best, [Scored(c, scores[id(c)]) for c in clues if c.is_point])


def _undecided(scored: list[Scored]) -> set[str]:
    """Alternative readings of which more than ``RIVALS`` score alike: none of them is a date."""
    best: dict[str, Scored] = {}
    for item in scored:
        if item.clue.alt and (item.clue.alt not in best or item.score > best[item.clue.alt].score):
            best[item.clue.alt] = item
    return {alt for alt, top in best.items() if len(_rivals(top, scored)) + 1 > RIVALS}


def resolve(clues: list[Clue]) -> Scored | None:
    points = [c for c in clues if c.is_point]
    scores = _scores(clues)
    scored = [Scored(p, scores[id(p)]) for p in points]
    undecided = _undecided(scored)
    scored = [s for s in scored if s.clue.alt not in undecided]
    if not scored:
        return _range_only(clues)
    return max(scored, key=lambda s: (round(s.score, 6), -BASIS_RANK[s.clue.basis], s.clue.weight, -s.date.toordinal()))


NARROW_WINDOW = 60  # days: a window this narrow gives its first day (the day after the event that opens it)
WIDE_WINDOW = 366  # days: a wider window, up to this, gives its middle day, as a window of precision "year"


def _range_only(clues: list[Clue]) -> Scored | None:
    """No clue suggests a day: the window set by strong bounds on both sides, if it is at most a year
    wide. A narrow window gives its first day; a wider one, set by two different clues, its middle
    day, which is never more than half the window from the true one (the window itself is the
    answer: precision "year")."""
    los = [c for c in clues if c.is_bound and c.lo is not None and c.strength >= 0.5]
    his = [c for c in clues if c.is_bound and c.hi is not None and c.strength >= 0.5]
    if not los or not his:
        return None
    lo = max(los, key=lambda c: c.lo)  # type: ignore[arg-type,return-value]
    hi = min(his, key=lambda c: c.hi)  # type: ignore[arg-type,return-value]
    assert lo.lo is not None and hi.hi is not None
    width = (hi.hi - lo.lo).days
    if not 0 <= width <= (NARROW_WINDOW if lo.group == hi.group else WIDE_WINDOW):
        return None  # a wide window needs two clues (one clue's own envelope, "within a year before", names no day)
    why = lo.evidence if lo is hi else f"{lo.evidence}; {hi.evidence}"
    basis = lo.basis if lo.basis != "stated" else "derived"
    if width <= NARROW_WINDOW:
        weight = round(0.3 * (1 - width / 90), 3)
        day, why = lo.lo, f"{why} -> the window's first day"
    else:
        weight = 0.05
        day, why = lo.lo + dt.timedelta(days=width // 2), f"a window of {width} days, its middle day: {why}"
    clue = Clue(lo.kind, basis, why, day, weight, group="range", window=(lo.lo, hi.hi))
    return Scored(clue, weight)


def lower_bound(clues: list[Clue]) -> dt.date | None:
    """The latest strong 'on or after' bound, as a provisional anchor for dates without a year."""
    los = [c.lo for c in clues if c.is_bound and c.lo is not None and c.strength >= 0.4]
    return max(los) if los else None


def _supporting(best: Scored, clues: list[Clue]) -> str:
    """A short note of the other kinds of clue that agree with the chosen date."""
    kinds = {c.kind for c in clues if c.is_point and c.group != best.clue.group and c.date is not None and abs((c.date - best.date).days) <= 1}
    kinds.discard(best.clue.kind)
    return f"; agrees with {', '.join(sorted(kinds))}" if kinds else ""


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


STRONG_BOUND = 0.4  # bounds at least this strong narrow the window of the chosen day
PRECISION = ((7, "day"), (62, "month"))  # window widths (days) for each precision; wider: year


def window(best: Scored, clues: list[Clue], rivals: list[Scored] | None = None) -> tuple[dt.date, dt.date]:
    """The days the evidence allows around the chosen day: its clue's own window, narrowed by the
    strong bounds of other clues that the day keeps (a bound it breaks lost to it), and widened to
    an alternative reading the clues do not tell from it (the other edition of a summit; ``rivals``
    when the caller has them)."""
    lo, hi = best.clue.window or (best.date, best.date)
    if rivals is None:
        rivals = _rivals_among(best, clues)
    if rivals:
        return min(lo, best.date, *(r.date for r in rivals)), max(hi, best.date, *(r.date for r in rivals))
    for bound in clues:
        if not bound.is_bound or bound.strength < STRONG_BOUND or bound.group == best.clue.group:
            continue
        if (bound.lo is not None and best.date < bound.lo) or (bound.hi is not None and best.date > bound.hi):
            continue
        if bound.lo is not None and bound.lo > lo:
            lo = bound.lo
        if bound.hi is not None and bound.hi < hi:
            hi = bound.hi
    return min(lo, best.date), max(hi, best.date)


def precision(first: dt.date, last: dt.date) -> str:
    width = (last - first).days
    return next((name for limit, name in PRECISION if width <= limit), "year")


def result(best: Scored | None, clues: list[Clue]) -> DateResult:
    scores = _scores(clues)
    candidates = [
        DateCandidate(iso(c.date) if c.is_point else None, c.basis, c.kind, _clip(c.evidence), round(c.weight if c.is_point else c.strength, 3),
                      round(scores.get(id(c), 0.0), 3), iso(c.lo), iso(c.hi))
        for c in clues
    ]
    candidates.sort(key=lambda c: (c.date is None, -c.score, -c.weight, c.kind, c.date or "", c.evidence))
    if best is None:
        return DateResult(None, "unknown", None, 0.0, tuple(candidates))
    rivals = _rivals(best, [Scored(c, scores[id(c)]) for c in clues if c.is_point]) if best.clue.alt else []
    alike = f"; as likely: {', '.join(sorted({r.date.isoformat() for r in rivals}))}" if rivals else ""
    suffix = (alike + _supporting(best, clues))[:90]
    evidence = _clip(best.clue.evidence, 200 - len(suffix)) + suffix
    confidence = round(max(0.05, min(0.99, best.score)), 2)
    first, last = window(best, clues, rivals)
    date_range = (first.isoformat(), last.isoformat()) if first < last else None
    return DateResult(best.date.isoformat(), best.clue.basis, evidence, confidence, tuple(candidates), date_range, precision(first, last))
