#!/usr/bin/env python3
"""Benchmark of `cnbudget convert`: throughput and the parent's memory.

    bench/batch_bench.py [--binary build/cnbudget] [--sizes 250,1000] [--jobs 1,2]
                         [--work DIR] [--keep]

Makes N distinct documents from copies of a few dev-corpus files (each copy is
made unique, so content-hash deduplication does not collapse them: a PDF gets a
trailing comment after %%EOF, a DOCX a different zip comment), then runs
`convert` on them into a fresh database for every (size, jobs) pair and prints
documents/s, pages/s, the parent's peak RSS and the largest worker's (both read
from the summary, which takes them from getrusage RUSAGE_SELF / RUSAGE_CHILDREN).
The parent's peak must stay flat from 250 to 1000 documents.
Skips (exit 0) when the dev corpus is absent. Takes minutes: not part of the tests.

Figures measured 2026-11-25 (2 cores shared with other builds, RelWithDebInfo; 1/3 DOCX,
2/3 PDF, ~13 pages and ~256 records per document on average):
   docs jobs     sec  docs/s  pages/s  parent MB  worker MB
    250    1    29.6     8.4    109.5       17.9       20.9
    250    2    16.7    14.9    193.7       17.9       20.9
   1000    1   114.3     8.7    113.6       17.9       20.9
   1000    2    75.4    13.3    172.2       18.1       21.0
The parent's peak RSS does not grow with the number of documents.
"""
import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEV = os.path.join(ROOT, "..", "shared", "corpus", "dev")
SOURCES = ["c000_word.docx", "c003_word.docx", "c000_writer.pdf", "c003_writer.pdf",
           "c000_calc.pdf", "c003_calc.pdf"]


def make_corpus(folder, n, sources):
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        src = sources[i % len(sources)]
        name = os.path.basename(src)
        stem, ext = os.path.splitext(name)
        dst = os.path.join(folder, f"{i:05d}_{stem}{ext}")
        shutil.copyfile(src, dst)
        if ext.lower() == ".pdf":
            with open(dst, "ab") as f:
                f.write(f"\n%bench copy {i}\n".encode())
        else:
            with zipfile.ZipFile(dst, "a") as z:
                z.comment = f"bench copy {i}".encode()


def run(binary, corpus, db, jobs):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    start = time.monotonic()
    proc = subprocess.run([binary, "convert", corpus, "--db", db, "--jobs", str(jobs)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - start
    memory = re.search(r"parent peak RSS ([\d.]+) MB, largest worker ([\d.]+) MB", proc.stderr)
    con = sqlite3.connect(db)
    docs, ok, pages, records = con.execute(
        "SELECT count(*), sum(status = 'ok'), coalesce(sum(pages), 0), "
        "coalesce(sum(n_records), 0) FROM documents").fetchone()
    con.close()
    return {
        "exit": proc.returncode, "seconds": seconds, "docs": docs, "ok": ok or 0,
        "pages": pages, "records": records,
        "parent_mb": float(memory.group(1)) if memory else float("nan"),
        "worker_mb": float(memory.group(2)) if memory else float("nan"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "cnbudget"))
    ap.add_argument("--sizes", default="250,1000")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--work", default=None)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    sources = [os.path.join(DEV, s) for s in SOURCES if os.path.exists(os.path.join(DEV, s))]
    if not sources:
        print(f"SKIP: no dev corpus files under {DEV}")
        return 0
    if not os.access(args.binary, os.X_OK):
        print(f"no binary at {args.binary} (use --binary)", file=sys.stderr)
        return 1
    work = args.work or tempfile.mkdtemp(prefix="cnbudget-batch-bench-")
    print(f"sources: {', '.join(os.path.basename(s) for s in sources)}; work: {work}")
    print(f"{'docs':>5} {'jobs':>4} {'exit':>4} {'ok':>5} {'sec':>7} {'docs/s':>7} {'pages':>6} "
          f"{'pages/s':>7} {'records':>8} {'parent MB':>9} {'worker MB':>9}")
    try:
        for n in (int(x) for x in args.sizes.split(",")):
            corpus = os.path.join(work, f"corpus_{n}")
            make_corpus(corpus, n, sources)
            for jobs in (int(x) for x in args.jobs.split(",")):
                r = run(args.binary, corpus, os.path.join(work, f"bench_{n}_{jobs}.sqlite"), jobs)
                s = r["seconds"]
                print(f"{r['docs']:>5} {jobs:>4} {r['exit']:>4} {r['ok']:>5} {s:>7.1f} "
                      f"{r['docs'] / s:>7.1f} {r['pages']:>6} {r['pages'] / s:>7.1f} "
                      f"{r['records']:>8} {r['parent_mb']:>9.1f} {r['worker_mb']:>9.1f}",
                      flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
