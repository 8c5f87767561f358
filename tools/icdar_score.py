#!/usr/bin/env python3
"""Score the PDF table extractor on the ICDAR 2013 table competition set.

    tools/icdar_score.py [--binary build/cnbudget] [--dataset DIR] [--only GLOB]
                         [--outputs DIR] [--keep DIR] [--matched-only]
                         [--strip-spaces] [--verbose] [--self-test]

For every PDF of the dataset that has a `<name>-str.xml` structure ground truth,
runs `cnbudget extract PDF -o OUT.json` (or, with --outputs DIR, reads an
existing DIR/<name>.pdf.json) and compares the tables with the competition's
structure metric: adjacency relations.

The metric (Goebel et al., ICDAR 2013 Table Competition):
  * A table is a grid of cells (row/column start and end, inclusive) with text.
    Empty cells take no part.
  * For every non-empty cell and every row it covers, the nearest non-empty
    cell to its right in that row gives a relation (text, text, "right"); for
    every column it covers, the nearest non-empty cell below it gives
    (text, text, "below"). Duplicates from spanning cells are counted once.
  * Texts are compared after Unicode NFKC and collapsing white space to one
    space (--strip-spaces removes all white space instead, which forgives
    line-break placement inside cells).
  * Ground-truth tables are paired with our tables that share a page; the
    pairing maximises the number of relations in common (greedy, best pair
    first, each table used at most once).
  * Per file: correct = relations in common (as a multiset), precision =
    correct / our relations, recall = correct / ground-truth relations. Our
    tables that pair with no ground-truth table count as false positives
    unless --matched-only is given. Totals are micro-averaged over files (the
    final line); the per-document average is printed too.
  * eu-009, us-011, us-031, us-035 have an alternative ground truth ("b");
    the better of "a" and "b" (by F1) is used for that file.

Ground truth: `<table><region page col-increment row-increment><cell
start-row start-col [end-row end-col]><content>`; row/column indices of a
region are shifted by its increments, so a table continued over regions or
pages is one grid, as in our JSON (tables[].cells with r, c, rs, cs, and
`raw`, falling back to `text`: raw keeps "1,229" as the ground truth does).

--self-test converts each -str.xml into our JSON format and scores it: every
file must give F1 = 1.0 (checks the parser, the pairing and the metric).

The last line is always `ICDAR2013 precision=P recall=R f1=F`.
Standard library only.
"""
import argparse
import collections
import fnmatch
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
DEFAULT_DATASET = os.path.join(
    PROJECT, "..", "shared", "corpus", "external", "camelot", "files", "tabula",
    "icdar2013-dataset")
DEFAULT_BINARY = os.path.join(PROJECT, "build", "cnbudget")
TIMEOUT_SECONDS = 300


# --- tables as grids --------------------------------------------------------

class Cell(collections.namedtuple("Cell", "r0 c0 r1 c1 text page")):
    """One non-empty cell; r1/c1 inclusive."""


def normalize_text(text, strip_spaces):
    text = unicodedata.normalize("NFKC", text or "")
    if strip_spaces:
        return "".join(text.split())
    return " ".join(text.split())


def adjacency_relations(cells):
    """Multiset (Counter) of (text, text, direction) for one table."""
    at = {}  # (row, col) -> index of the cell covering it
    for i, cell in enumerate(cells):
        for r in range(cell.r0, cell.r1 + 1):
            for c in range(cell.c0, cell.c1 + 1):
                at.setdefault((r, c), i)
    if not at:
        return collections.Counter()
    max_row = max(r for r, _ in at)
    max_col = max(c for _, c in at)
    pairs = set()
    for i, cell in enumerate(cells):
        for r in range(cell.r0, cell.r1 + 1):
            for c in range(cell.c1 + 1, max_col + 1):
                j = at.get((r, c))
                if j is not None and j != i:
                    pairs.add((i, j, "right"))
                    break
        for c in range(cell.c0, cell.c1 + 1):
            for r in range(cell.r1 + 1, max_row + 1):
                j = at.get((r, c))
                if j is not None and j != i:
                    pairs.add((i, j, "below"))
                    break
    return collections.Counter(
        (cells[i].text, cells[j].text, d) for i, j, d in pairs)


class Table:
    def __init__(self, name, cells, strip_spaces):
        kept = []
        for cell in cells:
            text = normalize_text(cell.text, strip_spaces)
            if text:
                kept.append(cell._replace(text=text))
        self.name = name
        self.cells = kept
        self.pages = {cell.page for cell in kept if cell.page is not None}
        self.relations = adjacency_relations(kept)


# --- reading ground truth and our JSON --------------------------------------

def read_ground_truth(path, strip_spaces):
    root = ET.parse(path).getroot()
    tables = []
    for t_index, table in enumerate(root.iter("table")):
        cells = []
        for region in table.iter("region"):
            page = int(region.get("page", "0"))
            row_inc = int(region.get("row-increment", "0") or 0)
            col_inc = int(region.get("col-increment", "0") or 0)
            for cell in region.iter("cell"):
                r0 = int(cell.get("start-row")) + row_inc
                c0 = int(cell.get("start-col")) + col_inc
                r1 = int(cell.get("end-row", cell.get("start-row"))) + row_inc
                c1 = int(cell.get("end-col", cell.get("start-col"))) + col_inc
                content = cell.find("content")
                text = content.text if content is not None else ""
                cells.append(Cell(r0, c0, r1, c1, text or "", page))
        name = "gt#%s" % table.get("id", t_index + 1)
        tables.append(Table(name, cells, strip_spaces))
    return tables


def read_our_json(path, strip_spaces):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    tables = []
    for t_index, table in enumerate(doc.get("tables") or []):
        pages = table.get("pages") or [None, None]
        default_page = pages[0] if pages else None
        cells = []
        for cell in table.get("cells") or []:
            r, c = int(cell["r"]), int(cell["c"])
            rs, cs = int(cell.get("rs", 1) or 1), int(cell.get("cs", 1) or 1)
            # `raw` is what the PDF says; `text` has our number canonicalization
            # ("1,229" -> "1229"), which the ground truth does not.
            text = cell.get("raw")
            if text is None:
                text = cell.get("text", "")
            page = cell.get("page", default_page)
            cells.append(Cell(r, c, r + rs - 1, c + cs - 1, text, page))
        t = Table("ours#%d" % table.get("index", t_index), cells, strip_spaces)
        if pages and pages[0] is not None:
            first, last = int(pages[0]), int(pages[-1])
            t.pages |= set(range(first, last + 1))
        tables.append(t)
    return tables


def ground_truth_as_our_json(gt_path):
    """The -str.xml written as our JSON: the self-test's mock output."""
    root = ET.parse(gt_path).getroot()
    tables = []
    for t_index, table in enumerate(root.iter("table")):
        cells, pages = [], []
        for region in table.iter("region"):
            page = int(region.get("page", "0"))
            pages.append(page)
            row_inc = int(region.get("row-increment", "0") or 0)
            col_inc = int(region.get("col-increment", "0") or 0)
            for cell in region.iter("cell"):
                r0 = int(cell.get("start-row")) + row_inc
                c0 = int(cell.get("start-col")) + col_inc
                r1 = int(cell.get("end-row", cell.get("start-row"))) + row_inc
                c1 = int(cell.get("end-col", cell.get("start-col"))) + col_inc
                content = cell.find("content")
                raw = (content.text if content is not None else "") or ""
                cells.append({"r": r0, "c": c0, "rs": r1 - r0 + 1, "cs": c1 - c0 + 1,
                              "raw": raw, "text": " ".join(raw.split()), "page": page})
        tables.append({"index": t_index, "pages": [min(pages), max(pages)] if pages else None,
                       "cells": cells})
    return {"schema": "cnbudget/1", "tables": tables, "issues": []}


# --- pairing and scoring ----------------------------------------------------

def common(a, b):
    return sum((a & b).values())


def pair_tables(gt_tables, our_tables):
    """Greedy best-first pairing of tables that share a page."""
    candidates = []
    for i, g in enumerate(gt_tables):
        for j, o in enumerate(our_tables):
            if g.pages and o.pages and not (g.pages & o.pages):
                continue
            score = common(g.relations, o.relations)
            texts = common(collections.Counter(c.text for c in g.cells),
                           collections.Counter(c.text for c in o.cells))
            if score or texts:
                candidates.append((score, texts, i, j))
    candidates.sort(reverse=True)
    used_gt, used_ours, pairs = set(), set(), []
    for _, _, i, j in candidates:
        if i in used_gt or j in used_ours:
            continue
        used_gt.add(i)
        used_ours.add(j)
        pairs.append((i, j))
    return pairs


class Score(collections.namedtuple("Score", "gt ours correct")):
    @property
    def precision(self):
        return self.correct / self.ours if self.ours else (1.0 if not self.gt else 0.0)

    @property
    def recall(self):
        return self.correct / self.gt if self.gt else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other):
        return Score(self.gt + other.gt, self.ours + other.ours, self.correct + other.correct)


def score_file(gt_tables, our_tables, matched_only, log=None):
    pairs = pair_tables(gt_tables, our_tables)
    gt_total = sum(sum(t.relations.values()) for t in gt_tables)
    paired_ours = {j for _, j in pairs}
    ours_total = sum(sum(t.relations.values()) for j, t in enumerate(our_tables)
                     if not matched_only or j in paired_ours)
    correct = 0
    for i, j in pairs:
        g, o = gt_tables[i].relations, our_tables[j].relations
        correct += common(g, o)
        if log is not None:
            missing = g - o
            extra = o - g
            log.append("  %s <-> %s: gt=%d ours=%d correct=%d" % (
                gt_tables[i].name, our_tables[j].name, sum(g.values()),
                sum(o.values()), common(g, o)))
            for rel in list(missing)[:5]:
                log.append("    missing %r" % (rel,))
            for rel in list(extra)[:5]:
                log.append("    extra   %r" % (rel,))
    if log is not None:
        for i, g in enumerate(gt_tables):
            if i not in {p[0] for p in pairs}:
                log.append("  %s (pages %s): not found" % (g.name, sorted(g.pages)))
        for j, o in enumerate(our_tables):
            if j not in paired_ours:
                log.append("  %s (pages %s): no ground-truth table" % (o.name, sorted(o.pages)))
    return Score(gt_total, ours_total, correct), len(pairs)


# --- running ----------------------------------------------------------------

def dataset_files(dataset, only):
    """(name, pdf path, [ground-truth paths]) for every PDF with a -str.xml."""
    found = []
    for sub in sorted(os.listdir(dataset)):
        folder = os.path.join(dataset, sub)
        if not os.path.isdir(folder):
            continue
        names = set(os.listdir(folder))
        for pdf in sorted(n for n in names if n.endswith(".pdf")):
            base = pdf[:-4]
            truths = [base + "-str.xml"]
            if base.endswith("a"):
                truths.append(base[:-1] + "b-str.xml")
            truths = [os.path.join(folder, t) for t in truths if t in names]
            if truths and (not only or fnmatch.fnmatch(pdf, only) or fnmatch.fnmatch(base, only)):
                found.append((base, os.path.join(folder, pdf), truths))
    return found


def run_extractor(binary, pdf, out_path):
    try:
        proc = subprocess.run([binary, "extract", pdf, "-o", out_path],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return "timeout after %ds" % TIMEOUT_SECONDS
    if not os.path.exists(out_path):
        return "exit %d, no output: %s" % (proc.returncode, proc.stderr.decode(errors="replace")[-200:])
    return None


def our_output(args, name, pdf, workdir):
    """Path of our JSON for `pdf` (running the binary if needed), or (None, why)."""
    if args.self_test:
        path = os.path.join(workdir, name + ".pdf.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(ground_truth_as_our_json(pdf[:-4] + "-str.xml"), f, ensure_ascii=False)
        return path, None
    if args.outputs:
        path = os.path.join(args.outputs, os.path.basename(pdf) + ".json")
        return (path, None) if os.path.exists(path) else (None, "no %s" % path)
    out_dir = args.keep or workdir
    path = os.path.join(out_dir, os.path.basename(pdf) + ".json")
    if os.path.exists(path):
        os.remove(path)
    error = run_extractor(args.binary, pdf, path)
    return (None, error) if error else (path, None)


def fmt(score):
    return "gt=%d ours=%d correct=%d P=%.4f R=%.4f F1=%.4f" % (
        score.gt, score.ours, score.correct, score.precision, score.recall, score.f1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=DEFAULT_BINARY, help="cnbudget binary")
    parser.add_argument("--dataset", default=DEFAULT_DATASET, help="icdar2013-dataset folder")
    parser.add_argument("--only", help="glob on the PDF name (e.g. 'us-*')")
    parser.add_argument("--outputs", help="read existing DIR/<name>.pdf.json instead of running")
    parser.add_argument("--keep", help="write our JSON outputs into this folder")
    parser.add_argument("--matched-only", action="store_true",
                        help="ignore our tables that pair with no ground-truth table")
    parser.add_argument("--strip-spaces", action="store_true",
                        help="compare texts with all white space removed")
    parser.add_argument("--verbose", action="store_true", help="per-table details")
    parser.add_argument("--self-test", action="store_true",
                        help="score the ground truth converted to our JSON (must be F1=1.0)")
    args = parser.parse_args()

    if not os.path.isdir(args.dataset):
        print("no dataset at %s" % args.dataset, file=sys.stderr)
        return 2
    if not args.self_test and not args.outputs and not os.access(args.binary, os.X_OK):
        print("no executable binary at %s" % args.binary, file=sys.stderr)
        return 2
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)

    files = dataset_files(args.dataset, args.only)
    total = Score(0, 0, 0)
    per_file = []
    failures = []
    with tempfile.TemporaryDirectory(prefix="icdar_score_") as workdir:
        for name, pdf, truths in files:
            path, error = our_output(args, name, pdf, workdir)
            try:
                ours = read_our_json(path, args.strip_spaces) if path else []
            except (OSError, ValueError, KeyError, TypeError) as e:
                ours, error = [], "unreadable JSON: %s" % e
            if error:
                failures.append((name, error))
            best = None
            for truth in truths:
                gt = read_ground_truth(truth, args.strip_spaces)
                log = [] if args.verbose else None
                score, n_pairs = score_file(gt, ours, args.matched_only, log)
                if best is None or score.f1 > best[0].f1:
                    best = (score, n_pairs, len(gt), os.path.basename(truth), log)
            score, n_pairs, n_gt, truth_name, log = best
            total = total + score
            per_file.append(score)
            print("%-10s tables gt=%d ours=%d paired=%d  %s%s%s" % (
                name, n_gt, len(ours), n_pairs, fmt(score),
                "  [%s]" % truth_name if len(truths) > 1 else "",
                "  ERROR: %s" % error if error else ""))
            for line in log or []:
                print(line)

    print("TOTAL %d files  %s" % (len(files), fmt(total)))
    if per_file:
        # The per-document average some papers report, for comparison.
        n = len(per_file)
        print("per-document average  P=%.4f R=%.4f F1=%.4f" % (
            sum(s.precision for s in per_file) / n, sum(s.recall for s in per_file) / n,
            sum(s.f1 for s in per_file) / n))
    if failures:
        print("%d files failed: %s" % (len(failures), ", ".join(n for n, _ in failures)))
    print("ICDAR2013 precision=%.4f recall=%.4f f1=%.4f" % (
        total.precision, total.recall, total.f1))
    if args.self_test and (total.f1 != 1.0 or not files):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
