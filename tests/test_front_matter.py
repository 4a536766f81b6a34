"""Simple front matter is read without YAML (sources._simple_front_matter), exactly as YAML reads it."""

from __future__ import annotations

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimcheck import sources

KEYS = st.sampled_from(["title", "author", "publisher", "published", "role", "url", "Title", "_x", "on", "Yes", "null"])
VALUES = st.one_of(
    st.sampled_from(["2018-12-10", "2018", "0001", "1.5e3", "0x1F", "yes", "No", "TRUE", "null", "~", "", "record",
                     "a: b", "a #b", "it's", '"quoted"', "'single'", "\"esc\\\"aped\"", "x\u2028y", "tab\there", "[a, b]",
                     "&anchor x", "*alias", "!!str 5", "- item", "a  b  ", "\ufeffbom", "é ü 中文", "(NATO)", ".inf"]),
    st.text(alphabet=st.sampled_from("aZ09 .,_/()+-#:'\"\\é\t!?&;%$*@`[]{}|>\u00a0\u2028\ufeff\x85中"), max_size=12),
)


def _line(key: str, value: str, quote: str, comment: str) -> str:
    written = f"{quote}{value}{quote}" if quote else value
    return f"{key}:{' ' + written if written else ''}{comment}"


LINES = st.builds(_line, KEYS, VALUES, st.sampled_from(["", '"', "'"]), st.sampled_from(["", "  # note", "#x", " #"]))
EXTRA = st.sampled_from(["", "# a comment", "   ", "  indented: x", "- a", "plain words"])


def _yaml(raw: str) -> object:
    """What the YAML path makes of the front matter, or the error it raises."""
    try:
        data = yaml.load(raw, Loader=sources._loaders()[1])  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError:
        return "error"
    return {} if data is None else data


@settings(max_examples=3000, deadline=None)
@given(lines=st.lists(st.one_of(LINES, EXTRA), max_size=6))
@example(lines=['title: "Relations with Iraq"', 'role: "record"', "published: 2018-12-10  # estimated"])
@example(lines=["title: a", "title: b"])
def test_simple_front_matter_reads_as_yaml(lines: list[str]) -> None:
    raw = "\n".join(lines) + "\n"
    simple = sources._simple_front_matter(raw)
    if simple is not None:
        assert simple == _yaml(raw)


def test_the_bundled_kinds_of_front_matter_are_simple() -> None:
    raw = 'title: "What does NATO want in Iraq?"\nauthor: Valeria Rodriguez\npublished: 2018-12-10  # estimated\nurl:\n'
    assert sources._simple_front_matter(raw) == {"title": "What does NATO want in Iraq?", "author": "Valeria Rodriguez",
                                                 "published": "2018-12-10", "url": None}
