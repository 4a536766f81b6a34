"""rules.scanner writes a pattern's first characters into re's info block: exactly the characters of first_chars."""

from __future__ import annotations

import re

import pytest

from claimcheck import extract, rules, sentences

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
