#!/usr/bin/env python3
"""Writes the legacy Office fixtures (fixtures/legacy/) with LibreOffice.

Word 97-2003 (.doc) and Excel 97-2003 (.xls) copies of the project's own
DOCX/XLSX fixtures, saved by LibreOffice headless in a private profile. The
legacy reader (extract/legacy) converts them back to DOCX/XLSX and must find
the same tables as in their sources (tests/legacy/legacy_test.cc).

Only fixtures whose content survives LibreOffice's own import unchanged are
used: the DOCX fixtures built to test our reader's edge cases (content
controls around rows, field results, a renamed main part, a bare
numbering.xml) are read differently by LibreOffice itself, and the hostile
workbook would be a 2 MB .xls.

    python3 tools/gen_legacy_fixtures.py            # needs soffice on PATH
"""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SOURCES = [
    ("fixtures/sample_budget.docx", "doc:MS Word 97"),
    ("fixtures/docx/captions.docx", "doc:MS Word 97"),
    ("fixtures/docx/nested.docx", "doc:MS Word 97"),
    ("fixtures/xlsx/numbers.xlsx", "xls:MS Excel 97"),
    ("fixtures/xlsx/layout.xlsx", "xls:MS Excel 97"),
]


def main():
    soffice = shutil.which("soffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui")
    out_dir = os.path.join(ROOT, "fixtures", "legacy")
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        for source, target in SOURCES:
            subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless",
                            "--convert-to", target, "--outdir", out_dir,
                            os.path.join(ROOT, source)], check=True, stdout=subprocess.DEVNULL)
            name = os.path.splitext(os.path.basename(source))[0] + "." + target.split(":")[0]
            if not os.path.exists(os.path.join(out_dir, name)):
                sys.exit("LibreOffice did not write " + name)
            print("fixtures/legacy/" + name, "from", source)


if __name__ == "__main__":
    main()
