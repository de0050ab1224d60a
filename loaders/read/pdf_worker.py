"""Read a PDF's text in a worker process: PDFium is native code, and some pages cost it minutes or
gigabytes (text objects piled on one spot: a 13 kB file took over 10 minutes), or crash it. The parent
(readers._pdf_text) sends the file's bytes on stdin and waits at most MAX_PDF_SECONDS; the worker, with its
memory bounded, answers with one JSON object on stdout: {"pages": [...]} or {"error": "..."}.
"""
from __future__ import annotations

import json
import os
import sys


def extract(data: bytes, max_pages: int, max_chars: int, separator_len: int) -> dict:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        msg = str(err)
        if "password" in msg.lower() or "security" in msg.lower():
            return {"error": "encrypted PDF"}
        return {"error": f"not a readable PDF ({msg})"}
    except Exception as err:
        return {"error": f"not a readable PDF ({type(err).__name__}: {err})"}
    pages: list[str] = []
    chars = 0
    try:
        n = len(pdf)
        if n > max_pages:
            return {"error": f"too many pages ({n:,} > {max_pages:,} limit); split it into smaller documents"}
        for i in range(n):
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
            chars += len(t) + separator_len
            if chars > max_chars:  # checked page by page: the rest is never extracted
                return {"error": f"text too long (over {max_chars / 1e6:g} million characters by page {i + 1} of "
                                 f"{n:,}); split it into smaller documents"}
    except Exception as err:
        return {"error": f"not a readable PDF ({type(err).__name__}: {err})"}
    finally:
        pdf.close()
    return {"pages": pages}


def _main() -> None:
    import resource

    limits = json.loads(sys.argv[1])
    for limit, value in ((resource.RLIMIT_CORE, 0), (resource.RLIMIT_AS, limits["memory"])):
        try:
            resource.setrlimit(limit, (value, resource.getrlimit(limit)[1]))
        except (ValueError, OSError):
            pass
    data = sys.stdin.buffer.read()
    try:
        answer = extract(data, limits["pages"], limits["chars"], limits["separator"])
    except MemoryError:
        answer = {"error": f"needs more than {limits['memory'] // (1024 * 1024)} MB of memory to read"}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    _main()
