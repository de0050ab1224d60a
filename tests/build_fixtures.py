"""Shared helpers for the build-reliability tests: small documents, build digests, store dumps, the CLI.

All documents are written here (in tmp paths); nothing is copied from the corpus.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

DOCS = {
    "alpha.txt": "Hyundai Motor Group announced a $5.5 billion investment in Georgia in 2022.\n"
                 "South Korea and the United States signed the KORUS FTA in 2007.\n",
    "beta.txt": "SK On will invest $2.6 billion in Georgia in 2023.\n"
                "South Korea and the United States signed the KORUS FTA in 2007.\n"
                "Japan imposed export controls on South Korea in 2019.\n",
    "gamma.md": "# Gamma note\n\nSamsung Electronics invested $17 billion in Texas in 2021.\n",
}

# outputs compared byte for byte; graph.lbug is LadybugDB's binary file (it embeds a random database id),
# so stores are compared by their content (store_dump)
STORE = "graph.lbug"


def write_docs(folder: Path, names=None, docs=DOCS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or docs:
        (folder / name).write_text(docs[name], encoding="utf-8")
    return folder


def digest(out: Path, skip=(STORE,)) -> dict[str, str]:
    """sha256 of every file of a build, by relative path."""
    got = {}
    for p in sorted(out.rglob("*")):
        if p.is_file():
            rel = p.relative_to(out).as_posix()
            if rel not in skip and rel.split("/")[0] not in skip:
                got[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return got


def store_dump(out: Path) -> list[str]:
    """Every node and relationship of a build's store, as sorted JSON lines (engine-internal ids dropped)."""
    from policygraph.graph.cypher_store import Store, run_query

    with Store(out / STORE) as store:
        nodes = run_query(store, "MATCH (n) RETURN n")["n"].tolist()
        rels = run_query(store, "MATCH (a)-[r]->(b) RETURN a.id AS a, r, b.id AS b").to_dict("records")
    lines = [json.dumps({k: v for k, v in n.items() if k != "_ID"}, sort_keys=True, default=str) for n in nodes]
    for row in rels:
        r = {k: v for k, v in row["r"].items() if k not in ("_ID", "_SRC", "_DST")}
        lines.append(json.dumps({"a": row["a"], "b": row["b"], "r": r}, sort_keys=True, default=str))
    return sorted(lines)


def assert_same_build(a: Path, b: Path, skip=(STORE,)) -> None:
    """Byte-identical outputs (every file but the store's binary) and the same store content."""
    da, db = digest(a, skip), digest(b, skip)
    assert sorted(da) == sorted(db)
    differ = [k for k in da if da[k] != db[k]]
    assert not differ, f"files differ: {differ}"
    if (a / STORE).exists() or (b / STORE).exists():
        assert store_dump(a) == store_dump(b)


def cli_env(**extra) -> dict:
    env = dict(os.environ)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run_cli(*args, env=None, timeout=600, **kw) -> subprocess.CompletedProcess:
    """`policygraph ARGS` in a fresh process (the installed entry point's module)."""
    return subprocess.run([sys.executable, "-m", "policygraph.cli", *map(str, args)], capture_output=True,
                          text=True, env=env or cli_env(), timeout=timeout, **kw)


def no_traceback(text: str) -> bool:
    return "Traceback" not in text and 'File "' not in text


def pdf_with_stream(stream: bytes, filters: str = "/FlateDecode") -> bytes:
    """A one-page PDF whose page content is `stream` (already encoded with `filters`)."""
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
               b"/Contents 5 0 R >>",
            5: b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters.encode()) + stream + b"\nendstream"}
    body, offsets = bytearray(b"%PDF-1.4\n"), {}
    for i in sorted(objs):
        offsets[i] = len(body)
        body += b"%d 0 obj\n%s\nendobj\n" % (i, objs[i])
    xref = len(body)
    body += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % offsets[i] for i in range(1, 6))
    body += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(body)


def make_pdf(pages: list[list[str]], encrypt: bool = False) -> bytes:
    """A small valid PDF written by hand: one Helvetica text object per page (no page: no text layer);
    `encrypt` adds a standard security handler whose password is not empty."""
    objs: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
                              3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    kids, n = [], 4
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "13 TL", "72 720 Td"]
        ops += ["(" + ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*" for ln in lines]
        stream = "\n".join(ops + ["ET"]).encode("latin-1")
        objs[n] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objs[n + 1] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                       f">> /Contents {n} 0 R >>").encode()
        kids.append(n + 1)
        n += 2
    objs[2] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    trailer = ""
    if encrypt:
        objs[n] = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"5a" * 32 + b"> /U <" + b"a5" * 32 + b"> /P -44 >>"
        trailer = f" /Encrypt {n} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]"
    body, offsets = bytearray(b"%PDF-1.4\n"), {}
    for i in sorted(objs):
        offsets[i] = len(body)
        body += b"%d 0 obj\n%s\nendobj\n" % (i, objs[i])
    xref, size = len(body), max(objs) + 1
    body += b"xref\n0 %d\n0000000000 65535 f \n" % size
    body += b"".join(b"%010d 00000 n \n" % offsets[i] for i in range(1, size))
    body += f"trailer\n<< /Size {size} /Root 1 0 R{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(body)
