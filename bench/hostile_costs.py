#!/usr/bin/env python3
"""Time and peak memory of `cnbudget extract` on the costly hostile inputs of
issue 15, generated here (nothing is committed), for one or two binaries:

    bench/hostile_costs.py [--binary build/cnbudget] [--before OLD_BINARY]

Each input is converted in-process (--timeout 0 --max-memory 0) under a
300 s limit, so what is measured is the reader's own cost, not a kill; the
table gives wall and CPU seconds, peak resident memory (GNU time) and the
issue codes of the answer. The README's hostile table comes from this.
"""
import argparse
import json
import os
import random
import subprocess
import tempfile
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def pdf(content, image=None, media_box="[0 0 612 792]"):
    resources = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
    if image:
        resources += b" /XObject << /Im1 5 0 R >>"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box.encode() +
            b" /Contents 4 0 R /Resources << " + resources + b" >> >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)]
    if image:
        objs.append(image)
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, o)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def gray_image(width, height, samples):
    data = zlib.compress(samples)
    return (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
            % (width, height, len(data), data))


FULL_PAGE = b"q 612 0 0 792 0 0 cm /Im1 Do Q"


def astronomical(path):
    big = b"1" + b"0" * 300
    with open(path, "wb") as f:
        f.write(pdf(b"BT /F1 12 Tf 1 0 0 1 100000000000000000000.0 100000000000000000000.0 Tm "
                    b"(far) Tj ET BT /F1 12 Tf " + big + b" 0 0 " + big + b" " + big + b" " + big +
                    b" Tm (inf) Tj ET BT /F1 12 Tf 1 0 0 1 72 700 Tm (near) Tj ET",
                    media_box="[0 0 100000000000000000000.0 100000000000000000000.0]"))


def huge_images(path):
    # Three pages would be three times this; one shows the cost per page.
    with open(path, "wb") as f:
        f.write(pdf(FULL_PAGE, gray_image(40000, 40000, b"\x80")))


def noise(path):
    rnd = random.Random(15)
    with open(path, "wb") as f:
        f.write(pdf(FULL_PAGE, gray_image(1200, 1600, bytes(rnd.getrandbits(8)
                                                              for _ in range(1200 * 1600)))))


def repeated_sheets(path, sheets=256, rows=5000):
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxml'
                   'formats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="%s"><Relationship '
                   'Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>'
                   % (pkg, rel))
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook %s xmlns:r="%s"><sheets>%s'
                   '</sheets></workbook>' % (ns, rel, "".join(
                       '<sheet name="S%d" sheetId="%d" r:id="rId1"/>' % (i, i + 1)
                       for i in range(sheets))))
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="%s">'
                   '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>' % (pkg, rel))
        z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet %s><sheetData>%s'
                   '</sheetData></worksheet>' % (ns, "".join(
                       '<row r="%d"><c r="A%d" t="inlineStr"><is><t>项目%d</t></is></c>'
                       '<c r="B%d"><v>%d.5</v></c></row>' % (r, r, r, r, r)
                       for r in range(1, rows + 1))))


def many_rows(path, rows=150000):
    cell = "<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>"
    head = ("<w:tr>" + cell % "项目" + cell % "预算数" + cell % "决算数" + "</w:tr>")
    body = head + "".join("<w:tr>" + cell % ("项目%d" % i) + cell % ("%d.%02d" % (i, i % 100)) +
                   cell % ("%d.50" % (3 * i)) + "</w:tr>" for i in range(rows))
    doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
           'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>表1 收支总体'
           '情况表</w:t></w:r></w:p><w:tbl>' + body +
           "</w:tbl></w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxml'
                   'formats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                   'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   'officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", doc)


CASES = [
    ("text and page box at 1e20 / 1e300", "astronomical.pdf", astronomical),
    ("image of 40,000 x 40,000 px declared", "huge_image.pdf", huge_images),
    ("page of random noise (scan)", "noise.pdf", noise),
    ("256 sheets naming one 5,000-row part", "sheets.xlsx", repeated_sheets),
    ("DOCX table of 150,000 x 3 numeric cells", "rows.docx", many_rows),
]


def run(binary, path, out):
    cmd = ["/usr/bin/time", "-f", "%e %U %S %M", "timeout", "300", binary, "extract", path,
           "-o", out, "--timeout", "0", "--max-memory", "0"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall, user, sys_, rss = p.stderr.strip().splitlines()[-1].split()
    codes = "?"
    try:
        with open(out, encoding="utf-8") as f:
            doc = json.load(f)
        codes = ", ".join(sorted({i["code"] for i in doc["issues"] if i["severity"] != "info"}))
    except (OSError, ValueError):
        codes = "no JSON (exit %d)" % p.returncode
    return float(wall), float(user) + float(sys_), int(rss) // 1024, codes or "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "cnbudget"))
    ap.add_argument("--before", help="an older binary to compare with")
    args = ap.parse_args()
    binaries = [("now", args.binary)] + ([("before", args.before)] if args.before else [])
    with tempfile.TemporaryDirectory() as tmp:
        print("| input | binary | wall s | CPU s | peak MB | issues |")
        print("|---|---|---|---|---|---|")
        for title, name, make in CASES:
            path = os.path.join(tmp, name)
            make(path)
            for label, binary in binaries:
                wall, cpu, rss, codes = run(binary, path, os.path.join(tmp, "out.json"))
                print("| %s | %s | %.1f | %.1f | %d | %s |" % (title, label, wall, cpu, rss, codes))


if __name__ == "__main__":
    main()
