"""Stage 5: compare a claim's context with the record's sentences through an index, not a full scan."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from .lexicon import MONTHS, NUMBER_WORDS, SCALES, STOPWORDS, WEEKDAYS
from .models import Claim
from .segment import segment

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*")
# Words that carry no subject: dates' own vocabulary and discourse filler.
_NOISE = frozenset(
    set(MONTHS) | set(WEEKDAYS) | set(NUMBER_WORDS) | set(SCALES) | {
        "year", "years", "month", "months", "week", "weeks", "day", "days", "today", "yesterday",
        "tomorrow", "ago", "last", "next", "previous", "following", "early", "mid", "late", "end",
        "beginning", "spring", "summer", "autumn", "winter", "percent", "cent", "million", "billion",
        "thousand", "hundred", "times", "said", "says", "say", "according", "also", "including",
        "new", "first", "second", "total", "number", "part", "well", "many", "several", "like",
        "would", "could", "since", "now", "time", "way",
    }
)
# Event verbs: different words for the same kind of event share one term.
EVENT_GROUPS = {
    "ev:start": "establish launch found creat start began begin begun open inaugurat initiat form commenc kick "
                "reopen resum restart",
    "ev:end": "end discontinu clos terminat conclud withdr withdrew withdrawn withdraw withdrawal finish dissolv "
              "disband ceas shut suspend",
    "ev:decide": "agre agr decid decision approv approval authoris authoriz adopt resolv endors",
    "ev:sign": "sign ratifi ratify",
    "ev:grow": "expand increas grow grew grown extend enlarg scal rais boost doubl tripl",
    "ev:shrink": "reduc decreas cut shrink shrank lower",
    "ev:join": "join member memb accession admit",
    "ev:train": "train instruct teach taught mentor",
    "ev:visit": "visit meet met",
    "ev:request": "request ask appeal invit",
    "ev:kill": "kill die died dead death fatality fatalit",
    "ev:win": "win won victory defeat beat",
}
_EVENT = {stem: group for group, stems in EVENT_GROUPS.items() for stem in stems.split()}
# Events said in several words, whose single words mean something else ("force" in "armed forces").
PHRASE_EVENTS = (
    (re.compile(r"\b(?:c[oa]me?s?|coming|enter(?:s|ed|ing)?|t[oa]ke?s?|taking|took|went|go(?:es)?)\s+(?:into\s+)?(?:force|effect)\b",
                re.IGNORECASE), "ev:start"),
    (re.compile(r"\b(?:set(?:s|ting)?|started?)\s+up\b|\btook\s+office\b", re.IGNORECASE), "ev:start"),
    (re.compile(r"\b(?:shut(?:s|ting)?|clos(?:e|es|ed|ing))\s+down\b|\bstep(?:s|ped|ping)?\s+down\b"
                r"|\bwound\s+up\b|\bleft\s+office\b", re.IGNORECASE), "ev:end"),
)
_ACRONYM = re.compile(r"((?:[A-Z][\w’'-]*[ \t]+){1,8}?[A-Z][\w’'-]*)[ \t]*\((?P<acr>[A-Z][A-Z0-9&.-]{1,9})\)")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix-stripping stem, enough to equate "trained", "training" and "trains"."""
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s?$", "", w)
    if len(w) <= 3:
        return w
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ness", ""), ("ments", ""), ("ment", ""),
                         ("ings", ""), ("ing", ""), ("ers", ""), ("ed", ""), ("es", "e"), ("er", ""),
                         ("ly", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith(("ss", "us", "is"))):
            w = w[: len(w) - len(suffix)] + repl
            break
    return w.rstrip("e") if len(w) > 4 else w


@lru_cache(maxsize=131072)
def term(word: str) -> str | None:
    """The matching term for a word: an event group, a stem, or None for noise."""
    lower = word.lower()
    if lower in STOPWORDS or lower in _NOISE or len(lower) < 2:
        return None
    s = stem(lower)
    # Exact stems only ("formally" and "initiative" are no events), plus the -ion noun ("creation").
    group = _EVENT.get(s) or (_EVENT.get(s[:-3]) if s.endswith("ion") else None)
    return group or s


@dataclass(frozen=True)
class Link:
    """An acronym defined in the record, with its long name as terms and as a phrase to find."""

    terms: frozenset[str]
    phrase: re.Pattern[str]


def acronyms(text: str) -> dict[str, Link]:
    """Acronym -> long name, from "NATO Training Mission-Iraq (NTM-I)" in the record."""
    links: dict[str, Link] = {}
    for match in _ACRONYM.finditer(text):
        words = [w for _, w in tokenize(match.group(1))]
        letters = re.sub(r"[^A-Z]", "", match.group("acr"))
        # Keep the shortest tail of the capitalised run whose initials spell the acronym.
        for cut in range(len(words)):
            initials = "".join(w[0] for w in words[cut:] if w[0].isupper())
            if initials and (initials.startswith(letters) or letters.startswith(initials)):
                words = words[cut:]
                break
        terms = frozenset(t for w in words for t in [term(w)] if t)
        if terms:
            phrase = re.compile(r"\b" + r"[\s\-–—]+".join(re.escape(w) for w in words) + r"\b", re.IGNORECASE)
            links[match.group("acr").lower()] = Link(terms, phrase)
    return links


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[tuple[int, str], ...]:
    """Words with their offsets; hyphenated words split ("capacity-building") unless all-caps ("NTM-I").

    Cached: every claim of a sentence reads the same tokens.
    """
    out: list[tuple[int, str]] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if "-" in word and not word.replace("-", "").isupper():
            pos = m.start()
            for part in word.split("-"):
                out.append((pos, part))
                pos += len(part) + 1
        else:
            out.append((m.start(), word))
    return tuple(out)


@dataclass
class Context:
    """Weighted terms around one claim (nearer the quote weighs more) and the acronyms it names."""

    weights: dict[str, float]
    acronyms: frozenset[str] = frozenset()
    noun: str | None = None  # a quantity's counted noun, as a term
    borrowed: frozenset[str] = frozenset()  # terms only the neighbouring sentences have
    principal: str | None = None  # the event verb nearest the quote: what the date or amount is of
    near_events: frozenset[str] = frozenset()  # event kinds within NEAR_TOKENS of the quote

    @property
    def terms(self) -> set[str]:
        return set(self.weights)


# Attribution is not the fact: the names around "said", "told", "according to" (who spoke) count
# this much, so "Stoltenberg said troops would grow" is matched on troops growing, not on Stoltenberg.
SPEAKER_WEIGHT = 0.3
SPEAKER_SPAN = 4  # tokens on each side of a reporting verb
# Verbs of speech: the date next to one is when someone spoke ("Lee said on Monday").
SPEECH = frozenset("said says told tells stated states added adds noted notes claimed claims argued argues "
                   "insisted explained wrote writes".split())
# Attribution more broadly, for down-weighting the speaker; an announcement or a declaration can be a
# recorded event in its own right, so these do not make a date a statement date.
REPORTING = SPEECH | frozenset("say announced announces according declared declares warned warns".split())
STATEMENT_SPAN = 3  # "said on Monday", "on Monday said", "told reporters on 3 May"


def dates_a_statement(claim: Claim) -> bool:
    """Whether a date is when someone spoke ("Lee said on Monday"), not when the fact happened."""
    if not claim.date:
        return False
    q_start = claim.offset - claim.sentence_start
    q_end = q_start + len(claim.quote)
    tokens = tokenize(claim.sentence)
    before = [w.lower() for pos, w in tokens if pos < q_start][-STATEMENT_SPAN:]
    after = [w.lower() for pos, w in tokens if pos >= q_end][:STATEMENT_SPAN]
    return bool(SPEECH.intersection(before[-2:] + after[:1]) or (SPEECH.intersection(before) and "on" in before[-1:]))


NEAR_TOKENS = 8  # words on each side of a quote that count fully; the rest of the sentence counts half
AFTER_PENALTY = 2  # extra distance for an event verb that follows the value
FAR_WEIGHT = 0.5
NAME_BOOST = 1.5  # capitalised words mid-sentence name things: they identify the fact more than verbs


# A record often dates a fact in one sentence and describes it in the next ("NMI was launched in July
# 2018. ... NMI is designed to ..."): the sentences around a record claim count, but only this much.
NEIGHBOUR_WEIGHT = 0.3


def context_of(claim: Claim, links: dict[str, Link] | None = None, neighbours: str = "", column: str = "") -> Context:
    """The claim's sentence as weighted terms, leaving out the quote itself (plus neighbours, lightly).

    `column` is the header of the table column a record value stands in ("Goals"): it names what
    the value counts, so it weighs fully and serves as the counted noun.
    """
    sentence = claim.sentence
    q_start = claim.offset - claim.sentence_start
    q_end = q_start + len(claim.quote)
    said_at, analysed = _sentence_terms(sentence)
    tokens = [a for a in analysed if not (q_start <= a.pos < q_end)]
    before = [i for i, a in enumerate(tokens) if a.pos < q_start]
    pivot = before[-1] + 0.5 if before else -0.5
    # A timeline entry ("22 June 2004: ...") is all about its date: every word counts as near.
    near = len(tokens) + NEAR_TOKENS if not before and sentence[q_end : q_end + 2].strip().startswith(":") else NEAR_TOKENS
    reporting = [i for i, a in enumerate(tokens) if a.pos in said_at]  # indices in `tokens`, quote left out
    weights: dict[str, float] = {}
    names: set[str] = set()
    principal: tuple[float, str] | None = None
    near_events: set[str] = set()
    for i, a in enumerate(tokens):
        t = a.term
        if not t:
            continue
        # The verb before a value usually governs it ("set up in 1998 and shut down in 2009").
        distance = pivot - i if i < pivot else i - pivot + AFTER_PENALTY
        if a.event and distance <= near:
            near_events.add(t)
            if principal is None or distance < principal[0]:
                principal = (distance, t)
        if a.acronym:
            names.add(t)
        w = 1.0 if abs(i - pivot) <= near else FAR_WEIGHT
        if a.name:
            w *= NAME_BOOST
            if any(abs(i - r) <= SPEAKER_SPAN for r in reporting):
                w *= SPEAKER_WEIGHT
        weights[t] = max(weights.get(t, 0.0), w)
        if links and a.lower in links:
            for linked in links[a.lower].terms:
                weights.setdefault(linked, w * 0.8)
    for acr, link in (links or {}).items():
        if acr not in weights and link.phrase.search(sentence):
            weights[acr] = max((weights.get(t, 0.0) for t in link.terms), default=1.0) or 1.0
            names.add(acr)
    borrowed: set[str] = set()
    for _, word in tokenize(neighbours) if neighbours else ():
        t = term(word)
        if t and t not in weights:
            weights[t] = NEIGHBOUR_WEIGHT
            borrowed.add(t)
    column_terms = [t for _, word in tokenize(column) for t in [term(word)] if t] if column else []
    for t in column_terms:
        weights[t] = max(weights.get(t, 0.0), 1.0)
    noun = term(claim.quantity.noun) if claim.quantity and claim.quantity.noun else None
    if claim.quantity and not noun and column_terms:
        noun = column_terms[-1]
    if noun:
        weights[noun] = max(weights.get(noun, 0.0), 1.0)
        borrowed.discard(noun)
    return Context(weights, frozenset(names), noun, frozenset(borrowed), principal[1] if principal else None,
                   frozenset(near_events))


@dataclass(frozen=True)
class _Token:
    """A word of a sentence read once for every claim in it: its term and what kind of word it is."""

    pos: int
    lower: str
    term: str | None  # None for stopwords and noise, which still count as distance
    event: bool  # an event kind ("ev:start"), from a verb or a multi-word phrase
    acronym: bool
    name: bool  # capitalised, not sentence-initial: names a thing


@lru_cache(maxsize=4096)
def _sentence_terms(sentence: str) -> tuple[frozenset[int], tuple[_Token, ...]]:
    """Offsets of reporting verbs, and the sentence's terms (cached: shared by a sentence's claims)."""
    words = tokenize(sentence)
    said_at = frozenset(pos for pos, word in words if word.lower() in REPORTING)
    phrases = {m.start(): (m.end(), group) for pattern, group in PHRASE_EVENTS for m in pattern.finditer(sentence)}
    inside = 0  # end of the phrase being read: its other words are part of the event, not terms
    out: list[_Token] = []
    for pos, word in words:
        if pos < inside:
            continue
        phrase = phrases.get(pos)
        if phrase:
            inside = phrase[0]
        t = phrase[1] if phrase else term(word)
        capital = word[0].isupper() and pos > 0
        if t and t.startswith("ev:") and not phrase and capital:
            t = stem(word)  # "the Global Coalition to Defeat ISIS": a capitalised verb is part of a name
        # Words with no term stay: they count in distances ("near", the speaker span).
        out.append(_Token(pos, word.lower(), t, bool(t) and t.startswith("ev:"), _is_acronym(word), capital))
    return said_at, tuple(out)


@lru_cache(maxsize=65536)
def _is_acronym(word: str) -> bool:
    """"NMI", "NTM-I", "IEDs": capitals (and digits or hyphens), at least two letters."""
    core = word[:-1] if word.endswith("s") and len(word) > 2 else word
    letters = [ch for ch in core if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


@dataclass(frozen=True)
class Profile:
    """A context ready for comparison: IDF-weighted, with its norms and telling sets precomputed."""

    weights: dict[str, float]
    terms: frozenset[str]
    events: frozenset[str]
    salient: frozenset[str]
    principal: str | None
    near_events: frozenset[str]
    noun: str | None
    norm: float  # Euclidean norm of the IDF-weighted vector (cosine)
    total: float  # sum of IDF-weighted weights (coverage)


@dataclass
class RecordIndex:
    """The record's claims with their profiles, posted by (kind, term), and term weights (IDF)."""

    claims: list[Claim]
    idf: dict[str, float]
    default_idf: float
    profiles: list[Profile] = field(default_factory=list)
    postings: dict[tuple[str, str], list[tuple[int, float]]] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    vocabulary: tuple[str, ...] = ()
    spellings: dict[str, str | None] = field(default_factory=dict)  # term -> nearest record spelling

    def weight(self, t: str) -> float:
        return self.idf.get(t, self.default_idf)


# Acronyms in more than a quarter of the record's sentences ("NATO" in a NATO record) tell nothing.
SALIENT_IDF = math.log(4)


def profile(ctx: Context, index: RecordIndex) -> Profile:
    """Precompute what every comparison of this context needs."""
    weights = {t: w * index.weight(t) for t, w in ctx.weights.items()}
    return Profile(
        weights=weights,
        terms=frozenset(weights),
        events=frozenset(t for t in weights if t.startswith("ev:")),
        salient=frozenset(t for t in ctx.acronyms if index.weight(t) >= SALIENT_IDF),
        principal=ctx.principal,
        near_events=ctx.near_events,
        noun=ctx.noun,
        norm=math.sqrt(sum(w * w for w in weights.values())),
        total=sum(weights.values()),
    )


def neighbour_texts(text: str, body_offset: int = 0, before: int = 1, after: int = 2) -> dict[int, str]:
    """Sentence start -> the text of the sentences around it in the same paragraph."""
    sentences = segment(text, body_offset)
    around: dict[int, str] = {}
    for i, sentence in enumerate(sentences):
        near = [o.text for o in sentences[max(0, i - before) : i + after + 1]
                if o is not sentence and o.paragraph == sentence.paragraph]
        around[sentence.start] = " ".join(near)
    return around


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def table_headers(text: str) -> dict[int, list[str]]:
    """Offset of each Markdown table row's first "|" (where its sentence starts) -> its header cells."""
    headers: dict[int, list[str]] = {}
    current: list[str] | None = None
    previous = ""
    pos = 0
    for line in text.split("\n"):
        if not line.lstrip().startswith("|"):
            current = None
        elif _TABLE_RULE.match(line) and previous.lstrip().startswith("|"):
            current = _cells(previous)
        elif current is not None:
            headers[pos + len(line) - len(line.lstrip())] = current
        previous, pos = line, pos + len(line) + 1
    return headers


def table_header(claim: Claim, headers: dict[int, list[str]]) -> tuple[str, str]:
    """For a value in a Markdown table row: the header row and its own column's header, else ("", "")."""
    header = headers.get(claim.sentence_start)
    if header is None:
        return "", ""
    column = claim.sentence[: claim.offset - claim.sentence_start].strip().lstrip("|").count("|")
    return " ".join(header), header[column] if column < len(header) else ""


def build_index(record_claims: list[Claim], record_text: str, body_offset: int = 0) -> RecordIndex:
    """Index the record's claims by their context terms, with IDF over the record's sentences."""
    links = acronyms(record_text)
    around = neighbour_texts(record_text, body_offset)
    headers = table_headers(record_text)
    contexts = []
    for c in record_claims:
        header, column = table_header(c, headers) if headers else ("", "")
        contexts.append(context_of(c, links, " ".join(filter(None, (around.get(c.sentence_start, ""), header))), column))
    sentences: dict[str, set[str]] = {}
    for claim, ctx in zip(record_claims, contexts, strict=True):
        sentences.setdefault(claim.sentence, set()).update(ctx.terms)
    df = Counter(t for terms in sentences.values() for t in terms)
    n = max(1, len(sentences))
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    index = RecordIndex(record_claims, idf, math.log((n + 1) / 0.5), links=links,
                        vocabulary=tuple(sorted(df)))
    index.profiles = [profile(ctx, index) for ctx in contexts]
    postings: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for i, (claim, ctx, prof) in enumerate(zip(record_claims, contexts, index.profiles, strict=True)):
        for t, w in prof.weights.items():
            if t not in ctx.borrowed:  # a claim is found by its own sentence; neighbours only add to its score
                postings[(claim.kind, t)].append((i, w))
    index.postings = dict(postings)
    return index


FUZZY_CUTOFF = 88  # rapidfuzz ratio for a spelling variant ("Brussel" ~ "Brussels", "Allawi" ~ "Alawi")


def align(ctx: Context, index: RecordIndex) -> Context:
    """Map terms the record never uses to the record's spelling of the same word, if close."""
    weights: dict[str, float] = {}
    for t, w in ctx.weights.items():
        if t in index.idf or t.startswith("ev:") or len(t) < 5:
            weights[t] = max(weights.get(t, 0.0), w)
            continue
        if t not in index.spellings:
            index.spellings[t] = _nearest(t, index.vocabulary)
        near = index.spellings[t]
        weights[near or t] = max(weights.get(near or t, 0.0), w)
    return Context(weights, ctx.acronyms, ctx.noun, ctx.borrowed, ctx.principal, ctx.near_events)


def _nearest(t: str, vocabulary: tuple[str, ...]) -> str | None:
    """The record's spelling closest to `t`, if close enough (cached per index in `spellings`)."""
    hit = process.extractOne(t, vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return hit[0] if hit else None


# Same actor, different event ("Stoltenberg meets" vs "Stoltenberg said troops would grow") is not the
# same fact: when both sides name an event kind and none is shared, the match counts this much.
EVENT_MISMATCH = 0.35
EVENT_MISSING = 0.8  # one side names no event kind: weaker evidence of the same fact
# The claim's own event (the verb nearest its date or amount) is not near the record claim's value.
PRINCIPAL_MISSING = 0.7
# Each side names a telling acronym the other lacks ("the NMI" vs "the NTM-I"): different subjects.
ENTITY_MISMATCH = 0.5
# Two amounts counting different things ("12,000 officers" vs "over 10,000 police personnel").
NOUN_MISMATCH = 0.7


def same_event(a: Profile, b: Profile) -> bool:
    """Whether the record claim can be about the claim's own event (its principal, if it has one)."""
    return a.principal is None or a.principal in b.events


def similarity(a: Profile, b: Profile) -> float:
    """How well record profile `b` matches claim profile `a`, 0..1, scaled by event agreement.

    The geometric mean of the cosine (both contexts alike) and of the claim's coverage (how much of
    what the claim says around its value the record sentence also says): cosine alone punishes a
    long record sentence that does state the fact; coverage alone rewards one that says everything.
    """
    shared = a.terms & b.terms
    if not shared or not a.norm or not b.norm or not a.total:
        return 0.0
    if a.events and b.events:
        factor = 1.0 if a.events & b.events else EVENT_MISMATCH
        if a.principal and a.principal not in b.near_events and factor == 1.0:
            # "began in 2018" vs a 2018 visit that mentions training; "took effect on 1 January 2021"
            # vs "May 2022" in a sentence whose "came into force" belongs to 1 January 2021.
            factor = PRINCIPAL_MISSING
    else:
        factor = EVENT_MISSING if a.events or b.events else 1.0
    if a.salient and b.salient and not a.salient & b.salient:
        factor *= ENTITY_MISMATCH
    if a.noun and b.noun and a.noun != b.noun:
        factor *= NOUN_MISMATCH
    aw, bw = a.weights, b.weights
    dot = found = 0.0
    for t in shared:  # one pass for both sums: this is the innermost loop of reconciliation
        x, y = aw[t], bw[t]
        dot += x * y
        found += x if x < y else y
    return factor * math.sqrt(dot / (a.norm * b.norm) * found / a.total)


# Candidate search visits at most this many postings per claim, rarest terms first, and compares
# fully only the best-scoring few: the cost per claim stays flat however large the record grows.
POSTINGS_BUDGET = 2000
SHORTLIST = 40


def candidates(claim: Claim, a: Profile, index: RecordIndex) -> list[int]:
    """Record claims of the same kind that share the claim's telling terms, best first (at most SHORTLIST)."""
    lists = [(t, index.postings.get((claim.kind, t))) for t in a.terms]
    lists = sorted(((t, p) for t, p in lists if p), key=lambda tp: (len(tp[1]), tp[0]))
    scores: dict[int, float] = defaultdict(float)
    visited = 0
    for t, posting in lists:
        if visited and visited + len(posting) > POSTINGS_BUDGET:
            break
        visited += len(posting)
        weight = a.weights[t]
        for i, w in posting:
            scores[i] += weight * w
    return sorted(scores, key=lambda i: (-scores[i], i))[:SHORTLIST]
