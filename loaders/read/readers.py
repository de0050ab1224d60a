"""Read .txt/.md/.html/.htm/.pdf files into repaired Documents, with one-line LoadErrors.

`read_document(path)` never lets a library exception escape: every failure is a `LoadError`
whose message names the file and the reason.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from pathlib import Path
from typing import Any, Callable, Iterable

from .document import Document
from .errors import LoadError
from .repair import repair

SUPPORTED = (".txt", ".md", ".html", ".htm", ".pdf")
FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}
MAX_BYTES = 50 * 1024 * 1024
# Text as read, in characters (about 2,500 pages). Reading costs ~50 bytes of memory per character (the
# offset map back to the raw text), so this bounds a document's memory at ~250 MB before extraction.
MAX_CHARS = 5_000_000
MAX_CONTROL_RATIO = 0.05
PAGE_SEPARATOR = "\n\f\n"
# PDF: pages (20,000 cheap pages took 43 s to refuse by length; 5,000 is twice the text limit's ~2,500 pages),
# and what a content stream may inflate to: a compressed stream is checked while it is inflated, in slices,
# so a small file that inflates to gigabytes is refused in a fraction of a second and a few MB of memory.
# PDFium needs up to ~2 s and ~100 MB per MB of dense text operators in a page, so a page's content may
# inflate to a few MB (a page of text needs well under 100 kB; fonts and images are not counted).
MAX_PAGES = 5_000
MAX_STREAM_BYTES = 4 * 1024 * 1024  # one content stream (a page, a form), inflated
MAX_INFLATED_BYTES = 256 * 1024 * 1024  # all the content streams of a file, inflated
MAX_PDF_SECONDS = 60.0  # reading a PDF's text (in a worker process, stopped then)
# HTML: the parser's time grows faster than linearly with nesting (100k nested <div>: 47 s); tags deeper than
# this are left out before parsing (their text stays)
MAX_HTML_DEPTH = 512


def _supported_list() -> str:
    return " ".join(SUPPORTED)


def iter_paths(paths: Iterable[str | os.PathLike], on_error: Callable[[LoadError], None] | None = None,
               skip: Callable[[Path, bool], str | None] | None = None,
               on_skip: Callable[[Path, str], None] | None = None, follow_symlinks: bool = False) -> list[Path]:
    """Files to read: files as given (any extension: read_document judges them), directories
    expanded recursively to their supported files, sorted. Missing paths, symlink loops and
    unreadable directories raise LoadError, or with `on_error` are passed to it and skipped.

    Inside a directory, a symbolic link is followed only when it points inside that directory (a link to
    /etc/passwd or to '..' is not read), unless `follow_symlinks`. `skip(path, is_dir)` may name a reason not
    to read a file or enter a directory (a build folder, policygraph's own outputs); skipped paths and links
    not followed are passed to `on_skip(path, reason)`."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        path = Path(p)
        try:
            try:
                st = path.stat()
            except RuntimeError as err:  # pragma: no cover - older Pythons report loops this way
                raise LoadError(path, f"symlink loop ({err})") from None
            except OSError as err:
                if path.is_symlink():
                    raise LoadError(path, _os_reason(err, "broken or looping symlink")) from None
                raise LoadError(path, _os_reason(err, "no such file or directory")) from None
        except LoadError as err:
            if on_error is None:
                raise
            on_error(err)
            continue
        if stat.S_ISDIR(st.st_mode):
            for f in _walk(path, on_error, skip, on_skip, follow_symlinks):
                if f not in seen:
                    seen.add(f)
                    out.append(f)
        else:
            if path not in seen:
                seen.add(path)
                out.append(path)
    return out


def _walk(root: Path, on_error: Callable[[LoadError], None] | None = None,
          skip: Callable[[Path, bool], str | None] | None = None,
          on_skip: Callable[[Path, str], None] | None = None, follow_symlinks: bool = False) -> list[Path]:
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()
    top = Path(os.path.realpath(root))

    def problem(err: LoadError) -> None:
        if on_error is None:
            raise err
        on_error(err)

    def skipped(p: Path, reason: str) -> None:
        if on_skip is not None:
            on_skip(p, reason)

    def outside(p: Path) -> bool:
        """A symbolic link whose target is not inside the folder being read."""
        target = Path(os.path.realpath(p))
        return target != top and top not in target.parents

    def visit(d: Path) -> None:
        try:
            st = d.stat()
        except OSError as err:
            return problem(LoadError(d, _os_reason(err, "cannot read directory")))
        key = (st.st_dev, st.st_ino)
        if key in visited:
            return problem(LoadError(d, "symlink loop (directory already visited)"))
        visited.add(key)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as err:
            visited.discard(key)
            return problem(LoadError(d, _os_reason(err, "cannot read directory")))
        for entry in entries:
            p = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows symlinks
                link = entry.is_symlink()
            except OSError as err:
                problem(LoadError(p, _os_reason(err, "cannot read")))
                continue
            if not is_dir and p.suffix.lower() not in SUPPORTED:
                continue
            if link and not follow_symlinks:
                if is_dir:
                    skipped(p, "a symbolic link to a folder (not followed; --follow-symlinks to read it)")
                    continue
                if outside(p):
                    skipped(p, "a symbolic link to a file outside the folder (not followed; --follow-symlinks "
                               "to read it)")
                    continue
            reason = skip(p, is_dir) if skip is not None else None
            if reason is not None:
                skipped(p, reason)
                continue
            if is_dir:
                visit(p)
                continue
            try:
                entry.stat()
            except OSError as err:
                problem(LoadError(p, _os_reason(err, "broken or looping symlink")))
                continue
            found.append(p)
        visited.discard(key)  # only ancestors count as a loop; a shared subdirectory is fine

    visit(root)
    return sorted(found)


def _os_reason(err: OSError, default: str) -> str:
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, IsADirectoryError):
        return "is a directory, not a file"
    if getattr(err, "errno", None) == 40:  # ELOOP
        return "symlink loop"
    return err.strerror or default


def read_document(path: str | os.PathLike) -> Document:
    """Read one file into a repaired Document (id = file stem, sha256 of the file bytes)."""
    p = Path(path)
    ext = p.suffix.lower()
    try:
        if ext not in FORMATS:
            if p.is_dir():
                raise LoadError(p, "is a directory, not a file")
            shown = ext or "(none)"
            raise LoadError(p, f"unsupported file type '{shown}' (supported: {_supported_list()})")
        data = _read_bytes(p)
        fmt = FORMATS[ext]
        warnings: list[str] = []
        if fmt == "pdf":
            raw = _pdf_text(p, data)
        else:
            text = _decode(p, data, warnings)
            raw = _html_text(p, text, warnings) if fmt == "html" else text
            if fmt != "html" and not raw.strip():
                raise LoadError(p, "empty document")
        if len(raw) > MAX_CHARS:
            raise LoadError(p, f"text too long ({len(raw) / 1e6:.1f} million characters > {MAX_CHARS / 1e6:g} million "
                               "limit); split it into smaller documents")
        doc = repair(p.stem, str(p), fmt, raw)
        doc.sha256 = hashlib.sha256(data).hexdigest()
        doc.warnings = warnings
        if not doc.text.strip():
            raise LoadError(p, "empty document")
        return doc
    except LoadError:
        raise
    except MemoryError:
        raise LoadError(p, "out of memory while reading") from None
    except Exception as err:  # never a traceback: name the failure on one line
        raise LoadError(p, f"could not read ({type(err).__name__}: {err})") from None


def _read_bytes(p: Path) -> bytes:
    try:
        st = p.stat()
    except OSError as err:
        raise LoadError(p, _os_reason(err, "cannot read")) from None
    if stat.S_ISDIR(st.st_mode):
        raise LoadError(p, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise LoadError(p, "not a regular file")
    if st.st_size > MAX_BYTES:
        raise LoadError(p, f"file too large ({st.st_size / 1024 / 1024:.0f} MB > {MAX_BYTES // (1024 * 1024)} MB limit)")
    try:
        with open(p, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as err:
        raise LoadError(p, _os_reason(err, "cannot read")) from None
    if len(data) > MAX_BYTES:  # grew while we looked
        raise LoadError(p, f"file too large (> {MAX_BYTES // (1024 * 1024)} MB limit)")
    return data


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _decode(p: Path, data: bytes, warnings: list[str] | None = None) -> str:
    """UTF-8 (BOM stripped), UTF-16/32 by BOM; bytes that are not UTF-8 are read as Windows-1252 when they
    look like a one-byte encoding (accented letters inside words, typographic quotes), else as UTF-8 with
    each bad byte shown as U+FFFD (a stray byte in a UTF-8 file, or bytes that are no text at all: never
    letters an entity could be made of). Either way `warnings` gets one line saying so.
    Binary content (NUL bytes or >5% control characters) is refused."""
    if not data.strip():
        raise LoadError(p, "empty document")
    warnings = warnings if warnings is not None else []
    text: str | None = None
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                     (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError:
                raise LoadError(p, f"invalid {enc.upper()} text (after a byte-order mark)") from None
            break
    if text is None:
        if b"\x00" in data:
            raise LoadError(p, "binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            text = _not_utf8(data, err.start, warnings)
    if "\x00" in text:
        raise LoadError(p, "binary file, not text")
    if text and len(_CONTROL.findall(text)) > MAX_CONTROL_RATIO * len(text):
        raise LoadError(p, "binary file, not text")
    if not text.strip():
        raise LoadError(p, "empty document")
    return text


_CP1252_PUNCT = frozenset("\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u2022\u20ac\u00a3\u00b0\u00a9\u00ae\u00a7"
                          "\u00ab\u00bb\u00a0\u00b7\u2122")


def _looks_like_one_byte_text(text: str) -> bool:
    """Whether the non-ASCII characters of a Windows-1252 reading look like text: letters inside words and
    typographic punctuation, not runs of symbols and C1 controls (what random bytes give)."""
    plausible = total = 0
    for i, ch in enumerate(text):
        if ord(ch) < 0x80:
            continue
        total += 1
        if ch in _CP1252_PUNCT:
            plausible += 1
        elif ch.isalpha():
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
                plausible += 1
    return total > 0 and plausible >= 0.8 * total


def _not_utf8(data: bytes, first_bad: int, warnings: list[str]) -> str:
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    multibyte = sum(1 for ch in as_utf8 if ord(ch) >= 0x80 and ch != "\ufffd")
    if bad <= multibyte:  # mostly UTF-8, with a few stray bytes (a paste from another encoding)
        warnings.append(f"{bad} byte{'s' if bad != 1 else ''} that are not UTF-8 (mixed encodings? first at byte "
                        f"{first_bad}) shown as U+FFFD")
        return as_utf8
    try:
        legacy = data.decode("cp1252")
    except UnicodeDecodeError:
        legacy = None  # bytes cp1252 leaves undefined: no one-byte text either
    if legacy is not None and _looks_like_one_byte_text(legacy):
        warnings.append(f"not UTF-8 (first at byte {first_bad}): read as Windows-1252; save it as UTF-8 if "
                        "accented letters look wrong")
        return legacy
    # bytes that are text in no encoding: a run of them is shown as U+FFFD throughout, so that the odd
    # valid sequence inside random bytes never becomes letters (and a 'name' the extractor could take)
    text = _JUNK_RUN.sub(lambda m: "\ufffd" * len(m.group(0)), as_utf8)
    warnings.append(f"{bad} bytes that are not text in any encoding policygraph knows (first at byte {first_bad}) "
                    "shown as U+FFFD")
    return text


_JUNK_RUN = re.compile("[^\x00-\x7f]*\ufffd[^\x00-\x7f]*")


# --------------------------------------------------------------------------------------------
# HTML

_DROP_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section
    summary table tbody td tfoot th thead tr ul title""".split()
)


_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>", re.DOTALL)
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
# tags a parser closes when the next one of their kind opens (a page of unclosed <p> is flat, not deep)
_SELF_CLOSING = frozenset("p li dt dd tr td th option".split())


def bounded_nesting(html: str, limit: int = MAX_HTML_DEPTH) -> tuple[str, int]:
    """The HTML with every tag nested deeper than `limit` left out (text kept), and the deepest nesting seen.
    One pass of a regular expression: linear, whatever the input."""
    stack: list[tuple[str, bool]] = []
    deepest = 0
    drop: list[tuple[int, int]] = []
    for m in _TAG.finditer(html):
        closing, name = m.group(1), (m.group(2) or "").lower()
        if not name:
            continue  # a comment
        if closing:
            while stack:
                top, dropped = stack.pop()
                if dropped and top == name:
                    drop.append(m.span())
                if top == name:
                    break
            continue
        if name in _VOID or m.group(3):
            continue
        if name in _SELF_CLOSING and stack and stack[-1][0] == name:
            stack.pop()
        deep = len(stack) >= limit
        stack.append((name, deep))
        deepest = max(deepest, len(stack))
        if deep:
            drop.append(m.span())
    if not drop:
        return html, deepest
    parts, pos = [], 0
    for a, b in drop:
        parts.append(html[pos:a])
        parts.append(" ")
        pos = b
    parts.append(html[pos:])
    return "".join(parts), deepest


def _html_text(p: Path, html: str, warnings: list[str] | None = None) -> str:
    """Visible text: blocks separated by blank lines, whitespace inside a block collapsed."""
    try:
        from selectolax.lexbor import LexborHTMLParser as HTMLParser  # selectolax >= 0.3.21
    except ImportError:  # pragma: no cover - a declared dependency
        raise LoadError(p, "reading HTML needs the 'selectolax' package") from None
    html, deepest = bounded_nesting(html)
    if deepest > MAX_HTML_DEPTH and warnings is not None:
        warnings.append(f"HTML nested {deepest} levels deep: the tags below level {MAX_HTML_DEPTH} were left out "
                        "(their text is kept)")
    try:
        tree = HTMLParser(html)
        for tag in _DROP_TAGS:
            for node in tree.css(tag):
                node.decompose()
        root = tree.body or tree.root
        blocks: list[str] = []
        cur: list[str] = []

        def flush() -> None:
            s = " ".join("".join(cur).split())
            if s:
                blocks.append(s)
            cur.clear()

        def walk(node: Any) -> None:
            # iterative over children to avoid deep recursion on pathological nesting
            stack = [(node, False)]
            while stack:
                n, closing = stack.pop()
                tag = n.tag
                if closing:
                    if tag in _BLOCK_TAGS:
                        flush()
                    continue
                if tag == "-text":
                    cur.append(n.text(deep=False) or "")
                    continue
                if tag in ("-comment", "!doctype") or tag in _DROP_TAGS:
                    continue
                if tag in _BLOCK_TAGS:
                    flush()
                stack.append((n, True))
                children = []
                c = n.child
                while c is not None:
                    children.append(c)
                    c = c.next
                for c in reversed(children):
                    stack.append((c, False))

        if root is not None:
            walk(root)
        flush()
    except LoadError:
        raise
    except Exception as err:
        raise LoadError(p, f"not readable HTML ({type(err).__name__}: {err})") from None
    text = "\n\n".join(blocks)
    if not text.strip():
        raise LoadError(p, "HTML has no visible text")
    return text


# --------------------------------------------------------------------------------------------
# PDF

_STREAM = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\n|\r)")
_FILTERS = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NOT_CONTENT = re.compile(rb"/Subtype\s*/(Image|Type1C|CIDFontType0C|OpenType|XML)\b|/Length[123]\b|"
                          rb"/Type\s*/(Metadata|EmbeddedFile|XRef)\b|/N\s+[134]\b")
_FILTER_NAME = re.compile(rb"/([A-Za-z0-9]+)")


def _inflate(chunks: Iterable[bytes], budget: int) -> int:
    """Bytes a FlateDecode stream inflates to, counted in 1 MB slices and stopped past `budget`; -1 when it
    is not a zlib stream (encrypted, or damaged: PDFium judges it)."""
    import zlib

    d = zlib.decompressobj()
    n = 0
    try:
        for chunk in chunks:
            buf = chunk
            while buf and not d.eof:  # zlib consumes input only as far as the 1 MB of output allows
                out = d.decompress(buf, 1 << 20)
                n += len(out)
                if n > budget:
                    return n
                if not out and d.unconsumed_tail == buf:
                    break  # no progress (cannot happen with zlib; never loop on it)
                buf = d.unconsumed_tail
            if d.eof:
                break
    except zlib.error:
        return -1 if n == 0 else n
    return n


def _decode_ascii(raw: bytes, name: bytes) -> bytes | None:
    import base64
    import binascii

    try:
        if name in (b"ASCIIHexDecode", b"AHx"):
            hexes = re.sub(rb"\s", b"", raw).split(b">", 1)[0]
            return binascii.unhexlify(hexes + b"0" * (len(hexes) % 2))
        body = re.sub(rb"\s", b"", raw)
        body = body[2:] if body.startswith(b"<~") else body
        return base64.a85decode(body.split(b"~>", 1)[0])
    except (ValueError, binascii.Error):
        return None


def _check_pdf_streams(p: Path, data: bytes) -> None:
    """Refuse a PDF whose compressed streams (content, fonts, object streams; not images, which text
    extraction does not decode) inflate past the limits, checking while inflating: a zip bomb in a page
    costs a fraction of a second and a few MB, never the gigabytes PDFium would take to parse it."""
    total = 0
    for m in _STREAM.finditer(data):
        start = m.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        head = data[max(0, m.start() - 4096):m.start()]
        obj = head.rfind(b" obj")
        head = head[obj:] if obj >= 0 else head
        if _NOT_CONTENT.search(head):
            continue  # an image, a font, a colour profile, metadata, an attachment: text extraction does not parse them
        f = _FILTERS.search(head)
        names = _FILTER_NAME.findall(f.group(1)) if f else []
        raw: bytes | None = data[start:end]
        while raw is not None and names and names[0] in (b"ASCIIHexDecode", b"AHx", b"ASCII85Decode", b"A85"):
            raw = _decode_ascii(raw, names.pop(0))
        if raw is None or not names or names[0] not in (b"FlateDecode", b"Fl"):
            continue
        budget = min(MAX_STREAM_BYTES, MAX_INFLATED_BYTES - total)
        n = _inflate((raw[i:i + (1 << 16)] for i in range(0, len(raw), 1 << 16)), budget)
        if n > budget:
            if budget == MAX_STREAM_BYTES:
                raise LoadError(p, f"the compressed page content at byte {m.start()} inflates to more than "
                                   f"{MAX_STREAM_BYTES // (1024 * 1024)} MB (a zip bomb, or a page that is no text "
                                   "document)")
            raise LoadError(p, f"its compressed page contents inflate to more than "
                               f"{MAX_INFLATED_BYTES // (1024 * 1024)} MB in all (a zip bomb, or no text document)")
        total += max(n, 0)


MAX_PDF_MEMORY = 2 * 1024 * 1024 * 1024  # the PDF worker's address space


def _pdf_text(p: Path, data: bytes) -> str:
    """The text of each page, read by PDFium in a worker process (loaders/read/pdf_worker.py) with its memory
    and time bounded: a page PDFium would spend minutes or gigabytes on is one clear error."""
    import json
    import signal
    import subprocess
    import sys

    try:
        import pypdfium2  # noqa: F401 - the worker needs it; say so here
    except ImportError:  # pragma: no cover - a declared dependency
        raise LoadError(p, "reading PDF needs the 'pypdfium2' package") from None
    if not data.strip():
        raise LoadError(p, "empty document")
    _check_pdf_streams(p, data)
    limits = json.dumps({"pages": MAX_PAGES, "chars": MAX_CHARS, "separator": len(PAGE_SEPARATOR),
                         "memory": MAX_PDF_MEMORY})
    try:
        done = subprocess.run([sys.executable, "-m", "policygraph.loaders.read.pdf_worker", limits], input=data,
                              capture_output=True, timeout=MAX_PDF_SECONDS)
    except subprocess.TimeoutExpired:
        raise LoadError(p, f"reading its text took over {MAX_PDF_SECONDS:g} s (a page PDFium cannot read in "
                           "reasonable time); split it or convert it to text") from None
    if done.returncode < 0:
        try:
            sig = signal.Signals(-done.returncode).name
        except ValueError:
            sig = f"signal {-done.returncode}"
        raise LoadError(p, f"not a readable PDF (PDFium crashed on it: {sig})")
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except ValueError:
        why = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise LoadError(p, f"not a readable PDF (its reader failed: {why[:200]})") from None
    if "error" in answer:
        raise LoadError(p, answer["error"])
    pages = answer["pages"]
    if not any(t.strip() for t in pages):
        raise LoadError(p, "PDF has no text layer (scanned?)")
    return PAGE_SEPARATOR.join(pages)
