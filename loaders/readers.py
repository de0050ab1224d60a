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
from typing import Callable, Iterable

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
        if fmt == "pdf":
            raw = _pdf_text(p, data)
        else:
            text = _decode(p, data)
            raw = _html_text(p, text) if fmt == "html" else text
            if fmt != "html" and not raw.strip():
                raise LoadError(p, "empty document")
        if len(raw) > MAX_CHARS:
            raise LoadError(p, f"text too long ({len(raw) / 1e6:.1f} million characters > {MAX_CHARS / 1e6:g} million "
                               "limit); split it into smaller documents")
        doc = repair(p.stem, str(p), fmt, raw)
        doc.sha256 = hashlib.sha256(data).hexdigest()
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


def _decode(p: Path, data: bytes) -> str:
    """UTF-8 (BOM stripped), UTF-16/32 by BOM, else cp1252/latin-1 for non-UTF-8 bytes without NULs.
    Binary content (NUL bytes or >5% control characters) is refused."""
    if not data.strip():
        raise LoadError(p, "empty document")
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
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    if "\x00" in text:
        raise LoadError(p, "binary file, not text")
    if text and len(_CONTROL.findall(text)) > MAX_CONTROL_RATIO * len(text):
        raise LoadError(p, "binary file, not text")
    if not text.strip():
        raise LoadError(p, "empty document")
    return text


# --------------------------------------------------------------------------------------------
# HTML

_DROP_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section
    summary table tbody td tfoot th thead tr ul title""".split()
)


def _html_text(p: Path, html: str) -> str:
    """Visible text: blocks separated by blank lines, whitespace inside a block collapsed."""
    try:
        from selectolax.lexbor import LexborHTMLParser as HTMLParser  # selectolax >= 0.3.21
    except ImportError:  # pragma: no cover - a declared dependency
        raise LoadError(p, "reading HTML needs the 'selectolax' package") from None
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

        def walk(node) -> None:
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

def _pdf_text(p: Path, data: bytes) -> str:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a declared dependency
        raise LoadError(p, "reading PDF needs the 'pypdfium2' package") from None
    if not data.strip():
        raise LoadError(p, "empty document")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        msg = str(err)
        if "password" in msg.lower() or "security" in msg.lower():
            raise LoadError(p, "encrypted PDF") from None
        raise LoadError(p, f"not a readable PDF ({msg})") from None
    except Exception as err:
        raise LoadError(p, f"not a readable PDF ({type(err).__name__}: {err})") from None
    pages: list[str] = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                tp = page.get_textpage()
                try:
                    t = tp.get_text_bounded()
                finally:
                    tp.close()
            finally:
                page.close()
            t = t.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
            pages.append(t)
    except Exception as err:
        raise LoadError(p, f"not a readable PDF ({type(err).__name__}: {err})") from None
    finally:
        pdf.close()
    if not any(t.strip() for t in pages):
        raise LoadError(p, "PDF has no text layer (scanned?)")
    return PAGE_SEPARATOR.join(pages)
