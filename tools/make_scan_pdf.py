#!/usr/bin/env python3
"""Makes an image-only ("scanned") PDF from pages of another PDF.

Each page is rasterized with pdftoppm (gray JPEG) and written back as a page
that only draws that image (a DCTDecode image XObject), so the result has no
text layer and no vector rulings, like a scan. Used to build
fixtures/sample_final_scan.pdf for the OCR tests:

    python3 tools/make_scan_pdf.py fixtures/sample_final.pdf \
        fixtures/sample_final_scan.pdf --first 2 --last 4 --dpi 150 --quality 60
"""
import argparse
import glob
import os
import subprocess
import tempfile


def jpeg_size(data):
    """(width, height, components) from the JPEG's start-of-frame marker."""
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            raise ValueError("not a JPEG marker")
        marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return (int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big"),
                    data[i + 9])
        i += 2 + length
    raise ValueError("no SOF marker")


def write_pdf(jpegs, dpi, out_path):
    objects = []  # bodies, object number = index + 1

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages = add(None)
    kids = []
    for data in jpegs:
        # pdftoppm -gray -jpeg still writes three (equal) components.
        w, h, components = jpeg_size(data)
        space = b"/DeviceGray" if components == 1 else b"/DeviceRGB"
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                    b"/ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode "
                    b"/Length %d >>\nstream\n" % (w, h, space, len(data)) + data + b"\nendstream")
        ops = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        content = add(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
                        b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages, pw, ph, image, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
    objects[pages - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                          + b"] /Count %d >>" % len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, xref)
    with open(out_path, "wb") as f:
        f.write(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source")
    ap.add_argument("output")
    ap.add_argument("--first", type=int, default=1)
    ap.add_argument("--last", type=int, default=0, help="0: the last page")
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--quality", type=int, default=60)
    ap.add_argument("--pages", type=int, default=0,
                    help="repeat the rendered pages up to this many (0: each once)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["pdftoppm", "-gray", "-jpeg", "-jpegopt", "quality=%d" % args.quality,
               "-r", str(args.dpi), "-f", str(args.first)]
        if args.last:
            cmd += ["-l", str(args.last)]
        subprocess.run(cmd + [args.source, os.path.join(tmp, "p")], check=True)
        files = sorted(glob.glob(os.path.join(tmp, "p*.jpg")))
        jpegs = [open(f, "rb").read() for f in files]
    if args.pages > 0:
        jpegs = [jpegs[i % len(jpegs)] for i in range(args.pages)]
    write_pdf(jpegs, args.dpi, args.output)


if __name__ == "__main__":
    main()
