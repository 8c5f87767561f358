#!/usr/bin/env python3
"""Benchmark of OCR on a scanned PDF: pages per second with 1 and 2 threads.

    bench/ocr_bench.py [--binary build/cnbudget] [--pages 12] [--threads 1,2] [--dpi 200]

Makes an image-only PDF of N pages with tools/make_scan_pdf.py (pages 2-4 of
fixtures/sample_final.pdf, three ruled tables, repeated), then runs
`cnbudget extract --ocr-threads T` on it (in-process, no time limit) for every
T, and prints wall time, CPU time, pages/s and the speed-up over one thread.
The tables of every run must be the same: threads change the speed, never
the answer. Needs a build with OCR (Tesseract); not part of the tests.
The load average is printed too: on a machine shared with other jobs the
speed-up is what cores are left.

Figures: see the README section "Scans at archive scale".
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def make_scan(path, pages, dpi):
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "make_scan_pdf.py"),
                    os.path.join(ROOT, "fixtures", "sample_final.pdf"), path, "--first", "2",
                    "--last", "4", "--dpi", str(dpi), "--quality", "60", "--pages", str(pages)],
                   check=True)


def run(binary, scan, threads, out):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run([binary, "extract", scan, "-o", out, "--timeout", "0", "--max-memory", "0",
                    "--ocr-threads", str(threads)], check=True, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with open(out, encoding="utf-8") as f:
        doc = json.load(f)
    return wall, cpu, doc


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "cnbudget"))
    ap.add_argument("--pages", type=int, default=12)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--dpi", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scan = os.path.join(tmp, "scan.pdf")
        make_scan(scan, args.pages, args.dpi)
        print("scan: %d pages at %d dpi; %d cores; load average %.2f" %
              (args.pages, args.dpi, os.cpu_count(), os.getloadavg()[0]))
        print("threads   wall s    cpu s  pages/s  speed-up")
        base, tables = None, None
        for threads in [int(t) for t in args.threads.split(",")]:
            wall, cpu, doc = run(args.binary, scan, threads, os.path.join(tmp, "out.json"))
            if not any(i["code"] == "ocr_used" for i in doc["issues"]):
                sys.exit("no page was read by OCR: is the build without Tesseract?")
            if tables is None:
                tables = doc["tables"]
            elif doc["tables"] != tables:
                sys.exit("the tables differ with %d threads" % threads)
            base = base or wall
            print("%7d %8.1f %8.1f %8.2f %9.2f" % (threads, wall, cpu, args.pages / wall,
                                                   base / wall))
        print("load average after: %.2f" % os.getloadavg()[0])


if __name__ == "__main__":
    main()
