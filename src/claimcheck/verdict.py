"""Stage 6: decide agree / conflict / unsupported from the features of the best record pairs.

The decision is two fitted logistic models over match.FEATURES, each the probability that a record
statement states the claim's own fact: one for statements whose value is compatible with the
claim's, one for those whose value is not. Three thresholds turn the best of each into a verdict.
All of it is estimated from the labelled corpora by fit.py and stored in verdict_weights.json
beside it; none is set by hand. A few rules come from the labelling convention instead: a planned
figure set against an outcome is another fact, so such a pair is never a conflict, and a claim's
plan never agrees with the record's outcome; nor do the date someone spoke on, a running figure of
another year or a table row for a subject the record never names contradict it (pairs); and of
statements of the very value, the structured one is cited (_structured), and of the statements an
agreement could cite, one whose sentence also states a value the claim's gives beside it (_beside). Fingerprints belong to the
gate: the orchestrator gives each finding its own there (gate.number_repeats), so a finding leaves
here with none.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import operator
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property, partial
from pathlib import Path
from typing import NamedTuple

from . import patterns
from .compare import (
    amounts_compatible,
    base_interval,
    comparable,
    compatible,
    transposed,
    value_text,
)
from .frame import context_of, dated_by, dates_a_statement, own_words, term, tokenize
from .lexicon import STOPWORDS
from .match import (
    CONTEXT,
    ELIDED,
    EVENT,
    FEATURES,
    Profile,
    RecordIndex,
    after_writing,
    aligned_terms,
    another_subject,
    candidates,
    claim_side,
    elided_unit,
    form_of,
    local_dollar,
    name_words,
    named_in,
    other_dated_row,
    other_row,
    pair_features,
    planned_to,
    profile,
    record_year,
    value_key,
    value_names,
)
from .models import Claim, Evidence, Finding, Source, changed
from .quantities import base_value, is_measure

WEIGHTS_FILE = Path(__file__).with_name("verdict_weights.json")
# For leave-one-corpus-out validation only: fit.py scores a held-out corpus with weights fitted
# without it by pointing this variable at them.
WEIGHTS_ENV = "CLAIMCHECK_VERDICT_WEIGHTS"


@dataclass(frozen=True)
class Logistic:
    """P(same fact) = sigmoid(bias + weights . features)."""

    bias: float
    weights: tuple[float, ...]

    def probability(self, features: tuple[float, ...]) -> float:
        # In C, and over the features of a non-zero weight only: a zero weight adds exactly 0.0 (the features
        # are finite), so the sum is the same to the last bit, and a side reads a half to two thirds of them.
        read, weights = self._read
        z = sum(map(operator.mul, weights, read(features) if read else features), self.bias)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    @cached_property
    def _read(self) -> tuple[Callable[[tuple[float, ...]], tuple[float, ...]] | None, tuple[float, ...]]:
        """What probability sums: a getter of the features of a non-zero weight and their weights (no getter: all)."""
        used = [k for k, w in enumerate(self.weights) if w != 0.0]
        if len(used) < 2:  # itemgetter gives a tuple only for two items or more
            return None, self.weights
        return operator.itemgetter(*used), tuple(self.weights[k] for k in used)


def decide(p_agree: float, p_conflict: float, agree_at: float, conflict_at: float, margin: float,
           p_against: float | None = None) -> str:
    """A verdict from the best compatible and incompatible probabilities and the three thresholds.

    `p_against`: the best compatible probability among statements that share some context with the
    claim (p_agree if not given). Only those stand against a conflict: a value the record also gives
    in words the claim has none of ("15 March" in another table row) is no sign the claim means it,
    as a near value in such words cannot contradict it (pairs).
    """
    if p_conflict >= conflict_at and p_conflict - (p_agree if p_against is None else p_against) >= margin:
        return "conflict"
    return "agree" if p_agree >= agree_at else "unsupported"


def stands_against(pair: Pair) -> bool:
    """Whether a compatible statement may stand against a conflict (decide's p_against): it shares some context
    and is not of another event."""
    # "announced the mission at the Summit in June" against the record's summit "in July 2018": the
    # record's "22 June 2018: the Council approves the Operations Plan" dates another event, and is no
    # sign that the claim means it. Held out (160 corpora): 6 more conflicts caught, 15 more said, 8 items
    # fewer right of 15,867; the development corpora in sample 1 fewer; test_gate's Brussels edit caught.
    return pair.agrees and pair.features[CONTEXT] > 0.0 and pair.features[EVENT] >= 0.0


@dataclass(frozen=True)
class Model:
    """The fitted decision: a model per side and the thresholds that turn probabilities into verdicts."""

    agree: Logistic
    conflict: Logistic
    agree_at: float  # the best compatible statement must reach this to agree
    conflict_at: float  # the best incompatible statement must reach this to conflict...
    margin: float  # ...and beat the best compatible one by this much
    bare_context: float = 0.0  # the context below which a compatible value counts as bare (match.bareness)

    def decide(self, p_agree: float, p_conflict: float, p_against: float | None = None) -> str:
        """The verdict for the best compatible and best incompatible probabilities (decide)."""
        return decide(p_agree, p_conflict, self.agree_at, self.conflict_at, self.margin, p_against)

    @classmethod
    def from_json(cls, data: dict) -> Model:
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"weights are for features {data['features']}, not {list(FEATURES)}: run fit.py")
        side = {k: Logistic(float(data[k]["bias"]), tuple(float(w) for w in data[k]["weights"])) for k in ("agree", "conflict")}
        t = data["thresholds"]
        return cls(side["agree"], side["conflict"], float(t["agree"]), float(t["conflict"]), float(t["margin"]),
                   float(data["bare_context"]))


@cache
def model() -> Model:
    """The fitted model (verdict_weights.json, or the file named by CLAIMCHECK_VERDICT_WEIGHTS)."""
    path = Path(os.environ.get(WEIGHTS_ENV) or WEIGHTS_FILE)
    return Model.from_json(json.loads(path.read_text(encoding="utf-8")))


class Pair(NamedTuple):
    """A record claim the claim was compared with: its index, whether the values agree, its features."""

    # A named tuple, not a frozen dataclass: one is made for every pair judged, and a frozen
    # dataclass's __init__ costs several times a tuple's.

    index: int
    agrees: bool
    features: tuple[float, ...]


def claim_profile(claim: Claim, index: RecordIndex) -> Profile:
    """The claim's context, spelled as the record spells it, ready for comparison."""
    ctx = context_of(claim, index.links)
    return profile(ctx, index, aligned_terms(ctx, index))


Dates = tuple[tuple[int, dt.date, dt.date], ...]  # a sentence's days and months: (offset in it, start, end)


# A value the writer denies ("17 campgrounds were closed, not 14", "about $16k, not the $14,800 they put out",
# "3.1 days instead of 4.5") is not stated beside the others: it is the figure corrected, which the
# asserted one may well contradict where the record gives it.
DENIED = patterns.compile(r"\b(?:not|rather[ \t]+than|instead[ \t]+of)(?:[ \t]+(?:the|a|an))?[ \t]*$", re.IGNORECASE)
DENIED_REACH = 20  # characters before a value in which the denial must end
# (sentence, value, whether the sentence denies it): what denied must read.
DENIED_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("I thought it was 17 campgrounds that got closed, not 14?", "14", True),
    ("An average line costs about $16k all in, not the $14,800 they put out.", "$14,800", True),
    ("The gap was even bigger: 3.1 days instead of 4.5.", "4.5", True),
    ("Attendance was 2,150 rather than the 2,300 first reported.", "2,300", True),
    ("I thought it was 17 campgrounds that got closed, not 14?", "17", False),
    ("The plant did not open until 2021.", "2021", False),  # "not" governs the verb, not the year
    ("It was not the first delay: 14 months passed.", "14 months", False),
)


def denied(claim: Claim) -> bool:
    """Whether the claim's sentence denies its value ("17, not 14": 14)."""
    at = claim.offset - claim.sentence_start  # search's end: DENIED's "$" stands right before the value
    return DENIED.search(claim.sentence, max(0, at - DENIED_REACH), at) is not None


def stated_beside(claims: Iterable[Claim]) -> dict[tuple[str, int, int], frozenset[tuple]]:
    """The values each claim's sentence states besides its own (value_key), by (path, sentence index, offset);
    not those it denies (DENIED)."""
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[(c.path, c.sentence_index)].append(c)
    out = {}
    for mates in by_sentence.values():
        kept = [o for o in mates if not denied(o)] if len(mates) > 1 else mates  # alone, it has no mates to deny
        for c in mates:
            out[(c.path, c.sentence_index, c.offset)] = frozenset(value_key(o) for o in kept if o is not c)
    return out


def sentence_dates(claims: Iterable[Claim]) -> dict[tuple[str, int], Dates]:
    """The days and months each sentence of a document states (its claims'), by (path, sentence index)."""
    out: dict[tuple[str, int], list] = defaultdict(list)
    for c in claims:
        if c.date and c.date.start and c.date.end and c.date.granularity in ("day", "month"):
            out[(c.path, c.sentence_index)].append((c.offset - c.sentence_start, c.date.start, c.date.end))
    return {k: tuple(v) for k, v in out.items()}


def sentence_facts(claims: list[Claim]) -> Callable[[Claim], tuple[Dates, frozenset[tuple]]]:
    """For each of `claims`, what its sentence states besides it: its days and months (sentence_dates) and
    the other claims' values (stated_beside), as pairs reads them."""
    dates, beside = sentence_dates(claims), stated_beside(claims)
    return lambda c: (dates.get((c.path, c.sentence_index), ()),
                      beside.get((c.path, c.sentence_index, c.offset), frozenset()))


def written_by(source: Source) -> dt.date | None:
    """The last day a document can have been written on: its `published` date, or the end of its month or year."""
    day = source.published
    if day is None or source.published_granularity in (None, "day"):
        return day
    if source.published_granularity == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day.replace(month=12, day=31)


def judge_all(claims: list[Claim], index: RecordIndex, written: dt.date | None = None) -> list[Finding]:
    """The finding of each secondary claim of a document, its sentence's dates and its date of writing
    (written_by) in view."""
    facts = sentence_facts(claims)
    secondary = [c for c in claims if c.role == "secondary"]
    judged = []
    for c in secondary:
        dates, stated = facts(c)
        judged.append(_judge_as_read(c, index, dates, written, stated))
    return _restated(secondary, judged, index)


def _judge_as_read(claim: Claim, index: RecordIndex, dates: Dates = (), written: dt.date | None = None,
                   stated: frozenset[tuple] = frozenset()) -> tuple[Finding, int]:
    """_judge's finding for the claim as_judged reads it, reported as written."""
    read = as_judged(claim, index)
    found, evidence = _judge(read, index, dates, written, stated)
    return (found if read is claim else changed(found, claim=claim)), evidence


def as_judged(claim: Claim, index: RecordIndex) -> Claim:
    """The claim as it is judged: a bare number in the unit the record writes it with (match.elided_unit), a
    yearless date in the year the record dates it (match.record_year)."""
    if claim.date:
        return record_year(claim, index)
    if dollar := local_dollar(claim, index):  # written with its own sign, not left out: read as written
        return changed(claim, quantity=changed(claim.quantity, unit=dollar))
    unit = elided_unit(claim, index)
    return changed(claim, quantity=changed(claim.quantity, unit=unit), rule=ELIDED) if unit else claim


# Between a value and the same value restated in other units: "17.3 km/s, or nearly 11 miles per
# second", "31.8 km (about 25 miles)", "100 ft / 30 m", "62 mph - about 100 km/h", "1,212 m, so nearly
# 4,000 ft", "42 km, which is 26 miles".
_RESTATING = patterns.compile(r"\s*(?:\(|,?\s*or|/|[–—-]|,\s*(?:i\.e\.|that is|so|which is|which's))\s*")


def restatements(claims: list[Claim]) -> list[tuple[int, int]]:
    """Pairs (i, j) of claims, j right after i in one sentence, where j restates i's measure in other units."""
    out = []
    for i in range(len(claims) - 1):
        a, b = claims[i], claims[i + 1]
        if not (a.quantity and b.quantity and a.sentence_start == b.sentence_start and a.path == b.path):
            continue
        if a.quantity.unit == b.quantity.unit or not is_measure(a.quantity.unit) or not comparable(a, b):
            continue  # another amount, or a currency (a rate of exchange is no conversion)
        gap = a.sentence[a.offset + len(a.quote) - a.sentence_start : b.offset - b.sentence_start]
        if _RESTATING.fullmatch(gap):
            out.append((i, i + 1))
    return out


def _restated(claims: list[Claim], judged: list[tuple[Finding, int]], index: RecordIndex) -> list[Finding]:
    """The findings, where a value restated in other units and found nothing for itself takes the record
    statement its twin was judged against: what one says of the record, the other says too.

    The conversion has no words of its own ("or nearly 11 miles per second") and its value is never the
    record's as written, so alone it is unsupported; against the statement of its twin it agrees, or
    conflicts: converted wrong ("31.8 km (about 25 miles)": its value does not hold its twin's), or as
    the conversion of a twin that conflicts ("about 240 kg (around 530 lb)" where the record gives 420 kg).
    """
    findings = [f for f, _ in judged]
    for i, j in restatements(claims):
        for lead, twin in ((i, j), (j, i)):
            found, evidence = judged[lead]
            if evidence < 0 or findings[twin].verdict != "unsupported":
                continue
            claim = claims[twin]
            # The record's own statement in the twin's unit, where its sentence gives one ("250 knots (463
            # km/h)"): the conversion is checked against it, and cited.
            evidence = next((k for k in index.siblings.get(index.claims[evidence].sentence_start, ())
                             if index.claims[k].quantity and index.claims[k].quantity.unit == claim.quantity.unit
                             and comparable(claim, index.claims[k])), evidence)
            other = index.claims[evidence]
            if not comparable(claim, other):
                continue
            mine = base_interval(claim.quantity)
            agrees = compatible(claim, other, mine, index.base_intervals[evidence])
            if not agrees and found.verdict == "agree" and mine[0] <= base_value(claims[lead].quantity)[1] <= mine[1]:
                continue  # a fair conversion of a twin that agrees ("92 feet (28 m)"): the rounding is the writer's
            said = f"restates {claims[lead].quote!r} in other units; the record states {other.quote!r}"
            findings[twin] = Finding(
                claim=claim, verdict="agree" if agrees else "conflict", evidence=_evidence(other), score=found.score,
                fingerprint=findings[twin].fingerprint,
                reason=f"{said} (line {other.line})" if agrees else
                       f"{said} ({value_text(other)}, line {other.line}); the claim says {claim.quote!r} ({value_text(claim)})")
    return findings


def pairs(claim: Claim, index: RecordIndex, ctx: Profile | None = None, dates: Dates = (),
          written: dt.date | None = None, stated: frozenset[tuple] = frozenset()) -> list[Pair]:
    """Every comparable shortlisted record claim with its features (what both judge and fit.py read).

    `dates`: the days and months the claim's sentence states (sentence_dates): those that date an
    amount (frame.dated_by) place it in a table's dated rows. `written`: the last day its document can
    have been written on (written_by): a date after it is still to come, a plan however it is worded.
    `stated`: the values the sentence's other claims state (stated_beside).
    """
    ctx = ctx or claim_profile(claim, index)
    if not ctx.planned and after_writing(claim, written):
        ctx = ctx._replace(planned=True)  # "The new rules kick in on 1 January 2024", written in 2023
    side = claim_side(claim, ctx, stated, model().bare_context)
    statement = dates_a_statement(claim)  # when someone said it is no claim about the record's events
    stranger = _stranger_row(claim, index)
    mine = base_interval(claim.quantity) if claim.quantity else None
    when = dated_by(claim, dates) if claim.quantity else ()
    own = None  # the capitalised words the claim's value owns, read once when a rule below needs them
    names = None  # the same, less a common word that only opens the sentence (match.value_names)
    words = None
    out = []
    found, worded = candidates(claim, ctx, index, side.key)
    # Read once: the loop below runs for every candidate of every claim.
    claims, profiles, intervals, keys = index.claims, index.profiles, index.base_intervals, index.keys
    row_names, row_dates, own_names = index.row_names, index.row_dates, index.own_names
    quantity, planned, period = claim.quantity, ctx.planned, ctx.period
    point, points = side.point, index.points  # dates with a start and an end: comparable, and compared faster
    for i in found:
        other = claims[i]
        b_point = points[i] if point is not None else None
        if b_point is None and not comparable(claim, other):
            continue
        # A table cell is its row's figure: a claim whose own words name another row of the table,
        # and not this one, is about that row ("SoFi Stadium" against the Stade de France row's attendance).
        if row_names[i]:
            own = own if own is not None else name_words(own_words(claim))
            words = words or (named_in(own, index), named_in(name_words(claim.sentence), index))
            if other_row(*words, index, i):
                continue
        # Likewise a cell of a row keyed by a date, when the claim's sentence dates it to another row.
        if quantity and row_dates[i] and other_dated_row(when, index, i):
            continue
        # And a value of a record sentence that gives several, when the claim's names are another's.
        if own_names[i]:  # both stand for named subjects: "Ferreira in 1:26:41 and Ståhl in 1:39:12"
            own = own if own is not None else name_words(own_words(claim))
            names = names if names is not None else value_names(claim, index.lower_words, own)
            if another_subject(names - STOPWORDS, index, i):
                continue
        if b_point is not None:
            agrees = point.compatible(b_point)
        elif mine is not None and not claim.date:  # amounts, found comparable above
            agrees = amounts_compatible(quantity, other.quantity, mine, intervals[i])
        else:
            agrees = compatible(claim, other, mine, intervals[i])
        if not agrees:
            # A record amount the claim's own sentence states beside it is not the one the claim misstates:
            # "only 46% of possession, and just 38% after the break" against "| Possession | 46% |". (Not a
            # date: "digging began in 1987 at the English end, and 1988 on the French side" may misdate one
            # of two parallel events the record dates alike. Nor a conversion, which restates it: "11.2 km
            # at its peak, that's about 42,000 feet" converts the record's 11.2 km, rightly or not.)
            if quantity and keys[i] in stated and quantity.unit == other.quantity.unit:
                continue
            # A statement that shares no word with the claim cannot contradict it, however near its value:
            # a near value is a candidate to be the same fact written wrong, which only words can show.
            # Except a figure of four digits or more (three with a unit) with two of them swapped ("£3,168,450"
            # for the record's "£3,186,450"): that alone tells the same figure written wrong (compare.transposed).
            if i not in worded and not transposed(quantity, other.quantity):
                continue
        # A plan or an expectation set against an outcome is another fact (the labelling convention):
        # "expected to cost $2.7 billion" cannot contradict what it did cost, and "will enter into
        # force on 19 February" does not report that it did. (A record that gives the plan, "is to be
        # completed in 2026", may still be agreed with by a claim that reports it done; and an amount
        # agreed or estimated ahead, "will buy it for $68.7 billion", "expected to cost $2.7 billion",
        # by the record's figure: the planned feature weighs such a pair.)
        b = profiles[i]
        b_planned = planned_to(ctx, index, i)
        if planned != b_planned and (not agrees or planned and claim.date):
            continue
        # A change over another period is another fact: "annual growth of 0.6%" is not the monthly 0.6%.
        if period and b.period and period != b.period:
            continue
        # Nor can the date someone spoke on ("AFP quoted on Friday") contradict the record's events, or
        # a running figure the writer dates ("3,806 as of 25 October 2015") a record figure of no such
        # year, the final count.
        if not agrees and (statement or stranger or ctx.as_of and not ctx.years & b.years):
            continue
        out.append((i, agrees, b_planned))
    features_of = pair_features(side, index, out)
    # ahead: no statement on the other side shares more context (match.FEATURES).
    best = {True: 0.0, False: 0.0}
    for (_, agrees, _), features in zip(out, features_of, strict=True):
        best[agrees] = max(best[agrees], features[CONTEXT])
    return [_pair((i, agrees, features + (_AHEAD if features[CONTEXT] >= best[not agrees] - 1e-9 else _BEHIND)))
            for (i, agrees, _), features in zip(out, features_of, strict=True)]


_AHEAD, _BEHIND = (1.0,), (0.0,)  # the last feature, added to the others' tuple (match.FEATURES)


# A Pair made from a tuple in C: namedtuple's own __new__ is a Python function, called for every pair.
_pair = partial(tuple.__new__, Pair)


def _stranger_row(claim: Claim, index: RecordIndex) -> bool:
    """A table cell whose row header names only things the record never mentions ("| Skyloft | $34 |" in
    a comparison table): a figure for another subject, which cannot contradict the record's."""
    if claim.block != "table_row" or not claim.row:
        return False
    terms = [t for _, w in tokenize(claim.row) if w[:1].isupper() and len(w) > 2 and (t := term(w))]
    return bool(terms) and not any(t in index.idf for t in terms)


def _evidence(record: Claim) -> Evidence:
    return Evidence(path=record.path, line=record.line, sentence=record.sentence, quote=record.quote)


def _about(ctx: Profile, index: RecordIndex, i: int) -> str:
    """What matched, in the record's words: its label or timeline event, the noun it counts, its event verb."""
    other = index.claims[i]
    label = (other.label or other.event or "").strip().rstrip(":")[:60]
    if label:
        return f"'{label}'"
    if other.quantity and other.quantity.noun:
        return f"'{other.quantity.noun}'"
    word = index.profiles[i].principal_word
    if word and ctx.principal and ctx.principal == index.profiles[i].principal:
        return f"what was '{word}'"
    return "the same fact"


def _structured(index: RecordIndex, scored: list[tuple[float, Pair]], best: int, agrees: bool, bar: float) -> int:
    """The evidence among statements of the very value the best one states: the one made to be looked up.

    A record often gives a value more than once: in its fact sheet, a table, prose, a timeline. Where the
    held-out corpora's labels had the choice they cite a fact sheet line over all else (1,064 to 147
    against prose), a table cell over prose in the development corpora (35 to 8; 99 to 109 held out),
    and prose over a timeline entry (164 to 66): _lookup ranks them so. Only one that clears the side's
    own threshold is taken; of equal rank, the likelier.
    """
    key = index.keys[best]
    found = [(_lookup(index.claims[pair.index]), p, pair.index) for p, pair in scored
             if pair.agrees == agrees and p >= bar and index.keys[pair.index] == key]
    mine = _lookup(index.claims[best])
    found = [f for f in found if f[0] > mine]
    return max(found)[2] if found else best


def _beside(index: RecordIndex, scored: list[tuple[float, Pair]], best: int, agrees: bool, bar: float,
            stated: frozenset[tuple], claim: Claim) -> int:
    """The evidence among statements that clear the side's threshold: one whose sentence states a value the
    claim's sentence states beside it, of another kind ('9.41 euros a kilogram last week' and '€9.41/kg (week
    ending 25 January 2026)'), else the likeliest. A value of the claim's own kind beside it is a parallel
    one (the exit poll's 368 beside the result's 365), which names no statement."""
    if not stated:
        return best
    own = _sort(value_key(claim))
    beside = {k for k in stated if _sort(k) != own}
    found = [(p, pair.index) for p, pair in scored if pair.agrees == agrees and p >= bar and _states_any(index, pair.index, beside)]
    return max(found)[1] if found else best


def _states_any(index: RecordIndex, i: int, keys: set[tuple]) -> bool:
    """Whether record claim i's sentence states one of `keys` besides claim i (read from its siblings, only for
    the few statements an agreement may cite)."""
    return any(j != i and index.keys[j] in keys for j in index.siblings.get(index.claims[i].sentence_start, ()))


def _sort(key: tuple) -> tuple:
    """What kind of value a value_key holds: a date, or an amount of one dimension."""
    return key[:1] if key[0] == "date" else key[:2]


_LOOKUP = {"sheet": 3, "table": 2, "prose": 1, "timeline": 0}


def _lookup(claim: Claim) -> int:
    """How plainly a statement is made to be looked up: a fact sheet line 3, a table cell 2, prose 1, a timeline entry 0."""
    return _LOOKUP[form_of(claim)]


def judge(claim: Claim, index: RecordIndex, dates: Dates = (), written: dt.date | None = None) -> Finding:
    """The verdict for one secondary claim against the indexed record (`dates`, `written`: as pairs reads them)."""
    return _judge_as_read(claim, index, dates, written)[0]


def _judge(claim: Claim, index: RecordIndex, dates: Dates = (), written: dt.date | None = None,
           stated: frozenset[tuple] = frozenset()) -> tuple[Finding, int]:
    """judge's finding, and the record claim it cites (-1 for none)."""
    fp = ""  # given by the gate (gate.number_repeats)
    if claim.date and claim.date.unresolved:
        return Finding(claim=claim, verdict="unsupported", evidence=None, score=0.0, fingerprint=fp,
                       reason="relative date in a source with no 'published' date: cannot be placed"), -1
    m = model()
    ctx = claim_profile(claim, index)
    best = {True: (0.0, -1), False: (0.0, -1)}
    scored = []
    p_against = 0.0
    agree_p, conflict_p = m.agree.probability, m.conflict.probability  # read once: called for every pair
    for pair in pairs(claim, index, ctx, dates, written, stated):
        p = (agree_p if pair.agrees else conflict_p)(pair.features)
        scored.append((p, pair))
        if p > best[pair.agrees][0]:
            best[pair.agrees] = (p, pair.index)
        if p > p_against and stands_against(pair):  # (a lower p would leave the max as it is)
            p_against = p
    (p_agree, agree_i), (p_conflict, conflict_i) = best[True], best[False]
    verdict = m.decide(p_agree, p_conflict, p_against)
    if verdict == "conflict":
        conflict_i = _structured(index, scored, conflict_i, False, m.conflict_at)
        other = index.claims[conflict_i]
        return Finding(claim=claim, verdict="conflict", evidence=_evidence(other), score=round(p_conflict, 4), fingerprint=fp,
                       reason=f"the record states {other.quote!r} ({value_text(other)}) for "
                              f"{_about(ctx, index, conflict_i)} (line {other.line}); "
                              f"the claim says {claim.quote!r} ({value_text(claim)})"), conflict_i
    if verdict == "agree":
        agree_i = _structured(index, scored, _beside(index, scored, agree_i, True, m.agree_at, stated, claim),
                              True, m.agree_at)
        other = index.claims[agree_i]
        return Finding(claim=claim, verdict="agree", evidence=_evidence(other), score=round(p_agree, 4), fingerprint=fp,
                       reason=f"the record states {other.quote!r} for {_about(ctx, index, agree_i)} "
                              f"(line {other.line})"), agree_i
    if agree_i >= 0:
        other = index.claims[agree_i]
        reason = f"the record has a matching value ({other.quote!r}, line {other.line}) only in an unrelated context"
    else:
        reason = "the record does not state this"
    return Finding(claim=claim, verdict="unsupported", evidence=None, score=round(max(p_agree, p_conflict), 4),
                   fingerprint=fp, reason=reason), -1
