"""Text from documents and queries leaves policygraph as data, never as code.

A quote, a name or a query result can hold anything a document held: HTML that runs when a Markdown file
is rendered, terminal escape sequences that rewrite the screen, a spreadsheet formula, a password in a
URI. These helpers make each kind of output inert; the renderers call them on every string that did not
come from policygraph itself.

    md_text("<script>x</script> [a](javascript:b)")   # '&lt;script&gt;x&lt;/script&gt; \\[a\\](javascript:b)'
    for_terminal("\\x1b[2Jwiped")                        # '\\\\x1b[2Jwiped'
    csv_cell("=HYPERLINK(...)")                         # "'=HYPERLINK(...)"
    redact_uri("bolt://neo4j:secret@host:7687")         # 'bolt://neo4j:***@host:7687'
"""
from __future__ import annotations

import re

# -- Markdown ------------------------------------------------------------------------------------------
_MD = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]"})


def md_text(text) -> str:
    """Document text for a Markdown file: no raw HTML (tags, comments, entities) and no link or image syntax,
    so a renderer shows it as written and loads nothing."""
    return "" if text is None else str(text).translate(_MD)


# -- terminals -----------------------------------------------------------------------------------------
# C0 controls but tab and newline, DEL, C1 controls (8-bit CSI, OSC...), bidirectional overrides and isolates
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str, keep_newlines: bool = True) -> str:
    """Text for a terminal: every control character that could move the cursor, change colours, set the
    window title or reorder what is shown is printed as its escape (\\x1b, \\u202e) instead."""
    def show(m):
        ch = m.group(0)
        return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"

    text = _TERMINAL.sub(show, text)
    return text if keep_newlines else text.replace("\n", "\\n").replace("\t", " ")


def json_text(text: str) -> str:
    """JSON (already serialised) with the controls json.dumps leaves raw (C1, bidi) as \\u escapes: the same
    value for a parser, nothing for a terminal to act on."""
    return re.sub("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]",
                  lambda m: f"\\u{ord(m.group(0)):04x}", text)


# -- spreadsheets --------------------------------------------------------------------------------------
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value):
    """A cell for CSV that a spreadsheet opens: a text starting like a formula (=, +, -, @, tab, CR) gets a
    leading apostrophe, so it is shown as text and never evaluated. Numbers are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# -- credentials ---------------------------------------------------------------------------------------
_USERINFO = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^:@/\s]*)(?::(?P<pw>[^@/\s]*))?@")


def redact_uri(uri) -> str:
    """The URI with any password in it replaced by ***, for messages and progress lines."""
    if uri is None:
        return ""
    return _USERINFO.sub(lambda m: f"{m.group('scheme')}{m.group('user')}{':***' if m.group('pw') is not None else ''}@",
                         str(uri))


def redact(text: str, *secrets) -> str:
    """`text` with every secret (a password, say) replaced by ***."""
    for s in secrets:
        if s:
            text = text.replace(str(s), "***")
    return text
