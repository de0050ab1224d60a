"""A document as read (`raw`) and as cleaned for analysis (`text`), with offsets back to the raw text.

Every analysis works on `text`; every evidence span is mapped back through `offsets` so that
`raw[start:end] == quote` always holds for what we export.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Edit:
    """Replace raw[start:end] by `text` in the cleaned text (start == end inserts)."""

    start: int
    end: int
    text: str


@dataclass
class Document:
    id: str
    path: str
    format: str  # txt | md | html | pdf
    raw: str  # decoded text as read: evidence offsets point into this
    text: str = ""  # cleaned text for analysis
    offsets: list[int] = field(default_factory=list)  # len(text)+1: raw index of each clean char
    sentences: list[tuple[int, int]] = field(default_factory=list)  # spans in `text`
    sha256: str = ""
    warnings: list[str] = field(default_factory=list)  # what the reader had to say (encoding, nesting...)

    def __post_init__(self) -> None:
        if not self.text and not self.offsets:
            self.text = self.raw
            self.offsets = list(range(len(self.raw) + 1))

    @classmethod
    def from_edits(cls, id: str, path: str, format: str, raw: str, edits: list[Edit], **kw: Any) -> "Document":
        """Build the cleaned text by applying non-overlapping edits to `raw`, keeping offsets."""
        parts: list[str] = []
        offsets: list[int] = []
        pos = 0
        for e in sorted(edits, key=lambda e: (e.start, e.end)):
            if e.start < pos:  # overlapping edit: the earlier one wins
                continue
            parts.append(raw[pos:e.start])
            offsets.extend(range(pos, e.start))
            parts.append(e.text)
            # inserted characters point at the raw character they replace (or stand before)
            offsets.extend([e.start] * len(e.text))
            pos = e.end
        parts.append(raw[pos:])
        offsets.extend(range(pos, len(raw)))
        offsets.append(len(raw))
        return cls(id=id, path=path, format=format, raw=raw, text="".join(parts), offsets=offsets, **kw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets covering clean text[start:end] (end exclusive)."""
        if end <= start:
            r = self.offsets[start]
            return r, r
        rs = self.offsets[start]
        re_ = self.offsets[end - 1] + 1
        re_ = max(re_, rs)
        # trim raw whitespace at the edges so quotes start and end on text
        while rs < re_ and self.raw[rs].isspace():
            rs += 1
        while re_ > rs and self.raw[re_ - 1].isspace():
            re_ -= 1
        return rs, re_

    def quote(self, start: int, end: int) -> tuple[int, int, str]:
        rs, re_ = self.raw_span(start, end)
        return rs, re_, self.raw[rs:re_]

    def sentence_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.sentences]
