#!/usr/bin/env python3
"""Survey the real Chinese government PDFs of ../shared/corpus/external.

    tools/survey_external.py [--binary build/cnbudget] [--external DIR] [--out DIR] [--issues]

Runs `cnbudget extract` on every real budget / final-accounts PDF there and
prints, per file: exit status, pages, the tables found (number, standard,
title, size, pages), and with --issues the arithmetic issues. Ends with totals
and a list of files that failed. Standard library only.
"""
import argparse
import json
import os
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
)


def real_pdfs(external):
    for folder in REAL_FOLDERS:
        for root, _, files in os.walk(os.path.join(external, folder)):
            for f in sorted(files):
                if f.lower().endswith(".pdf"):
                    yield os.path.join(root, f)


def describe_table(t):
    pages = t.get("pages") or ["-", "-"]
    return "  #%-2s %-4s %-34s %3dx%-3d p%s-%s recs=%-4d %s" % (
        t.get("index"), t.get("number") if t.get("number") is not None else "-",
        t.get("standard") or "(null)", t.get("n_rows", 0), t.get("n_cols", 0),
        pages[0], pages[1], len(t.get("records") or []), (t.get("title") or "")[:40])


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
    for i, path in enumerate(real_pdfs(args.external)):
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
    for rel, rc in failed:
        print("  failed: %s (exit %s)" % (rel, rc))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
