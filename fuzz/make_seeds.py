#!/usr/bin/env python3
"""Writes the generated seed inputs under fuzz/corpus/ (run once; the output
is committed). PDFs: small hand-made files with a ruled table, an unruled
table, a rotated page and CJK text through a ToUnicode CMap, so the fuzzer
starts inside the table code rather than at the header check. DOCX (XML
mode, see fuzz_docx.cc): document.xml / styles.xml / numbering.xml taken from
fixtures/docx, joined by NUL bytes. Normalize: cell texts. Mapper: bytes
for the layout generator."""
import os
import random
import zipfile

ROOT = os.path.dirname(os.path.abspath(__file__))


def pdf(pages, extra_objects=()):
    """pages: list of (content, extra page dict text). Fonts: /F1 Helvetica,
    /F2 a Type0 font whose ToUnicode maps codes 1.. to CJK budget words."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Fuzz def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            b"6 beginbfchar <0001> <8868> <0002> <5408> <0003> <8BA1> <0004> <4E07>"
            b" <0005> <5143> <0006> <2E94> endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
            b" /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo"
            b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap)]
    kids = []
    for content, extra in pages:
        kids.append(b"%d 0 R" % (len(objs) + 1))
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] %s"
                    b" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
                    % (extra, len(objs) + 2))
        objs.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, o)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def ruled_table(rows, cols, x0=40, y0=260, w=80, h=20):
    """Ruling lines of a rows x cols grid plus a number in each cell."""
    s = b"0.5 w\n"
    for r in range(rows + 1):
        s += b"%d %d m %d %d l S\n" % (x0, y0 - r * h, x0 + cols * w, y0 - r * h)
    for c in range(cols + 1):
        s += b"%d %d m %d %d l S\n" % (x0 + c * w, y0, x0 + c * w, y0 - rows * h)
    for r in range(rows):
        for c in range(cols):
            s += b"BT /F1 9 Tf %d %d Td (%d.%02d) Tj ET\n" % (x0 + c * w + 4, y0 - r * h - 14,
                                                          r * 100 + c, c)
    return s


def write_pdfs(out):
    cjk_title = b"BT /F2 12 Tf 150 280 Td <00010002000300060004> Tj ET\n"
    unruled = b"".join(b"BT /F1 9 Tf %d %d Td (%s) Tj ET\n" % (40 + c * 90, 250 - r * 14, t)
                       for r, row in enumerate([[b"201", b"General", b"1,229.70"],
                                                [b"20101", b"Office", b"(3.50)"],
                                                [b"", b"Total", b"1 858.41"]])
                       for c, t in enumerate(row))
    seeds = {
        "ruled_table.pdf": pdf([(cjk_title + ruled_table(4, 3), b"")]),
        "unruled_table.pdf": pdf([(cjk_title + unruled, b"")]),
        "rotated_two_pages.pdf": pdf([(ruled_table(3, 2), b"/Rotate 90"),
                                      (ruled_table(2, 2) + b"0 0 1 rg 50 50 100 20 re f\n", b"")]),
    }
    for name, data in seeds.items():
        open(os.path.join(out, name), "wb").write(data)


def write_docx_xml(out):
    fixtures = os.path.join(ROOT, "..", "fixtures", "docx")
    for name in ["merges.docx", "nested.docx", "numbered.docx", "text_runs.docx"]:
        with zipfile.ZipFile(os.path.join(fixtures, name)) as z:
            parts = [z.read(p) if p in z.namelist() else b""
                     for p in ["word/document.xml", "word/styles.xml", "word/numbering.xml"]]
        while parts and not parts[-1]:
            parts.pop()
        open(os.path.join(out, "xml_" + name[:-5]), "wb").write(b"\0".join(parts))


NORMALIZE = ["1229.70", "1,229.70", "1 858.41", "(3.50)", "-0.00", "96.49%", ".5", "007",
             "１２３．４５", "963.7\n7", "1229.\n70", "12.5 13.6", "1，60", "1，234", "12a3",
             "2023-01-31", "2021-2023", "2023.12", "(2023)", "——", "收     入",
             "4. 财政", "财政专户 (教育收费)", "⻔", "\u200b12\u00ad3", "201 一般公共服务支出",
             "1, 229. 70", "−3", "-(3)", "\xff\xfe"]


def main():
    corpus = os.path.join(ROOT, "corpus")
    write_pdfs(os.path.join(corpus, "pdf"))
    write_docx_xml(os.path.join(corpus, "docx"))
    for i, s in enumerate(NORMALIZE):
        data = s.encode("utf-8", "surrogateescape") if s != "\xff\xfe" else b"\xff\xfe1"
        open(os.path.join(corpus, "normalize", "cell_%02d" % i), "wb").write(data)
    rng = random.Random(6)
    for i in range(8):
        data = bytes(rng.randrange(256) for _ in range(64 + 64 * i))
        open(os.path.join(corpus, "mapper", "random_%02d" % i), "wb").write(data)


if __name__ == "__main__":
    main()
