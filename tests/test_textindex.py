"""The quote index finds the same places as scanning the text, and prefers whole words."""

from __future__ import annotations

import random

from generator.quotes import SourceText, locate
from generator.quotes.textindex import KEY_CHARS, TextIndex

TEXT = "Het groen huis staat hier. Een huis is een thuis; (huis) en huizen, en huis."


def scan(text: str, phrase: str) -> list[int]:
    found, position = [], text.find(phrase)
    while position != -1:
        found.append(position)
        position = text.find(phrase, position + 1)
    return found


def test_word_starts_are_found_in_text_order():
    index = TextIndex(TEXT)
    assert index.word_starts_of("huis") == [i for i in scan(TEXT, "huis") if i == 0 or not TEXT[i - 1].isalnum()]
    assert index.word_starts_of("huis") == [10, 31, 51, 71]  # not inside "thuis"
    assert index.word_starts_of("uis") == []  # only inside words
    assert index.word_starts_of("Het groen huis staat hier.") == [0]
    assert index.word_starts_of("(huis)") == [50]
    assert index.word_starts_of("hu") == [10, 31, 51, 60, 71]


def test_phrases_longer_than_the_sort_key_are_checked_in_full():
    text = "a" * KEY_CHARS + " b. " + "a" * KEY_CHARS + " c."
    index = TextIndex(text)
    assert index.word_starts_of("a" * KEY_CHARS + " c.") == [KEY_CHARS + 4]
    assert index.word_starts_of("a" * KEY_CHARS + " d.") == []


def test_index_agrees_with_scanning_on_random_text():
    rng = random.Random(3)
    words = ["de", "den", "dender", "huis", "huizen", "'huis'", "(de", "e-mail", "één", "😀"]
    text = " ".join(rng.choice(words) for _ in range(3000))
    index = TextIndex(text)
    for phrase in ["de", "den d", "huis", "'huis' de", "één 😀", "(de huis", "mail", "x"]:
        expected = [i for i in scan(text, phrase) if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")]
        assert index.word_starts_of(phrase) == expected, phrase


def test_a_quote_that_starts_inside_a_word_is_still_found():
    source = SourceText("We bouwen sociale huurwoningen in elke wijk.\n", "hard")
    found = locate("woningen in elke wijk", source)
    assert found is not None
    assert source.text[found.start : found.end] == "woningen in elke wijk"


def test_word_start_match_wins_over_an_earlier_match_inside_a_word():
    source = SourceText("Het groen huis. Later: en huis staat er.\n", "hard")
    assert source.text.find("en huis") < source.text.index("Later")  # scanning would stop inside "groen"
    found = locate("en huis staat", source)
    assert source.text[found.start : found.end] == "en huis staat"
    found = locate("en huis", source)
    assert found.start == source.text.index("Later: en huis") + len("Later: ")
