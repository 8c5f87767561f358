#!/usr/bin/env python3
"""Survey the real Chinese government documents of ../shared/corpus/external.

    tools/survey_external.py [--binary build/cnbudget] [--external DIR] [--out DIR] [--issues]

Runs `cnbudget extract` on every real budget / final-accounts document there
(PDF, DOCX, DOC, XLSX) and prints, per file: exit status, pages, the tables
found (number, standard, title, size, pages, verified, doubts), and with
--issues the arithmetic issues. Ends with totals, the guard counts that must
stay 0 (values with more than 15 integer digits; cells holding several
amounts that still carry a value) and a list of files that failed. Standard
library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

# The folders that hold real government documents (the rest of external/ is
# ICDAR, DOCX suites and synthetic test PDFs).
REAL_FOLDERS = (
    "govbudgetchecker-shanghai-putuo",
    "tianbaoxitong-shanghai",
    "open-budget-jiangsu",
    "kirogovcompare-gov-info-annual-reports",
    "real-cities",
)
EXTENSIONS = (".pdf", ".docx", ".doc", ".xlsx", ".xls")

# Two or more amounts separated by white space or line breaks.
SEVERAL_AMOUNTS = re.compile(r"\d[\d,.]*\s+[-(]?\d")


def real_documents(external):
    for folder in REAL_FOLDERS:
        for root, _, files in os.walk(os.path.join(external, folder)):
            for f in sorted(files):
                if f.lower().endswith(EXTENSIONS):
                    yield os.path.join(root, f)


def guard_counts(tables):
    """(values with more than 15 integer digits, several-amount cells with a value)."""
    long_values = several = 0
    for t in tables:
        for c in t.get("cells") or []:
            value = c.get("value")
            if value is None:
                continue
            digits = value.lstrip("-").split(".")[0].rstrip("%")
            long_values += len(digits) > 15
            several += bool(SEVERAL_AMOUNTS.search(c.get("raw") or ""))
    return long_values, several


def describe_table(t):
    pages = t.get("pages") or ["-", "-"]
    verified = {True: "ok", False: "FAIL", None: "-"}[t.get("verified")]
    doubts = ",".join(t.get("doubts") or [])
    return "  #%-2s %-4s %-34s %3dx%-3d p%s-%s recs=%-4d %-4s %s%s" % (
        t.get("index"), t.get("number") if t.get("number") is not None else "-",
        t.get("standard") or "(null)", t.get("n_rows", 0), t.get("n_cols", 0),
        pages[0], pages[1], len(t.get("records") or []), verified, (t.get("title") or "")[:40],
        "  doubts=" + doubts if doubts else "")


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--binary", default=os.path.join(here, "..", "build", "cnbudget"))
    ap.add_argument("--external", default=os.path.join(here, "..", "..", "shared", "corpus", "external"))
    ap.add_argument("--out", default="/tmp/cnbudget-survey")
    ap.add_argument("--issues", action="store_true", help="print the arithmetic issues too")
    ap.add_argument("--timeout", type=int, default=300)
    args = ap.parse_args()
    if not os.path.isdir(args.external):
        print("external corpus not found at %s: nothing to survey" % args.external)
        return 0
    os.makedirs(args.out, exist_ok=True)
    failed, n_files, n_tables, n_std, n_issues = [], 0, 0, 0, 0
    n_long, n_several, n_doubted = 0, 0, 0
    for i, path in enumerate(real_documents(args.external)):
        n_files += 1
        out = os.path.join(args.out, "%03d.json" % i)
        t0 = time.time()
        try:
            rc = subprocess.run([args.binary, "extract", path, "-o", out], capture_output=True,
                                timeout=args.timeout).returncode
        except subprocess.TimeoutExpired:
            rc = "timeout"
        dt = time.time() - t0
        rel = os.path.relpath(path, args.external)
        try:
            doc = json.load(open(out, encoding="utf-8"))
        except (OSError, ValueError):
            doc = None
        if rc != 0 or doc is None:
            failed.append((rel, rc))
            print("FAIL %s (exit %s)" % (rel, rc))
            continue
        tables = doc.get("tables") or []
        issues = [x for x in doc.get("issues") or [] if x.get("code") == "sum_mismatch"]
        meta = doc.get("document") or {}
        n_tables += len(tables)
        n_std += sum(1 for t in tables if t.get("standard"))
        n_issues += len(issues)
        long_values, several = guard_counts(tables)
        n_long += long_values
        n_several += several
        n_doubted += sum(1 for t in tables if t.get("doubts"))
        print("%s  pages=%s tables=%d standard=%d sum_mismatch=%d %.1fs  [%s %s %s %s]" % (
            rel, (doc.get("source") or {}).get("pages"), len(tables),
            sum(1 for t in tables if t.get("standard")), len(issues), dt,
            meta.get("unit"), meta.get("year"), meta.get("kind"), meta.get("currency_unit")))
        for t in tables:
            print(describe_table(t))
        if args.issues:
            for x in issues:
                print("    ! table %s r%s c%s expected %s found %s: %s" % (
                    x.get("table"), x.get("r"), x.get("c"), x.get("expected"), x.get("found"),
                    x.get("message", "")[:90]))
    print("\nfiles=%d failed=%d tables=%d standard_tables=%d sum_mismatch=%d" % (
        n_files, len(failed), n_tables, n_std, n_issues))
    print("guards: values_over_15_digits=%d several_amount_cells_with_value=%d tables_with_doubts=%d"
          % (n_long, n_several, n_doubted))
    for rel, rc in failed:
        print("  failed: %s (exit %s)" % (rel, rc))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
