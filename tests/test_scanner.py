"""rules.scanner writes a pattern's first characters into re's info block: exactly the characters of first_chars."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import extract, quantities, rules, sentences

from .test_prefilter import texts

# Every code point once, so that a pattern that finds each one it can start at names its whole set.
EVERY_CHARACTER = "".join(map(chr, range(0x110000)))
_ANY = re.compile(r"(?s:.)")

PATTERNS = {}
for _rule in extract.RULES:
    PATTERNS[f"{_rule.name}"] = _rule.pattern
    if _rule.hint is not None:
        PATTERNS[f"{_rule.name} (hint)"] = _rule.hint
PATTERNS.update({"features: fy/q": rules._FY_OR_Q, "features: glued month": rules._GLUED_MONTH,
                 "sentence boundary": sentences.BOUNDARY})
_SETS = {rules.first_chars(p): p for p in PATTERNS.values() if rules.start_set(p) is not None}


@pytest.mark.parametrize("ahead", sorted(_SETS))
def test_start_set_is_the_first_characters(ahead: str) -> None:
    """The info block's set (case variants spelt out) holds the code points the look-ahead accepts, no more, no fewer."""
    probe = rules._with_start_set(_ANY, rules._parser.parse(_ANY.pattern), rules.start_set(_SETS[ahead]))
    assert probe is not _ANY
    found = [m.start() for m in probe.finditer(EVERY_CHARACTER)]
    assert found == [m.start() for m in re.finditer(ahead, EVERY_CHARACTER)]


def test_case_insensitive_set_has_odd_cases() -> None:
    """"ſ" is an "s" and "K" (the Kelvin sign) a "k" to (?i:): both are in the set."""
    scan = rules.scanner(re.compile(r"\b(?i:spring|kelvin)\b"))
    assert [m.group() for m in scan.finditer("ſpring \u212aelvin SPRING")] == ["ſpring", "\u212aelvin", "SPRING"]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_scanner_is_the_pattern(name: str) -> None:
    """On the rules' own examples, the scanner finds what the pattern finds, with the same groups."""
    pattern = PATTERNS[name]
    scan = rules.scanner(pattern)
    texts = [m.text for r in extract.RULES for m in r.matches] + [t for r in extract.RULES for t in r.rejects]
    for text in texts:
        assert [(m.span(), m.groups()) for m in scan.finditer(text)] == [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_lean_pattern_finds_what_the_pattern_finds(text: str) -> None:
    """Where a rule may use its lean pattern (an ASCII sentence without the feature), it finds the same matches."""
    present = rules.features(text)
    for rule in extract.RULES:
        if rule.lean is not None and rule.lean_unless.isdisjoint(present) and text.isascii():
            lean = [(m.span(), m.groupdict()) for m in rule.lean_scan.finditer(text)] if rule.lean_scan else []
            assert lean == [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)], rule.name


def test_lean_pattern_is_used() -> None:
    """"12 of them" has no number word: the quantity rule reads it with its lean pattern, and still finds 12."""
    quantity = next(r for r in extract.RULES if r.name == "quantity")
    assert quantity.lean is not None and quantity.lean_unless.isdisjoint(rules.features("12 of them"))
    assert [c.spec.value for c in extract.candidates("12 of them") if c.rule == "quantity"] == [12]


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_chosen_is_select_of_candidates(text: str) -> None:
    """extract.chosen reads dates lazily; it chooses what select chooses from every candidate."""
    assert extract.chosen(text) == extract.select(extract.candidates(text))


_MASK_TOKENS = ("`x`", "http://a.b/c", "https://x", "www.x.org", "a@b.cc", "<b>", "[12]", "[1, 2]", "+44 20 7946 0958",
                "978-3-16-148410-0", "5 min read", "45 sec  read", "Figure 3", "Fig. 2", "Pie chart 2", "Chart 1", "Graph 4",
                "Diagram 5", "Plate 6", "Exhibit 7", "adapted from WHO", "Courtesy of X", "Source: Y", "credit: Z",
                "map.svg", "x.PNG", "a.ſvg", "km/h", "already", "/", "-", ".", "2004", "read", "the", "\n")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MASK_TOKENS) | st.text(max_size=3), max_size=10), st.sampled_from((" ", "", "-", "\n")))
def test_mask_needs_holds_for_every_mask(words: list[str], sep: str) -> None:
    """Every text a mask matches holds one of _MASK_NEEDS' texts: skipping MASKS without one changes nothing."""
    text = sep.join(words)
    for m in extract.MASKS.finditer(text):
        assert extract._MASK_NEEDS.search(m.group()) or extract._MASK_NEEDS.search(text, max(0, m.start() - 1), m.end()), m


def _noun_words_as_before(sentence: str, pos: int) -> list[str]:
    """quantities._noun_after's words as it read them before _PHRASE: word by word, stopping at punctuation."""
    words: list[re.Match[str]] = []
    for match in quantities._WORD.finditer(sentence, pos, min(len(sentence), pos + 60)):
        gap = sentence[pos : match.start()] if not words else sentence[words[-1].end() : match.start()]
        if gap.strip() or len(words) == 5:
            break
        words.append(match)
    return [w.group().lower() for w in words]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(("a", "Bc", "people", "5", "_", "'", "’", "-", " ", "  ", "\t", "\n", ",", ".", "é",
                                 "\u00a0", "\u2003")), max_size=30), st.integers(0, 40))
def test_phrase_reads_the_words_the_loop_read(parts: list[str], pos: int) -> None:
    sentence = "".join(parts)
    pos = min(pos, len(sentence))
    phrase = quantities._PHRASE.match(sentence, pos, min(len(sentence), pos + 60))
    assert ([w.lower() for w in phrase.groups() if w] if phrase else []) == _noun_words_as_before(sentence, pos)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(sorted(quantities.UNITS)) | st.sampled_from(sorted(quantities.APPROXIMATORS))
                | st.sampled_from((" ", "-", "\n", "\u00a0", "s", "/", "²", "x", "1", "(", "ſ", "\u212a", "İ", "ı")), max_size=5),
       st.booleans())
def test_word_tries_match_as_the_alternations(parts: list[str], upper: bool) -> None:
    """The unit and approximator patterns, built as tries, match what the plain alternations (longest first) matched."""
    text = "".join(parts).upper() if upper else "".join(parts)
    units = re.compile(r"(?P<sep>[ \u00a0\u202f]?-?|\n(?=[a-z°%])|)(?P<unit>"
                       + "|".join(map(re.escape, quantities._UNIT_FORMS)) + r")(?![\w²³/])", re.IGNORECASE)
    bounds = re.compile(r"(?:^|(?<=[\s(]))(?P<approx>" + "|".join(
        re.escape(a) for a in sorted(quantities.APPROXIMATORS, key=len, reverse=True)) + r")[ ]*\Z", re.IGNORECASE)
    for plain, trie, find in ((units, quantities._UNIT_AFTER, "match"), (bounds, quantities._APPROX_BEFORE, "search")):
        a, b = getattr(plain, find)(text), getattr(trie, find)(text)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_word_trie_refuses_folding_characters() -> None:
    with pytest.raises(ValueError):
        quantities.word_trie(["sa", "ſb"])  # "ſ" is an "s" under (?i:)


@given(st.sampled_from("sSſkK\u212aiIİıaAéÉßẞ1_µμΜσςΣ"), st.sampled_from("sSſkK\u212aiIİıaAéÉßẞ1_µμΜσςΣ"))
def test_word_trie_refuses_what_re_folds_together(a: str, b: str) -> None:
    """Two words at one node are refused exactly when (?i:) lets the first one's character match the second's."""
    folds = a != b and re.fullmatch(f"(?i:{re.escape(a)})", b) is not None
    try:
        quantities.word_trie([a + "x", b + "y"])
    except ValueError:
        assert folds
    else:
        assert not folds


_PLAIN_NUMBER_WORD = "(?:" + "|".join(quantities._NUMBER_WORD_LIST) + ")"
_PLAIN_NUMBER_PATTERN = re.compile(
    rf"{quantities._SIGNED}|(?P<words>\b(?i:(?:an?[ ](?={quantities._MULTIPLIER_WORD}))?{_PLAIN_NUMBER_WORD}"
    rf"(?:(?:[ ]+and[ ]+(?:a[ ]+)?|-and-(?:a-)?|[ ]+an?[ ]+|[ ]+|-){_PLAIN_NUMBER_WORD})*)\b))"
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(quantities._NUMBER_WORD_LIST) | st.sampled_from(
    (" ", "-", " and ", "a ", "an ", "5", "1,000", "ty", "teen", "s", "x", "ſ", "\u212a", "minus ", "−", "SEVEN", "Ten")),
    max_size=8))
def test_number_word_trie_matches_as_the_listed_words(parts: list[str]) -> None:
    """NUMBER_PATTERN with its number words as a trie finds what it found with them listed in order."""
    text = "".join(parts)
    found = [(m.span(), m.groupdict()) for m in quantities.NUMBER_PATTERN.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in _PLAIN_NUMBER_PATTERN.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1_ .#'’-\n\t,;½²ſ\u00a0Zé")), max_size=90), st.data())
def test_word_before_is_the_pattern_it_stands_for(sentence: str, data) -> None:
    from claimcheck.context import _word_before_by_regex, word_before

    start = data.draw(st.integers(min_value=0, max_value=len(sentence)))
    assert word_before(sentence, start) == _word_before_by_regex(sentence, start)


@pytest.mark.parametrize(("pattern", "few", "needs"), [
    (r"\d+ out of \d+", 8, ((" out of ",), ())),  # a run of literals no repetition leaves out
    (r"(?i)\d+ (?:hours?|months?)", 8, ((), ("hour", "month"))),  # matched ignoring case: lower-cased
    (r"[-–]", 8, (("-", "–"), ())),  # a short class: one text per character
    (r"[Tt]el\b", 8, (("el",), ())),  # a class of letters tells less than the run after it
    (r"\d+", 8, None),  # nothing literal
    (r"\d+(?:st|nd|rd|th)\b", 8, None),  # only short common words
    (r"(?=abc)\d", 8, None),  # a lookahead's text is not the match's
    (r"(?i)ſ", 8, None),  # folded by re as lower() does not fold it
    (r"(?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa)\d", 8, None),  # more texts than `few`
    (r"(?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa)\d", None,
     (("alpha", "beta", "delta", "epsilon", "eta", "gamma", "iota", "kappa", "theta", "zeta"), ())),
])
def test_needed_texts(pattern: str, few: int | None, needs) -> None:
    assert rules.needed_texts(re.compile(pattern), few=few) == needs


def _skipped(needs, text: str) -> bool:
    """Whether extract._hits skips a rule of these needed texts on `text` (lower-cased ones only on ASCII text)."""
    return not any(t in text for t in needs[0]) and not (
        needs[1] and (not text.isascii() or any(t in text.lower() for t in needs[1])))


@pytest.mark.parametrize("rule", [r for r in extract.RULES if r.needs is not None], ids=lambda r: r.name)
def test_no_example_of_a_rule_is_skipped_for_its_needed_texts(rule) -> None:
    # extract._hits skips a rule on a sentence without any of them: each example the rule must match holds one.
    for ex in rule.matches:
        assert not _skipped(rule.needs, ex.text), (rule.name, ex.text, rule.needs)


_PLAN_TOKENS = ("will", "Will", "would", "is set to", "scheduled", "Planned", "expected", "due", "target", "aims",
                "hoped", "put back", "pencilled in", "open", "opened", "in", "on", ";", ", and", ", which", "2026",
                "the", "bridge", "a village of", "reached its target", "since", "had", "ſ", "é")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PLAN_TOKENS), max_size=12), st.lists(st.sampled_from(_PLAN_TOKENS), max_size=4))
def test_the_plan_shortcut_answers_as_the_patterns_do(before: list[str], after: list[str]) -> None:
    """frame.is_planned skips its patterns where no word they need stands before the value: the same answer."""
    from claimcheck import frame

    head, tail = " ".join(before), " ".join(after)
    sentence = f"{head} 2027 {tail}".strip()
    q_start = sentence.index("2027")
    fast = frame.is_planned(sentence, q_start, q_start + 4)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(frame, "_PLAN_SCAN", None)
        assert frame.is_planned(sentence, q_start, q_start + 4) == fast


def test_the_shortcuts_are_derived_from_their_patterns() -> None:
    # Were a pattern edited so that needed_texts could no longer read it, the shortcut would quietly go.
    from claimcheck import frame

    assert frame._PLAN_SCAN is not None and extract._CHROME_WORDS is not None
    assert "will" in frame._PLAN_NEEDS[0][1] and "Retrieved" in extract._CHROME_NEEDS[0]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MASK_TOKENS) | st.text(max_size=3), max_size=10), st.sampled_from((" ", "", "-")))
def test_the_chrome_hint_runs_wherever_it_can_match(words: list[str], sep: str) -> None:
    from claimcheck.prefilter import holds_any

    text = sep.join(words)
    if extract._CHROME_HINT.search(text):
        assert holds_any(extract._CHROME_WORDS, text), text
