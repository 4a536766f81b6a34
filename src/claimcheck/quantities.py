"""Stage 3b: the grammar of quantities (digits, number words, scales, units, bounds), as rules with examples."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import is_identifier_context, is_name_word, word_after, word_before
from .lexicon import (
    AMBIGUOUS_UNITS,
    APPROXIMATORS,
    CHROME_NOUNS,
    COUNT_NOUNS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DATE_LEADS,
    NUMBER_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    STOPWORDS,
    UNITS,
)
from .rules import Match, Rule


@dataclass(frozen=True)
class QuantitySpec:
    """A parsed quantity and the span its words cover within the sentence."""

    start: int
    end: int
    value: float
    unit: str | None
    approx: str
    low: float | None
    high: float | None
    noun: str | None
    bare: bool  # a plain number with no unit, scale, currency or bound
    scale: float = 1.0
    step: float | None = None  # place value of the last written decimal, times the scale


_NUMBER_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half)"
_DIGITS = (
    r"(?:\d{1,2},[ ]\d{1,2}(?=[ ]?(?:%|per[ ]?cent|percent))"  # "10, 60 percent": a decimal comma
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 15,000 and 1,234.5
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.])"  # 1.234.567 (two groups at least: 1.234 is a decimal)
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])"  # 15 000, with a space or a (narrow) no-break space
    r"|\d{1,3},\d{1,2}(?![\d])"  # 10,6: a decimal comma
    r"|\d+(?:\.\d+)?)"
)
NUMBER_PATTERN = re.compile(
    rf"(?<![\w.,/:])(?:(?P<digits>{_DIGITS})(?:[ ]?(?P<scale>(?i:hundred|thousand|million|billion|trillion))\b"
    rf"|(?P<abbr>bn|bln|mn|mln|tn|m|k|M|K|BN)\b)?"
    rf"|(?P<words>\b(?i:(?:an?[ ])?{_NUMBER_WORD}(?:(?:[ ]+and[ ]+(?:a[ ]+)?|[ ]+an?[ ]+|[ ]+|-){_NUMBER_WORD})*)\b))"
)
_PERCENT = re.compile(r"[ ]?(?:%|per[ ]?cent\b|percent\b|percentage[ ]+points?\b|pct\b)", re.IGNORECASE)
_MULTIPLIER = re.compile(r"(?:[ ]+times\b|-?fold\b)", re.IGNORECASE)
_CURRENCY_WORD_AFTER = re.compile(
    r"[ ]+(?P<cur>(?:US |Canadian |Australian )?(?:dollars?|euros?|pounds(?: sterling)?|yen|yuan|renminbi|rupees?|francs?)"
    r"|" + "|".join(sorted({c for c in CURRENCY_WORDS.values() if len(c) == 3})) + r")\b",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(
    r"(?P<cur>US\$|C\$|A\$|\$|€|£|¥|₹|(?i:\b(?:usd|eur|gbp|jpy|chf|cny|inr|cad|aud|euros?))[ ]?"
    r"|\b(?:" + "|".join(c for c in CURRENCY_WORDS.values() if len(c) == 3) + r")[ ]?)[ ]?\Z"
)
_UNIT_FORMS = sorted(UNITS, key=len, reverse=True)
_UNIT_AFTER = re.compile(
    r"(?P<sep>[ ]?-?|)(?P<unit>" + "|".join(re.escape(u) for u in _UNIT_FORMS) + r")(?![\w²/])",
    re.IGNORECASE,
)
_APPROX_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<approx>" + "|".join(re.escape(a) for a in sorted(APPROXIMATORS, key=len, reverse=True)) + r")[ ]*\Z",
    re.IGNORECASE,
)
_NOT_AFTER = re.compile(r"(?:st|nd|rd|th)\b|[:.]\d|[ ]?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)|[A-Za-z]", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_AGE_GROUP = re.compile(r"-(?:year|month|week|day)s?-olds\b", re.IGNORECASE)


MAX_DIGITS = 18


def parse_number_words(text: str) -> float | None:
    """Value of an English number phrase: "four hundred and twenty", "two and a half million"."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t]
    total, current, seen = 0.0, 0.0, False
    pending_half = False
    for index, token in enumerate(tokens):
        if token in ("a", "an"):
            if index == 0:
                current, seen = 1.0, True
            continue
        if token == "and":
            pending_half = tokens[index + 1 : index + 2] == ["half"] or tokens[index + 1 : index + 3] == ["a", "half"]
            continue
        if token == "half":
            if pending_half:
                current += 0.5
            else:
                current = (current or 1.0) * 0.5
            seen = True
            continue
        if token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
            seen = True
        elif token == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif token == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif token in SCALES:
            total += (current or 1.0) * SCALES[token]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def _digits_value(raw: str) -> float:
    """Value of a digit string with thousands separators or a decimal comma."""
    raw = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3})", "", raw)  # "15 000"
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        return float(raw.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", raw):
        return float(raw.replace(".", "").replace(",", "."))
    if "," in raw:
        return float(raw.replace(" ", "").replace(",", "."))
    return float(raw)


def _counts_follow(sentence: str, end: int) -> bool:
    """Whether a counted noun follows ("1.2m patients"): then "m" and "k" are scales, not units."""
    word = word_after(sentence, end).lower()
    return word in COUNT_NOUNS or (word.endswith("s") and len(word) > 3 and word not in STOPWORDS and word not in UNITS)


def _step(digits: str, scale: float) -> float | None:
    """The rounding a writer shows with decimals: "1.3" is 1.3 +/- 0.05; integers get none here."""
    decimals = re.search(r"[.,](\d{1,2})$", digits.replace(" ", "")) if not re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits) else None
    return 10.0 ** -len(decimals.group(1)) * scale if decimals else None


def _noun_after(sentence: str, pos: int) -> str | None:
    """The counted noun after a number: the first plural within a few words, else the first word."""
    words = []
    for match in _WORD.finditer(sentence, pos, min(len(sentence), pos + 60)):
        gap = sentence[pos : match.start()] if not words else sentence[words[-1].end() : match.start()]
        if gap.strip():
            break  # punctuation ends the noun phrase
        words.append(match)
        if len(words) == 5:
            break
    lowered = [w.group().lower() for w in words]
    if lowered and lowered[0].endswith("ed") and len(lowered[0]) > 4:
        return None  # "37 required treatment", "12 died": the number is the subject of a verb
    for word in lowered:
        if word in STOPWORDS and word not in ("and",):
            break
        if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            return word[:-1]
    first = lowered[0] if lowered else None
    return first if first and first not in STOPWORDS else None


def _build(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """Read a number with its scale, unit, currency and bound from the sentence around it."""
    start, end = m.start(), m.end()
    scale = 1.0
    if m["digits"]:
        if sum(ch.isdigit() for ch in m["digits"]) > MAX_DIGITS:
            return None  # an account number or a data dump, not an amount in prose
        value = _digits_value(m["digits"])
        if m["scale"]:
            scale = SCALES[m["scale"].lower()]
    else:
        parsed = parse_number_words(m["words"])
        if parsed is None:
            return None
        value = parsed
    if is_identifier_context(sentence, start):
        return None
    tail = sentence[end : end + 80]  # bounded: a slice to the sentence end is quadratic on long lines
    if m["words"] and tail[:1] == "-" and tail[1:2].isalpha() and not _UNIT_AFTER.match(tail):
        return None  # "a half-life", "two-thirds", "one-sided": a compound word, not an amount
    if _AGE_GROUP.match(tail):
        return None  # "five-year-olds", "18-year-olds": an age group, not an amount
    if m["digits"] and not m["scale"] and not m["abbr"] and _NOT_AFTER.match(tail) and not _UNIT_AFTER.match(tail):
        return None  # ordinal, time of day, version number, or a code such as "400M"

    unit: str | None = None
    currency = _CURRENCY_BEFORE.search(sentence, max(0, start - 6), start)
    if currency:
        unit = CURRENCY_SYMBOLS.get(currency["cur"].strip()) or CURRENCY_WORDS.get(currency["cur"].strip().lower())
        start = currency.start()
    if m["abbr"]:
        abbr = m["abbr"].lower()
        if abbr in ("m", "k") and not unit and not _counts_follow(sentence, m.end()):
            end = m.start("abbr")  # "a 5 m wall", "5k": a metre or a code, not a scale; re-read as a unit
        else:
            scale = SCALE_ABBREVIATIONS[abbr]  # "$4m", "1.2m patients", "20k runners"
    value *= scale
    tail = sentence[end : end + 80]  # bounded: a slice to the sentence end is quadratic on long lines
    if match := _PERCENT.match(tail):
        unit, end = "percent", end + match.end()
    elif match := _MULTIPLIER.match(tail):
        unit, end = "times", end + match.end()
    elif match := _CURRENCY_WORD_AFTER.match(tail):
        unit, end = CURRENCY_WORDS.get(match["cur"].split()[-1].lower(), match["cur"].upper()), end + match.end()
    elif not unit and (match := _UNIT_AFTER.match(tail)):
        form = match["unit"].lower()
        attached = match["sep"] == ""
        if form not in AMBIGUOUS_UNITS or attached or (m["digits"] and form not in ("in", "s", "h", "t", "g", "l", "w")):
            unit, end = UNITS[form][0], end + match.end()
    elif m["abbr"] and m["abbr"].lower() in ("m", "k") and not unit and scale == 1.0:
        return None  # "5k" with neither a count nor a unit after it: a code, not an amount

    start, approx, low, high, bound = _bounds(sentence, start, value)
    bare = unit is None and scale == 1.0 and not bound
    step = _step(m["digits"], scale) if m["digits"] else None
    return QuantitySpec(start, end, value, unit, approx, low, high, _noun_after(sentence, end), bare, scale, step)


def _bounds(sentence: str, start: int, value: float) -> tuple[int, str, float | None, float | None, bool]:
    """An approximator right before the amount ("over", "nearly", "up to"): new start, kind and bounds."""
    bound = _APPROX_BEFORE.search(sentence, max(0, start - 25), start)
    if not bound:
        return start, "exact", None, None, False
    word = bound["approx"].lower()
    approx = APPROXIMATORS[word]
    low = high = None
    if approx in ("over", "at_least"):
        low = value
    elif approx in ("under", "at_most"):
        high = value
        if word in ("nearly", "almost", "just under", "close to"):
            low = value * 0.9  # "nearly 2,000" is a little under 2,000, not any smaller number
    elif approx == "about":
        low, high = value * 0.9, value * 1.1
    return bound.start(), approx, low, high, True


_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                 "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
FRACTION_PATTERN = re.compile(
    r"\b(?P<num>(?i:an?|one|two|three|four|five|six|seven|eight|nine))[ -]"
    r"(?P<den>(?i:halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?))\b(?![ ]+of[ ]+(?:19|20)\d\d)"
)


def build_fraction(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """"a third", "two-thirds", "nearly a fifth": a share, as a fraction of one."""
    num = m["num"].lower()
    numerator = 1 if num in ("a", "an") else NUMBER_WORDS[num]
    value = numerator / _DENOMINATORS[m["den"].lower()]
    if value >= 1:
        return None
    start, approx, low, high, _ = _bounds(sentence, m.start(), value)
    return QuantitySpec(start, m.end(), value, None, approx, low, high, _noun_after(sentence, m.end()), False)


def _accept(spec: QuantitySpec, m: re.Match[str], sentence: str) -> bool:
    """Whether a parsed number is a claim: not page chrome, not part of a name, not an idiom."""
    words = m["words"]
    if words and spec.bare and spec.value == 1 and len(words.split()) == 1:
        return False  # "one of the most", "one another", "a"
    if words and words.lower().startswith(("a ", "an ")) and not spec.bare and spec.value == 1:
        return False
    if spec.noun in CHROME_NOUNS and len(sentence.split()) <= 8:
        return False  # "by Jane Doe 38 views": page chrome
    plain = re.sub(r"[ \u00a0\u202f]", "", m["digits"] or "")
    if spec.bare and plain.isdigit():  # digits with no decimal mark or comma ("747", "15 000")
        prev = word_before(sentence, m.start())
        if is_name_word(sentence, m.start(), prev) and prev.lower() not in DATE_LEADS:
            return False  # "Boeing 747", "Apollo 11": a number that is part of a name
        number = int(plain)
        if 1000 <= number <= 2199 and not spec.noun:
            return False  # a year the date rules refused (an identifier) is no amount either
    return not (spec.bare and spec.value == 0 and words)


def build_quantity(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """A quantity for a number match, or None when its context shows it is not an amount."""
    spec = _build(m, sentence)
    return spec if spec and _accept(spec, m, sentence) else None


QUANTITY_RULES: tuple[Rule, ...] = (
    Rule(
        "quantity", "quantity", NUMBER_PATTERN, build_quantity, requires=("digit|numword",),
        matches=(
            Match("Canada has committed 250 soldiers.", "250", value=250),
            Match("The mission trained 15,000 officers.", "15,000", value=15000),
            Match("1.8 Million Iraqis are still displaced.", "1.8 Million", value=1_800_000),
            Match("Over Euro 115 million worth of equipment was donated.", "Over Euro 115 million", value=115_000_000, unit="EUR"),
            Match("The fund raised nearly USD 300 million.", "nearly USD 300 million", value=300_000_000, unit="USD"),
            Match("The US pays 22.1 percent of the budget.", "22.1 percent", value=22.1, unit="percent"),
            Match("France pays 10, 60 percent of the budget.", "10, 60 percent", value=10.6, unit="percent"),
            Match("Turnout was 10,6% in the by-election.", "10,6%", value=10.6, unit="percent"),
            Match("Sixteen members cooperated.", "Sixteen", value=16),
            Match("The crowd of twelve thousand cheered.", "twelve thousand", value=12000),
            Match("They logged four hundred and twenty dives.", "four hundred and twenty", value=420),
            Match("The city has two and a half million residents.", "two and a half million", value=2_500_000),
            Match("The garrison would grow eight times.", "eight times", value=8, unit="times"),
            Match("Revenue rose to $4.2bn last quarter.", "$4.2bn", value=4.2e9, unit="USD"),
            Match("The marathon is 42.195 km long.", "42.195 km", value=42.195, unit="km"),
            Match("The comet passed within 3 million miles of Earth.", "3 million miles", value=3e6, unit="mi"),
            Match("The striker has scored twenty-five goals.", "twenty-five", value=25),
            Match("The reactor produces 1,600 MW of power.", "1,600 MW", value=1600, unit="MW"),
            Match("Nearly 2,000 courses were provided.", "Nearly 2,000", value=2000),
            Match("Upwards of 40 vessels were inspected.", "Upwards of 40", value=40),
            Match("The sample was heated to 120 °C.", "120 °C", value=120, unit="°C"),
            Match("The lab counted 1500 samples.", "1500", value=1500),
            Match("The storm displaced about 1500 people.", "about 1500", value=1500),
            Match("A dozen riders abandoned the stage.", "A dozen", value=12),
            Match("Shares fell 3.5% on Friday.", "3.5%", value=3.5, unit="percent"),
            Match("The festival lasts three-day weekends.", "three-day", value=3, unit="day"),
            Match("A 7.8-magnitude earthquake hit the coast.", "7.8", value=7.8),
            Match("The trust treated 1.2m patients last year.", "1.2m", value=1.2e6),
            Match("The sea wall is 5m high.", "5m", value=5, unit="m"),
            Match("Some 20k runners took part.", "Some 20k", value=20_000),
            Match("A 20-year-old man was arrested.", "20-year", value=20, unit="year"),
            Match("The stadium holds 15 000 spectators.", "15 000", value=15_000),
            Match("The offering raised NOK 640 million.", "NOK 640 million", value=640e6, unit="NOK"),
            Match("Revenue passed NOK 2 billion in 2022.", "passed NOK 2 billion", value=2e9, unit="NOK"),
            Match("Le budget atteint 1.234.567 euros.", "1.234.567 euros", value=1_234_567, unit="EUR"),
        ),
        rejects=(
            "by Jhon Lennon 38 views",
            "as soon as the Covid19 epidemic subsides",
            "Since World War II, the United States led.",
            "The council passed Resolution 1546 unanimously.",
            "It was one of the most significant threats.",
            "The Boeing 747 landed safely.",
            "The Airbus A400M is a transport aircraft.",
            "The COVID-19 pandemic slowed trade.",
            "The F-16 fleet was grounded.",
            "Python 3.11.7 was released.",
            "The Boeing 747 400 landed safely.",
            "The meeting starts at 10:30.",
            "She finished 2nd in the final.",
            "See section 4 for details.",
            "A fire broke out in warehouse 7 overnight.",
            "They met at the G7 summit.",
            "Carbon-14 has a long half-life.",
            "It was a one-sided final.",
            "Coverage among five-year-olds rose.",
        ),
    ),
)

QUANTITY_RULES += (
    Rule(
        "fraction", "quantity", FRACTION_PATTERN, build_fraction, requires=("numword|fraction",),
        matches=(
            Match("Emissions fell by a fifth in the decade.", "a fifth", value=0.2),
            Match("Two-thirds of members voted in favour.", "Two-thirds", value=2 / 3),
            Match("Nearly a third of the budget went to defence.", "Nearly a third", value=1 / 3),
            Match("Three quarters of the city was flooded.", "Three quarters", value=0.75),
        ),
        rejects=("Profits rose in the third quarter.", "A quarter of 2023 passed quietly."),
        priority=1,
    ),
)

# Ranges of amounts: "5,000 to 10,000 troops", "between 20 and 30 percent", "5-10 km".
RANGE_JOINERS = re.compile(r"\s*(?:–|—|-|to|and)\s*", re.IGNORECASE)  # fullmatch
RANGE_OPENERS = re.compile(r"(?:from|between)\s+$", re.IGNORECASE)
RANGE_EXAMPLES: tuple[Match, ...] = (
    Match("Between 20 and 30 percent of voters stayed home.", "20 and 30 percent", value=20, unit="percent"),
    Match("The quake killed 5,000 to 10,000 people.", "5,000 to 10,000", value=5000),
    Match("Estimates range from 2 to 3 million barrels.", "2 to 3 million barrels", value=2e6, unit="bbl"),
)
RANGE_REJECTS: tuple[str, ...] = ()
