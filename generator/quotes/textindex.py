"""Find a phrase in a long text by binary search instead of by scanning the text.

`str.find` reads the whole source for every quote, so checking all quotes of a
source costs (number of quotes × length of the source): quadratic when both grow,
as they do for a national programme. `TextIndex` sorts the start of every word
once, by the text that follows it (n log n), and then finds all the places where a
phrase starts a word in (log n + hits) steps, which keeps quote location linear
in the size of the data. Memory is one 8-byte integer per word.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left

KEY_CHARS = 32  # characters compared when sorting; longer phrases are checked in full
_WORD_START = re.compile(r"(?<!\w)\S")  # any visible character that does not continue a word


class TextIndex:
    def __init__(self, text: str):
        self.text = text
        starts = [match.start() for match in _WORD_START.finditer(text)]
        starts.sort(key=self._key)
        self.starts = array("q", starts)

    def _key(self, position: int) -> str:
        return self.text[position : position + KEY_CHARS]

    def word_starts_of(self, phrase: str) -> list[int]:
        """Every position, in text order, where `phrase` occurs at the start of a word."""
        probe = phrase[:KEY_CHARS]
        first = bisect_left(self.starts, probe, key=self._key)
        found = []
        for index in range(first, len(self.starts)):
            position = self.starts[index]
            if not self.text.startswith(probe, position):
                break
            if self.text.startswith(phrase, position):
                found.append(position)
        return sorted(found)
