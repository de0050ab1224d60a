"""Readers, repair passes and the sentence splitter (all fixtures are written here, in tmp_path)."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.loaders.read import readers
from policygraph.loaders.read.document import Document
from policygraph.loaders.read.errors import LoadError
from policygraph.loaders.read.readers import SUPPORTED, iter_paths, read_document
from policygraph.loaders.read.repair import repair, repair_with_stats
from policygraph.loaders.read.sentences import MAX_SENTENCE_CHARS, split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


# ----------------------------------------------------------------------------------------------
# helpers

def sents(doc: Document) -> list[str]:
    return [doc.text[s:e] for s, e in doc.sentences]


def letters(s: str) -> str:
    return "".join(c for c in s if c.isalpha())


def check_offsets(doc: Document) -> None:
    """offsets: one per clean character (+1), monotonic, inside raw."""
    assert len(doc.offsets) == len(doc.text) + 1
    assert all(0 <= o <= len(doc.raw) for o in doc.offsets)
    assert all(a <= b for a, b in zip(doc.offsets, doc.offsets[1:]))
    assert doc.offsets[-1] == len(doc.raw)


def check_spans(doc: Document) -> None:
    """Each sentence maps to a raw span holding the same letters, whatever their case (repairs only touch spacing,
    hyphens, footnote digits, glue and a statute section's capital), without surrounding whitespace."""
    check_offsets(doc)
    for s, e in doc.sentences:
        sent = doc.text[s:e]
        assert sent == sent.strip() and sent
        assert "\n" not in sent
        rs, re_ = doc.raw_span(s, e)
        quote = doc.raw[rs:re_]
        assert quote == quote.strip()
        assert letters(quote).lower() == letters(sent).lower(), (sent, quote)


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


def make_pdf(pages: list[list[str]], encrypt: bool = False) -> bytes:
    """A minimal valid PDF: one Helvetica text object per page, one line per `Tj T*`."""
    objs: dict[int, bytes] = {}
    page_ids = []
    next_id = 4
    for lines in pages:
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        for ln in lines:
            esc = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({esc}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        cid, pid = next_id, next_id + 1
        next_id += 2
        objs[cid] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objs[pid] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                     f"/Resources << /Font << /F1 3 0 R >> >> /Contents {cid} 0 R >>").encode()
        page_ids.append(pid)
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objs[2] = f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode()
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    extra = ""
    if encrypt:  # a standard security handler whose user password is not empty
        objs[next_id] = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32 + b"> /P -44 >>"
        extra = f" /Encrypt {next_id} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for i in sorted(objs):
        offsets[i] = len(out)
        out += f"{i} 0 obj\n".encode() + objs[i] + b"\nendobj\n"
    xref = len(out)
    size = max(objs) + 1
    out += f"xref\n0 {size}\n".encode() + b"0000000000 65535 f \n"
    for i in range(1, size):
        out += b"%010d 00000 n \n" % offsets[i]
    out += f"trailer\n<< /Size {size} /Root 1 0 R{extra} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# ----------------------------------------------------------------------------------------------
# formats

def test_txt(tmp_path):
    data = "Canada and Mexico signed a dairy accord. The deal takes effect in May.\n"
    p = write(tmp_path, "dairy-accord.txt", data)
    doc = read_document(p)
    assert (doc.id, doc.format, doc.path) == ("dairy-accord", "txt", str(p))
    assert doc.raw == data
    import hashlib
    assert doc.sha256 == hashlib.sha256(data.encode()).hexdigest()
    assert sents(doc) == ["Canada and Mexico signed a dairy accord.", "The deal takes effect in May."]
    check_spans(doc)


def test_markdown_markup_stripped_raw_kept(tmp_path):
    data = ("# Port Fees Review\n\n"
            "The **harbour board** raised fees by *ten percent* in April.\n"
            "Shippers [objected](https://example.org/fees \"note\") at once.\n\n"
            "## Next Steps\n\n"
            "- Review the `tariff` table.\n"
            "- Publish the _final_ schedule.\n")
    doc = read_document(write(tmp_path, "fees.md", data))
    assert doc.raw == data and doc.format == "md"
    assert sents(doc) == [
        "Port Fees Review",
        "The harbour board raised fees by ten percent in April.",
        "Shippers objected at once.",
        "Next Steps",
        "Review the tariff table.",
        "Publish the final schedule.",
    ]
    for ch in ("#", "**", "](", "`", "_final_"):
        assert ch not in doc.text
    check_offsets(doc)
    # quotes still point into the markdown source
    s, e = doc.sentences[2]
    rs, re_ = doc.raw_span(s, e)
    assert doc.raw[rs:re_].startswith("Shippers [objected](https://example.org")


def test_html_visible_text_only(tmp_path):
    data = """<!doctype html><html><head><title>Hidden title</title>
    <style>p { color: red }</style></head>
    <body><script>var secret = "do not read";</script>
    <h1>Fisheries Update</h1>
    <p>The two governments
       extended the fishing quota.   It expires in 2030.</p>
    <div>Coastal towns <b>welcomed</b> the news</div>
    <noscript>enable scripts</noscript><template><p>template text</p></template>
    </body></html>"""
    doc = read_document(write(tmp_path, "fish.html", data))
    assert doc.format == "html"
    for hidden in ("secret", "color", "Hidden title", "enable scripts", "template text"):
        assert hidden not in doc.raw
    assert sents(doc) == [
        "Fisheries Update",
        "The two governments extended the fishing quota.",
        "It expires in 2030.",
        "Coastal towns welcomed the news",
    ]
    check_spans(doc)


def test_html_without_visible_text(tmp_path):
    p = write(tmp_path, "blank.htm", "<html><head><title>x</title></head><body><script>1</script> </body></html>")
    with pytest.raises(LoadError, match="HTML has no visible text"):
        read_document(p)


def test_pdf_text_pages_and_page_numbers(tmp_path):
    pages = [["Solar Grid Review", "The ministry approved a new grid plan. It will take", "effect in March."],
             ["2", "Utilities welcomed the plan."]]
    doc = read_document(write(tmp_path, "grid.pdf", make_pdf(pages)))
    assert doc.format == "pdf"
    assert "\f" in doc.raw  # pages joined with "\n\f\n"
    assert sents(doc) == ["Solar Grid Review", "The ministry approved a new grid plan.",
                          "It will take effect in March.", "Utilities welcomed the plan."]
    check_spans(doc)


def test_pdf_errors(tmp_path):
    with pytest.raises(LoadError, match="encrypted PDF"):
        read_document(write(tmp_path, "locked.pdf", make_pdf([["Secret text"]], encrypt=True)))
    with pytest.raises(LoadError, match=r"PDF has no text layer \(scanned\?\)"):
        read_document(write(tmp_path, "scan.pdf", make_pdf([[]])))
    good = make_pdf([["Some text on a page."]])
    for cut in (20, len(good) // 2):
        with pytest.raises(LoadError, match=r"not a readable PDF \("):
            read_document(write(tmp_path, f"cut{cut}.pdf", good[:cut]))
    with pytest.raises(LoadError, match="not a readable PDF|empty document"):
        read_document(write(tmp_path, "zero.pdf", b""))


# ----------------------------------------------------------------------------------------------
# encodings

def test_utf8_bom_stripped(tmp_path):
    doc = read_document(write(tmp_path, "bom.txt", "\ufeffRice prices rose.".encode("utf-8")))
    assert doc.raw == "Rice prices rose."


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-be"])
def test_utf16_by_bom(tmp_path, enc):
    text = "Seoul’s tariff on café beans fell."
    data = text.encode(enc)
    if enc == "utf-16-be":
        data = b"\xfe\xff" + data
    doc = read_document(write(tmp_path, "u16.txt", data))
    assert doc.raw == text


def test_latin1_and_cp1252_fallback(tmp_path):
    doc = read_document(write(tmp_path, "l1.txt", "Le café de São Paulo.".encode("latin-1")))
    assert doc.raw == "Le café de São Paulo."
    doc = read_document(write(tmp_path, "cp.txt", "He said \x93no\x94 twice.".encode("latin-1")))
    assert doc.raw == "He said “no” twice."


# ----------------------------------------------------------------------------------------------
# errors

@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty document"),
    ("spaces.md", b"  \n\t \n", "empty document"),
    ("nul.txt", b"text with a \x00 NUL byte", "binary file, not text"),
    ("binary.txt", bytes(range(1, 32)) * 20 + b"abc", "binary file, not text"),
])
def test_text_errors(tmp_path, name, data, reason):
    p = write(tmp_path, name, data)
    with pytest.raises(LoadError) as info:
        read_document(p)
    assert str(info.value) == f"{p}: {reason}"


def test_unknown_extension(tmp_path):
    p = write(tmp_path, "table.xyz", "a,b")
    with pytest.raises(LoadError) as info:
        read_document(p)
    assert str(info.value) == f"{p}: unsupported file type '.xyz' (supported: {' '.join(SUPPORTED)})"
    assert "\n" not in str(info.value)


def test_directory_and_missing(tmp_path):
    d = tmp_path / "folder.txt"
    d.mkdir()
    with pytest.raises(LoadError, match="is a directory"):
        read_document(d)
    with pytest.raises(LoadError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(LoadError, match="no such file"):
        iter_paths([tmp_path / "missing"])


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 1024 * 1024)
    p = write(tmp_path, "big.txt", b"word " * 300_000)
    with pytest.raises(LoadError, match=r"file too large \(\d+ MB > 1 MB limit\)"):
        read_document(p)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied(tmp_path):
    p = write(tmp_path, "locked.txt", "Some text.")
    p.chmod(0)
    try:
        with pytest.raises(LoadError, match="permission denied"):
            read_document(p)
    finally:
        p.chmod(0o644)


def test_iter_paths_expands_sorted_supported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    for rel in ("b/z.txt", "b/notes.csv", "a/y.MD", "a/x.pdf", "top.htm", "skip.docx"):
        (tmp_path / rel).write_text("x")
    single = write(tmp_path, "odd.xyz", "x")
    got = iter_paths([tmp_path, single])
    rel = [p.relative_to(tmp_path).as_posix() for p in got]
    assert rel == ["a/x.pdf", "a/y.MD", "b/z.txt", "top.htm", "odd.xyz"]


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_iter_paths_symlink_loops(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    (d / "ok.txt").write_text("x")
    os.symlink(d, d / "again")  # a directory loop: not followed, unless asked
    skipped = []
    assert iter_paths([d], on_skip=lambda p, why: skipped.append(p)) == [d / "ok.txt"]
    assert skipped == [d / "again"]
    with pytest.raises(LoadError, match="symlink loop"):
        iter_paths([d], follow_symlinks=True)
    os.remove(d / "again")
    os.symlink(d / "self.txt", d / "self.txt")  # a file that points at itself
    with pytest.raises(LoadError, match="symlink"):
        iter_paths([d])
    with pytest.raises(LoadError):
        read_document(d / "self.txt")


# ----------------------------------------------------------------------------------------------
# repair passes (each checked through the offsets)

def fix(raw: str, fmt: str = "txt", **kw) -> Document:
    doc = repair("t", "t." + fmt, fmt, raw, **kw)
    check_offsets(doc)
    return doc


def test_pdf_line_wraps_joined_and_paragraphs_split():
    raw = ("The committee reviewed the steel \n\nquota and the fishing \n\nlicences in detail. \n\n"
           "Its report was \n\npublished in June.\nA second review follows.")
    doc = fix(raw)
    assert sents(doc) == ["The committee reviewed the steel quota and the fishing licences in detail.",
                          "Its report was published in June.", "A second review follows."]
    check_spans(doc)


def test_plain_paragraphs_with_blank_lines():
    raw = "First paragraph ends here.\n\nSecond one has\ntwo lines.\n\nA list heading\n\nThird paragraph."
    doc = fix(raw)
    assert sents(doc) == ["First paragraph ends here.", "Second one has two lines.", "A list heading",
                          "Third paragraph."]
    check_spans(doc)


def test_one_sentence_per_line():
    raw = "Exports rose in spring.\nImports fell slightly.\nOutlook for Trade\nBoth sides expect growth.\nsource: a ministry note"
    doc = fix(raw)
    assert sents(doc)[:4] == ["Exports rose in spring.", "Imports fell slightly.", "Outlook for Trade",
                              "Both sides expect growth."]
    check_spans(doc)


def test_paragraphs_a_web_page_glued_at_a_full_stop_are_two_sentences():
    # text taken from a web page may lose the break between paragraphs: "on Monday.Velkor Group acquired"
    raw = "The deal closed on Monday.Velkor Group acquired the yard in 2024. Gov.Ortiz met the U.S.Navy in St.Lucia."
    doc = fix(raw)
    assert sents(doc) == ["The deal closed on Monday.", "Velkor Group acquired the yard in 2024.",
                          "Gov.Ortiz met the U.S.Navy in St.Lucia."]
    check_spans(doc)


def test_a_statute_section_in_lower_case_reads_as_cited():
    raw = "Duties under section 232 of the act and section 301A remain. See section 2 of this note."
    doc = fix(raw)
    assert "Section 232" in doc.text and "Section 301A" in doc.text
    assert "section 2 of this note" in doc.text  # (a document's own part)
    check_spans(doc)


def test_headings_title_case_and_all_caps_multiline():
    raw = (" Trade Talks Resume \n\nThe envoys met again in Geneva. \n\n"
           " The Future of Port Cooperation and Other Maritime \n\nQuestions in the Region\n\n"
           "Ports handle more cargo every year.\n"
           "REGIONAL SHIPPING AND THE NEW \n\nCUSTOMS RULES\n"
           "Customs officers will share data.")
    doc = fix(raw)
    assert sents(doc) == [
        "Trade Talks Resume", "The envoys met again in Geneva.",
        "The Future of Port Cooperation and Other Maritime Questions in the Region",
        "Ports handle more cargo every year.",
        "REGIONAL SHIPPING AND THE NEW CUSTOMS RULES",
        "Customs officers will share data.",
    ]
    check_spans(doc)


def test_list_items_in_title_case_are_no_two_line_heading():
    # a long Title Case field, then another field: each list item stays a sentence of its own
    raw = ("Fjord Marine Works, Inc.\n- Type: Subsidiary\n- Location: Bergen, Vestland County, Norway\n"
           "- Key People: Ola Nordmann (Chief Executive Officer, CEO)\n- Industry: Shipyard\n")
    doc = fix(raw)
    assert "- Key People: Ola Nordmann (Chief Executive Officer, CEO)" in sents(doc)
    check_spans(doc)


def test_title_case_line_inside_a_sentence_is_not_a_heading():
    raw = "The agreement was signed by \n\nCanada and Mexico \n\nlast year in Ottawa."
    doc = fix(raw)
    assert sents(doc) == ["The agreement was signed by Canada and Mexico last year in Ottawa."]


def test_page_numbers_and_running_headers_removed():
    header = "Quarterly Energy Brief 2021"
    raw = (f"{header}\n\nGas imports grew quickly in the first quarter and the \n\n"
           f"ministry noted the change.\n\n 4\n\n{header}\n\nCoal use fell. Wind output \n\n"
           f"rose.\n\n 5\n\n{header}\n\nSolar prices were stable.\n\n iv\n")
    doc, stats = repair_with_stats("t", "t.txt", "txt", raw)
    assert header not in doc.text
    assert not re.search(r"\b(4|5|iv)\b", doc.text)
    assert sents(doc) == ["Gas imports grew quickly in the first quarter and the ministry noted the change.",
                          "Coal use fell.", "Wind output rose.", "Solar prices were stable."]
    assert stats["running header/footer"] == 3 and stats["page number"] == 3
    check_spans(doc)


def test_footnote_markers_removed():
    raw = ("Rice tariffs were cut in 2015.”3 The cut was small.4 \n\nFarmers objected.5\n\n"
           "Quotas rose 7 percent in 2016.6 Beef trade grew to $2.5 billion.\n\n"
           "The rate was 3.2 percent in March.7 Prices held in \n\n2019.8 Wheat stayed at 4.5\n\npercent.")
    doc = fix(raw)
    assert sents(doc) == [
        "Rice tariffs were cut in 2015.”", "The cut was small.", "Farmers objected.",
        "Quotas rose 7 percent in 2016.", "Beef trade grew to $2.5 billion.",
        "The rate was 3.2 percent in March.", "Prices held in 2019.", "Wheat stayed at 4.5 percent.",
    ]
    for s, e in doc.sentences:
        rs, re_ = doc.raw_span(s, e)
        assert doc.raw[rs:re_] == doc.raw[rs:re_].strip()
    check_spans(doc)


def test_dehyphenation():
    raw = ("Its economic policy matters. The eco- \n\nnomic outlook is good. Import- \n\ncompeting firms "
           "worry. Talks ended in mid- \n\nDecember. The U.S.- \n\nCanada link holds. Medium- \n\nand heavy-duty "
           "trucks sold well. The Trans-Atlantic route and the Trans \n\natlantic fleet grew.")
    doc = fix(raw)
    t = doc.text
    assert "The economic outlook" in t
    assert "Import-competing firms" in t
    assert "mid-December" in t and "U.S.-Canada" in t
    assert "Medium- and heavy-duty" in t
    assert "Trans-atlantic fleet" in t
    check_spans(doc)


def test_glued_function_words():
    raw = ("The ratification ofthe pact took a year. Most ofthese rules apply tothe ports. "
           "Ofthe three, one failed. Goods went into the depot and onto the ships upon arrival within days. "
           "The minister spoke tothe press about the pact and these ships.")
    doc = fix(raw)
    t = doc.text
    for glued in ("ofthe", "ofthese", "tothe", "Ofthe"):
        assert glued not in t
    assert "of the pact" in t and "of these rules" in t and "to the ports" in t and "Of the three" in t
    assert "into the depot" in t and "onto the ships" in t and "upon arrival" in t and "within days" in t
    check_spans(doc)


def test_glued_prefix_words_conservative():
    raw = ("Disputes overtrade rules grew. The trade rules changed. Officials argued over quotas. "
           "The plan turned into amore ambitious scheme. More money came. "
           "They were creating atwenty-year plan for twenty ports. "
           "The overall plan helps to overcome delays and come back. All agreed.")
    doc = fix(raw)
    t = doc.text
    assert "over trade rules" in t
    assert "a more ambitious" in t
    assert "a twenty-year" in t
    assert "overall plan" in t and "overcome delays" in t
    check_spans(doc)


def test_camel_joins_and_keep_camel():
    raw = ("Presidents ParkChung-hee and Kim ruled. Park was strict. SsangYong and McDonald grew. "
           "The LeeSoon-ja fund and Lee opened.")
    doc = fix(raw)
    assert "Park Chung-hee" in doc.text and "Lee Soon-ja" in doc.text
    assert "SsangYong" in doc.text and "McDonald" in doc.text
    doc2 = fix(raw, keep_camel={"ParkChung"})
    assert "ParkChung-hee" in doc2.text and "Lee Soon-ja" in doc2.text


def test_name_and_function_word_glue():
    raw = ("Norway said that Canadahad agreed. Canada and Norway signed. Then Canadato the north "
           "benefited. Canada was pleased. Toronto and Boston and Washington stayed out.")
    doc = fix(raw)
    t = doc.text
    assert "Canada had agreed" in t and "Canada to the north" in t
    assert "Toronto" in t and "Boston" in t and "Washington" in t
    check_spans(doc)


def test_caps_glue():
    raw = "THE NAFTA TEXT\n\nThe NAFTA rules and the TEXT of annex two. PUBLIC VIEWS OF \n\nNAFTATEXT\n\nViews were mixed."
    doc = fix(raw)
    assert "NAFTA TEXT" in doc.text and "NAFTATEXT" not in doc.text


def test_spaces_collapsed_and_characters_kept():
    raw = "The   “fair   deal”\tis — as ever —  debated."
    doc = fix(raw)
    assert doc.text == "The “fair deal” is — as ever — debated."
    check_spans(doc)


def test_repair_is_pure_and_deterministic():
    raw = "Trade rose ofthe year. \n\nIt fell- \n\nagain."
    a, b = repair("x", "x.txt", "txt", raw), repair("x", "x.txt", "txt", raw)
    assert (a.text, a.offsets, a.sentences) == (b.text, b.offsets, b.sentences)
    assert a.raw == raw


# ----------------------------------------------------------------------------------------------
# sentences

def test_abbreviations():
    text = ("Mr. Kim met Dr. Lee on Jan. 5 at the U.S. embassy. The U.S. Trade Representative agreed, e.g. on "
            "rice. Talks with the U.S. The meeting ended. Acme Inc. The firm grew. No. 5 was chosen. "
            "George W. Bush spoke. It was late, etc. and so on. Prices rose! Did they? Yes.")
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [
        "Mr. Kim met Dr. Lee on Jan. 5 at the U.S. embassy.",
        "The U.S. Trade Representative agreed, e.g. on rice.",
        "Talks with the U.S.", "The meeting ended.", "Acme Inc.", "The firm grew.",
        "No. 5 was chosen.", "George W. Bush spoke.", "It was late, etc. and so on.",
        "Prices rose!", "Did they?", "Yes.",
    ]


def test_quotes_brackets_and_paragraphs():
    text = "He said “stop.” Then he left. (It rained.) Next day.\n\nHeading Here\n\n“Go,” she said. 2019 was good."
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["He said “stop.”", "Then he left.", "(It rained.)", "Next day.", "Heading Here",
                   "“Go,” she said.", "2019 was good."]


def test_long_sentences_cut_near_limit():
    clause = "the ministry reviewed another batch of customs forms"
    text = "; ".join([clause] * 120) + "."
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert all(e - s >= MAX_SENTENCE_CHARS // 2 for s, e in spans[:-1])
    no_breaks = "x" * 5000
    assert [e - s for s, e in split_sentences(no_breaks)] == [2000, 2000, 1000]


def test_adversarial_input_is_split_into_sane_spans():
    """Inputs that make a backtracking splitter quadratic (its time on them: python bench/bench_limits.py)."""
    for text in ("." * 200_000, "a. " * 70_000, "\n \n" * 70_000, "U.S. " * 50_000, "x" * 300_000,
                 "Mr. " * 50_000, "”." * 100_000):
        spans = split_sentences(text)
        assert all(0 <= s < e <= len(text) for s, e in spans)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("aB .!?\n\t“”\"'()-,;U.S0123") + ["Mr.", "ofthe", " \n\n", "\f"]),
                max_size=300).map("".join))
def test_splitter_never_raises_and_spans_are_sane(text):
    spans = split_sentences(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev = e


_PIECES = ["The", "trade", "ofthe", "Koreahad", "Korea", "LeeMyung-bak", "Lee", "eco-", "nomic", "economic",
           "2018.10", "benefits.”2", "U.S.", " ", "  ", "\n", " \n\n", "\n\n", "\f", " i", "AGRICULTURE",
           "Title Case Line", "over", "overtrade", "amore", "more", "into", "-", ".", "#", "**", "[a](b)", "5"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.sampled_from(["txt", "md", "pdf", "html"]))
def test_property_offsets_monotonic_and_in_range(pieces, fmt):
    raw = " ".join(pieces) if len(pieces) % 2 else "".join(pieces)
    doc = repair("p", "p." + fmt, fmt, raw)
    check_offsets(doc)
    for s, e in doc.sentences:
        assert 0 <= s < e <= len(doc.text)
        rs, re_ = doc.raw_span(s, e)
        assert 0 <= rs <= re_ <= len(raw)


# ----------------------------------------------------------------------------------------------
# the shared corpus

def _corpus(name: str) -> Path:
    p = CORPUS / name
    if not p.exists():
        pytest.skip(f"corpus file {p} absent")
    return p


def test_corpus_korus_report():
    doc = read_document(_corpus("korus-economic-relationship.txt"))
    text = doc.text
    for glued in ("ofthe", "ofthese", "overtrade", "atwenty", "amore ", "Koreahad", "Koreato", "LeeMyung",
                  "KORUSFTA", "Trans pacific"):
        assert glued not in text, glued
    assert "Lee Myung-bak" in text
    ss = sents(doc)
    assert len(ss) >= 220
    assert not any("\n" in s for s in ss)
    caps = [s for s in ss if "KORUS" in s and s.upper() == s]
    assert caps, "an ALL CAPS heading with KORUS is its own sentence"
    assert "Introduction" in ss and "Conclusion" in ss
    assert not any(s.strip() == "i" for s in ss)
    assert not re.search(r"[.”]\d{1,2} [A-Z]", text)  # footnote markers gone
    check_spans(doc)


def test_corpus_negotiations_note():
    doc = read_document(_corpus("us-rok-negotiations.txt"))
    ss = sents(doc)
    assert len(ss) >= 45
    assert not any("\n" in s for s in ss)
    titled = [s for s in ss if len(s.split()) <= 8 and not s.endswith(".")]
    assert len(titled) >= 3  # its Title Case headings are sentences of their own
    check_spans(doc)


# ----------------------------------------------------------------------------------------------
# page furniture of two-page reports and line-break hyphens of words used once

def test_two_page_header_with_page_numbers_and_url_footer_are_dropped():
    raw = ("TRADE NOTES ON THE PACIFIC                    3\n\n"
           "Exports of timber grew quickly in that year.\n\n"
           "www.example.org                           RX4410\n\n"
           "TRADE NOTES ON THE PACIFIC                    4\n\n"
           "Imports of copper fell sharply the next year.\n")
    doc = repair("t", "t.txt", "txt", raw)
    check_offsets(doc)
    assert "TRADE NOTES" not in doc.text and "example.org" not in doc.text
    assert sents(doc) == ["Exports of timber grew quickly in that year.",
                          "Imports of copper fell sharply the next year."]


def test_line_break_hyphen_joins_words_known_to_english_only():
    raw = ("The ministry exempt-\ned the firms, and the packag-\ning line was an import-\n"
           "competing business.\n")
    doc = repair("t", "t.txt", "txt", raw)
    check_offsets(doc)
    assert "exempted" in doc.text and "packaging" in doc.text
    assert "import-competing" in doc.text
