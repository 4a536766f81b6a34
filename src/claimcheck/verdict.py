"""Stage 6: compare values and decide agree / conflict / unsupported, with evidence and a reason."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

# Fingerprints belong to the gate; the pipeline numbers repeats there (gate.number_repeats).
from .gate import fingerprint
from .lexicon import UNITS
from .match import (
    RecordIndex,
    align,
    candidates,
    context_of,
    dates_a_statement,
    profile,
    same_event,
    similarity,
)
from .models import Claim, DateValue, Evidence, Finding, Quantity
from .render import value_text
from .resolve import GRANULARITY_ORDER

# Thresholds on the context score (match.similarity, 0..1), kept in one place.
# AGREE is low on purpose: a compatible value in the record is itself strong evidence, so the context
#   only has to show the record speaks of the same thing at all (shared subject or event words). On the
#   seeds, claims the record supports score 0.15-0.45 and coincidences of value score under 0.05
#   ("the record's 2016 summit" vs "a general's 2016 retirement": 0.03).
# CONFLICT: calling a claim false needs the record to speak clearly of the same fact, so a different
#   value in a loosely related sentence stays "unsupported" rather than a false alarm. Measured on the
#   seeds, related-but-different facts score up to 0.30 once acronyms and nouns are compared, while
#   edits that contradict the record score 0.34-0.46 (tests/data corpora: 0.45-0.96).
# MARGIN: a conflict must beat the best compatible statement by this much, so that a record stating
#   the claim's value in a similar sentence is not overruled by a near-duplicate with another date.
# CONFLICT_MEASURED: amounts with a unit (currency, percent, a measure) conflict at a lower score: a
#   record has a date on nearly every line but few figures in the same unit, so sharing the unit is
#   itself evidence of the same fact ("Revenue ... $1.4 billion" vs "Revenue ... $1.31 billion": 0.32).
AGREE = 0.10
CONFLICT = 0.33
CONFLICT_MEASURED = 0.30
MARGIN = 0.10
UNRELATED_SCAN = 10  # shortlisted record claims searched for a same-value coincidence to name in the reason
REL_TOLERANCE = 0.005  # exact figures agree within half a percent (rounding in transcription)


@dataclass(frozen=True)
class Interval:
    """The values an amount admits, in its own unit (infinite where a bound is open)."""

    low: float
    high: float


def _expand(value: DateValue, granularity: str) -> tuple[dt.date, dt.date]:
    """The date interval widened to whole units of `granularity`."""
    return _widen(value.start, value.end, granularity)


@lru_cache(maxsize=65536)
def _widen(start: dt.date, end: dt.date, granularity: str) -> tuple[dt.date, dt.date]:
    if granularity == "century":
        return dt.date(start.year // 100 * 100, 1, 1), dt.date(end.year // 100 * 100 + 99, 12, 31)
    if granularity == "decade":
        return dt.date(start.year // 10 * 10, 1, 1), dt.date(end.year // 10 * 10 + 9, 12, 31)
    if granularity in ("year", "season"):
        return dt.date(start.year, 1, 1), dt.date(end.year, 12, 31)
    if granularity == "month":
        return dt.date(start.year, start.month, 1), dt.date(end.year, end.month, calendar.monthrange(end.year, end.month)[1])
    return start, end


def _coarser(a: str, b: str) -> str:
    return max(a, b, key=GRANULARITY_ORDER.index)


def _is_range(value: DateValue) -> bool:
    return value.start != value.end and value.granularity in ("day", "month", "year") and (
        (value.granularity == "year" and value.start.year != value.end.year)
        or (value.granularity == "month" and (value.start.year, value.start.month) != (value.end.year, value.end.month)
            and value.text and re.search(r"\b(?:to|and|until|through)\b|[–—-]", value.text) is not None)
    )


def dates_compatible(a: DateValue, b: DateValue) -> bool:
    """Intervals overlap at the coarser granularity; two ranges must agree at both ends."""
    if a.start is None or b.start is None:
        return False
    gran = _coarser(a.granularity, b.granularity)
    a0, a1 = _expand(a, gran)
    b0, b1 = _expand(b, gran)
    if _is_range(a) and _is_range(b):
        return _expand_point(a.start, gran) == _expand_point(b.start, gran) and _expand_point(a.end, gran) == _expand_point(b.end, gran)
    return a0 <= b1 and b0 <= a1


def _expand_point(day: dt.date, gran: str) -> tuple[int, ...]:
    if gran in ("year", "season", "decade", "century"):
        return (day.year,)
    if gran == "month":
        return (day.year, day.month)
    return (day.year, day.month, day.day)


_DIMENSIONS = {name: (dimension, factor) for name, dimension, factor in UNITS.values()}


def _base(q: Quantity) -> tuple[str | None, float]:
    """The quantity's dimension and its factor to that dimension's base unit."""
    if q.unit is None:
        return None, 1.0
    return _DIMENSIONS.get(q.unit, (q.unit, 1.0))  # currencies, percent, times: compared only with themselves


def interval(q: Quantity) -> Interval:
    """The values a quantity admits, from its bounds and a rounding tolerance (its last written digit)."""
    tol = max(abs(q.value) * REL_TOLERANCE, (q.step or 0.0) / 2)
    low = q.low if q.low is not None else (q.value - tol if q.approx in ("exact", "about", "under") else float("-inf"))
    high = q.high if q.high is not None else (q.value + tol if q.approx in ("exact", "about", "over") else float("inf"))
    if q.approx in ("over", "at_least"):
        high = float("inf")
    if q.approx in ("under", "at_most") and q.low is None:
        low = float("-inf") if q.approx == "at_most" else q.value * 0.9
    return Interval(low, high)


def quantities_comparable(a: Quantity, b: Quantity) -> bool:
    """Same dimension (or both plain counts): then their values can agree or conflict."""
    return _base(a)[0] == _base(b)[0]


def quantities_compatible(a: Quantity, b: Quantity) -> bool:
    """Their admitted intervals intersect once both are in the same base unit."""
    if not quantities_comparable(a, b):
        return False
    fa, fb = _base(a)[1], _base(b)[1]
    ia, ib = interval(a), interval(b)
    return ia.low * fa <= ib.high * fb and ib.low * fb <= ia.high * fa  # tolerance is inside interval()


def compatible(claim: Claim, other: Claim) -> bool:
    """Whether two claims' values can both be true."""
    if claim.date and other.date:
        return dates_compatible(claim.date, other.date)
    if claim.quantity and other.quantity:
        return quantities_compatible(claim.quantity, other.quantity)
    return False


def comparable(claim: Claim, other: Claim) -> bool:
    """Whether two claims measure the same kind of thing, so that differing values conflict."""
    if claim.date and other.date:
        return other.date.start is not None
    if claim.quantity and other.quantity:
        return quantities_comparable(claim.quantity, other.quantity)
    return False


def totals(record_claims: list[Claim]) -> list[Claim]:
    """Synthetic record claims for the sum of several amounts of one unit in one sentence."""
    groups: dict[tuple[int, str | None], list[Claim]] = {}
    for c in record_claims:
        if c.quantity and c.quantity.unit not in ("percent", "times"):
            groups.setdefault((c.sentence_start, c.quantity.unit), []).append(c)
    out: list[Claim] = []
    for parts in groups.values():
        if len(parts) < 2:
            continue
        first = parts[0]
        lows = [interval(p.quantity).low for p in parts]
        highs = [interval(p.quantity).high for p in parts]
        value = sum(p.quantity.value for p in parts)
        quantity = Quantity(value=value, low=sum(lows), high=sum(highs), unit=first.quantity.unit,
                            approx="exact", noun=parts[-1].quantity.noun)
        quote = " + ".join(p.quote for p in parts)
        out.append(first.model_copy(update={"quantity": quantity, "quote": quote, "rule": "total"}))
    return out


def _evidence(record: Claim) -> Evidence:
    # model_construct: every field comes from a validated Claim, and this runs once per finding.
    return Evidence.model_construct(path=record.path, line=record.line, sentence=record.sentence, quote=record.quote)


def judge(claim: Claim, index: RecordIndex) -> Finding:
    """The verdict for one secondary claim against the indexed record."""
    fp = fingerprint(claim)
    if claim.date and claim.date.unresolved:
        return Finding(claim=claim, verdict="unsupported", evidence=None, score=0.0, fingerprint=fp,
                       reason="relative date in a source with no 'published' date: cannot be placed")
    ctx = profile(align(context_of(claim, index.links), index), index)
    best_agree: tuple[float, Claim] | None = None
    best_conflict: tuple[float, Claim] | None = None
    best_any = 0.0
    bar = CONFLICT_MEASURED if claim.quantity and claim.quantity.unit else CONFLICT
    shortlist = candidates(claim, ctx, index)
    for i in shortlist:
        other = index.claims[i]
        if not comparable(claim, other):
            continue
        score = similarity(ctx, index.profiles[i])
        best_any = max(best_any, score)
        could_agree = score >= AGREE and (best_agree is None or score > best_agree[0])
        could_conflict = score >= bar and (best_conflict is None or score > best_conflict[0])
        if not (could_agree or could_conflict):
            continue  # comparing values costs more than the score: skip what cannot become a best
        if compatible(claim, other):
            if could_agree:
                best_agree = (score, other)
        elif could_conflict and same_event(ctx, index.profiles[i]):
            # Calling a claim false needs the record to speak of the claim's own event: "reopened last
            # week after a fire two weeks ago" must not conflict with the fire's date.
            best_conflict = (score, other)
    agree_score = best_agree[0] if best_agree else 0.0
    if best_conflict and dates_a_statement(claim):
        best_conflict = None  # when someone said it is no claim about the record's events
    # A compatible statement below AGREE cannot block a conflict: CONFLICT_MEASURED >= AGREE + MARGIN.
    if best_conflict and best_conflict[0] >= agree_score + MARGIN:
        score, other = best_conflict
        return Finding(claim=claim, verdict="conflict", evidence=_evidence(other), score=score, fingerprint=fp,
                       reason=f"the record says {other.quote!r} ({value_text(other)}) for the same fact (line {other.line}); the claim says {value_text(claim)}")
    if best_agree:
        other = best_agree[1]
        return Finding(claim=claim, verdict="agree", evidence=_evidence(other), score=agree_score, fingerprint=fp,
                       reason=f"the record says {other.quote!r} for the same fact (line {other.line})")
    coincidence = next((index.claims[i] for i in shortlist[:UNRELATED_SCAN]
                        if comparable(claim, index.claims[i]) and compatible(claim, index.claims[i])), None)
    if coincidence is not None:
        reason = f"the record has a matching value ({coincidence.quote!r}, line {coincidence.line}) only in an unrelated context"
    else:
        reason = "the record does not state this"
    return Finding(claim=claim, verdict="unsupported", evidence=None, score=best_any, fingerprint=fp, reason=reason)
