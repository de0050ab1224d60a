"""Colours, shapes and fonts of the view: per entity type from the ontology (the one source of truth)."""
from __future__ import annotations

import html
import re
from typing import Iterable

from ...ontology import load_model

DEFAULT_COLOR = "#9e9e9e"  # only for types the ontology does not know
DEFAULT_SHAPE = "dot"
PATH_COLOR = "#e8000b"  # vivid red: no ontology class uses it (Tol palette); reserved for --path
FONT_FACE = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"  # local fonts only
NODE_FONT_SIZE = 14
EDGE_FONT_SIZE = 11
NODE_FONT = {"face": FONT_FACE, "size": NODE_FONT_SIZE, "color": "#1b1b1b", "strokeWidth": 3,
             "strokeColor": "#ffffff"}
EDGE_FONT = {"face": FONT_FACE, "size": EDGE_FONT_SIZE, "color": "#4a4f57", "strokeWidth": 3,
             "strokeColor": "#ffffff", "align": "horizontal"}
EDGE_COLOR = {"color": "#8d939c", "highlight": "#30343a", "hover": "#30343a", "inherit": False}

VIS_SHAPES = {"dot", "ellipse", "circle", "database", "box", "text", "diamond", "star", "triangle",
              "triangleDown", "hexagon", "square"}
LABEL_INSIDE = {"ellipse", "circle", "database", "box", "text"}
# Synonyms an ontology might use for a vis-network shape.
SHAPE_ALIASES = {"rectangle": "box", "rect": "box", "roundrect": "box", "round-rectangle": "box",
                 "oval": "ellipse", "cylinder": "database", "triangle-down": "triangleDown",
                 "triangledown": "triangleDown", "invtriangle": "triangleDown", "octagon": "hexagon",
                 "point": "dot", "node": "dot", "rhombus": "diamond"}


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _names(items) -> list[str]:
    """Names from the ontology's entity_types / relations, whether a list, a dict or objects."""
    if items is None:
        return []
    if isinstance(items, dict):
        items = items.keys()
    return [str(it if isinstance(it, str) else getattr(it, "name", None) or getattr(it, "id", None) or it)
            for it in items]


class Styles:
    """Colour and shape of each entity type, read from the ontology."""

    def __init__(self, model=None) -> None:
        self.model = model if model is not None else load_model()
        self.entity_types = _names(getattr(self.model, "entity_types", None))
        self.predicates = _names(getattr(self.model, "relations", None))
        self._cache: dict[str, tuple[str, str]] = {}

    def of(self, type_: str) -> tuple[str, str]:
        if type_ not in self._cache:
            try:
                color = str(self.model.color(type_) or DEFAULT_COLOR)
            except (KeyError, ValueError, LookupError, TypeError):
                color = DEFAULT_COLOR
            try:
                shape = str(self.model.shape(type_) or DEFAULT_SHAPE)
            except (KeyError, ValueError, LookupError, TypeError):
                shape = DEFAULT_SHAPE
            self._cache[type_] = (safe_color(color), vis_shape(shape))
        return self._cache[type_]

    def type_order(self, present: Iterable[str]) -> list[str]:
        present = set(present)
        known = [t for t in self.entity_types if t in present]
        return known + sorted(present - set(known))

    def predicate_order(self, present: Iterable[str]) -> list[str]:
        present = set(present)
        return [p for p in self.predicates if p in present] + sorted(present - set(self.predicates))


def vis_shape(shape: str) -> str:
    if shape in VIS_SHAPES:
        return shape
    low = shape.strip().lower()
    for cand in VIS_SHAPES:
        if cand.lower() == low:
            return cand
    return SHAPE_ALIASES.get(low, DEFAULT_SHAPE)


def safe_color(color: str) -> str:
    color = color.strip()
    if re.fullmatch(r"#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?", color) or re.fullmatch(r"[a-zA-Z]{3,30}", color) or \
            re.fullmatch(r"(rgb|rgba|hsl|hsla)\([0-9.,%\s]+\)", color):
        return color
    return DEFAULT_COLOR


def _rgb(color: str) -> tuple[int, int, int] | None:
    m = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", color)
    if not m:
        return None
    h = m.group(1)
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def mix(color: str, other: tuple[int, int, int], t: float) -> str:
    rgb = _rgb(color)
    if rgb is None:
        return color
    return "#" + "".join(f"{round(a + (b - a) * t):02x}" for a, b in zip(rgb, other))


def text_color_on(color: str) -> str:
    rgb = _rgb(color)
    if rgb is None:
        return "#111111"
    lum = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    return "#111111" if lum > 140 else "#ffffff"
