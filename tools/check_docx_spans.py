#!/usr/bin/env python3
"""Compare the DOCX extractor's table grids with third-party expected outputs.

    python3 tools/check_docx_spans.py [--binary build/cnbudget]
                                      [--external ../shared/corpus/external]

Runs `cnbudget extract` on the DOCX table tests of other projects (copied
under shared/corpus/external, see the READMEs there) and compares, table by
table in document order, n_rows x n_cols and every non-empty cell as
(r, c, rs, cs, text), texts compared without white space:

  docling      docx/sources/word_tables.docx    vs its DoclingDocument JSON
  docx2python  resources/merged_cells.docx      vs expected logical_grid_with_spans
  pandoc       table_header_rowspan.docx,
               table_gridbefore.docx            vs the pandoc AST (.native)

Prints OK or the differences per table and file, then a summary line; exits
1 when anything differs. Python 3 standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

WS = re.compile(r"\s+")


def key_text(s):
    return WS.sub("", unicodedata.normalize("NFKC", s or ""))


class Grid:
    """A table as n_rows, n_cols and {(r, c): (rs, cs, text)} of non-empty cells."""

    def __init__(self, n_rows, n_cols, cells):
        self.n_rows, self.n_cols = n_rows, n_cols
        self.cells = {(r, c): (rs, cs, key_text(t)) for r, c, rs, cs, t in cells if key_text(t)}


# ------------------------------------------------------------ our output
def extract(binary, path):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        run = subprocess.run([binary, "extract", path, "-o", out], capture_output=True, text=True)
        if run.returncode != 0 or not os.path.exists(out):
            raise RuntimeError(f"cnbudget exit {run.returncode}: {run.stderr.strip()}")
        with open(out, encoding="utf-8") as f:
            doc = json.load(f)
    return [Grid(t["n_rows"], t["n_cols"],
                 [(c["r"], c["c"], c.get("rs", 1), c.get("cs", 1), c.get("raw", c.get("text")))
                  for c in t["cells"]])
            for t in doc["tables"]]


# ------------------------------------------------------------ docling JSON
def docling_grids(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    grids = []
    for table in doc["tables"]:
        data = table["data"]
        grids.append(Grid(data["num_rows"], data["num_cols"], [
            (c["start_row_offset_idx"], c["start_col_offset_idx"],
             c["end_row_offset_idx"] - c["start_row_offset_idx"],
             c["end_col_offset_idx"] - c["start_col_offset_idx"], c["text"])
            for c in data["table_cells"]]))
    return grids


# ------------------------------------------------------ docx2python JSON
def docx2python_grids(path):
    with open(path, encoding="utf-8") as f:
        grid = json.load(f)["logical_grid_with_spans"]
    return [Grid(grid["n_rows"], grid["n_cols"],
                 [(c["row"], c["col"], c["rowspan"], c["colspan"], c["text"])
                  for c in grid["cells"]])]


# ------------------------------------------------------ pandoc .native AST
TOKEN = re.compile(r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<num>-?[0-9][0-9.e+-]*)'
                   r'|(?P<id>[A-Za-z_][A-Za-z0-9_\']*)|(?P<punct>[\[\](),]))', re.S)
HASKELL_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "&": ""}


def haskell_string(lit):
    body, out, i = lit[1:-1], [], 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        m = re.match(r"\d+", body[i + 1:])
        if m:
            out.append(chr(int(m.group())))
            i += 1 + len(m.group())
        else:
            out.append(HASKELL_ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
    return "".join(out)


def tokenize(text):
    pos, tokens = 0, []
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            if text[pos:].strip() == "":
                break
            raise ValueError(f"cannot read .native at {pos}: {text[pos:pos + 30]!r}")
        pos = m.end()
        kind = m.lastgroup
        value = m.group(kind)
        tokens.append((kind, haskell_string(value) if kind == "str" else value))
    return tokens


class Con:
    """A constructor application of the pandoc AST: name and arguments."""

    def __init__(self, name, args):
        self.name, self.args = name, args


class NativeParser:
    """Haskell `show` output to nested Python values: a constructor
    application is a Con, a list is a list, a tuple is a tuple."""

    def __init__(self, text):
        self.tokens, self.i = tokenize(text), 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def expr(self):
        kind, value = self.peek()
        if kind == "id":
            self.take()
            args = []
            while self.peek()[1] not in (",", "]", ")", None):
                args.append(self.atom())
            return Con(value, args)
        return self.atom()

    def atom(self):
        kind, value = self.take()
        if kind == "str":
            return value
        if kind == "num":
            return float(value)
        if kind == "id":
            return Con(value, [])
        close = {"[": "]", "(": ")"}[value]
        items = []
        while self.peek()[1] != close:
            items.append(self.expr())
            if self.peek()[1] == ",":
                self.take()
        self.take()
        if value == "[":
            return items
        return items[0] if len(items) == 1 else tuple(items)


def is_con(node, name):
    return isinstance(node, Con) and node.name == name


def children_of(node):
    if isinstance(node, Con):
        return node.args
    return node if isinstance(node, (list, tuple)) else []


def find_all(node, name, out):
    if is_con(node, name):
        out.append(node)
        return out
    for child in children_of(node):
        find_all(child, name, out)
    return out


def inline_text(node):
    """Text of inlines; bare strings elsewhere are attributes (link targets)."""
    if is_con(node, "Str"):
        return node.args[0]
    if is_con(node, "Space") or is_con(node, "SoftBreak"):
        return " "
    if is_con(node, "LineBreak"):
        return "\n"
    return "".join(inline_text(c) for c in children_of(node))


def cell_text(blocks):
    return "\n".join(inline_text(b) for b in blocks)


def pandoc_grid(table):
    """Table attr caption colspecs head bodies foot, placed on a grid: each
    cell takes the next grid position its row has not had covered from above."""
    args = table.args
    n_cols = len(args[2])
    rows = list(args[3].args[1])               # TableHead attr rows
    for body in args[4]:                       # TableBody attr rhc head-rows rows
        rows += list(body.args[2]) + list(body.args[3])
    rows += list(args[5].args[1])              # TableFoot attr rows
    occupied, cells = set(), []
    for r, row in enumerate(rows):
        c = 0
        for cell in row.args[1]:
            _attr, _align, rowspan, colspan, blocks = cell.args
            while (r, c) in occupied:
                c += 1
            rs, cs = int(rowspan.args[0]), int(colspan.args[0])
            for dr in range(rs):
                for dc in range(cs):
                    occupied.add((r + dr, c + dc))
            cells.append((r, c, rs, cs, cell_text(blocks)))
            c += cs
    return Grid(len(rows), n_cols, cells)


def pandoc_grids(path):
    with open(path, encoding="utf-8") as f:
        tree = NativeParser(f.read()).expr()
    return [pandoc_grid(t) for t in find_all(tree, "Table", [])]


# ------------------------------------------------------------ comparison
def compare(expected, actual):
    """Lines describing the differences of two lists of grids (empty: same)."""
    lines = []
    if len(expected) != len(actual):
        lines.append(f"  {len(expected)} tables expected, {len(actual)} extracted")
    for i, (e, a) in enumerate(zip(expected, actual)):
        diffs = []
        if (e.n_rows, e.n_cols) != (a.n_rows, a.n_cols):
            diffs.append(f"size expected {e.n_rows}x{e.n_cols}, got {a.n_rows}x{a.n_cols}")
        for pos in sorted(set(e.cells) | set(a.cells)):
            if e.cells.get(pos) != a.cells.get(pos):
                diffs.append(f"cell {pos}: expected {e.cells.get(pos)}, got {a.cells.get(pos)}")
        status = "OK" if not diffs else f"{len(diffs)} differences"
        lines.append(f"  table {i}: {e.n_rows}x{e.n_cols}, {len(e.cells)} cells: {status}")
        lines += ["    " + d for d in diffs[:12]]
    return lines


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=os.path.join(here, "build", "cnbudget"))
    ap.add_argument("--external",
                    default=os.path.join(here, "..", "shared", "corpus", "external"))
    args = ap.parse_args()
    ext = args.external
    cases = [
        ("docling/docx/sources/word_tables.docx",
         lambda: docling_grids(os.path.join(ext, "docling/docx/groundtruth/word_tables.docx.json"))),
        ("docx2python/resources/merged_cells.docx",
         lambda: docx2python_grids(os.path.join(ext, "docx2python/expected/merged_cells.expected.json"))),
        ("pandoc-docx/table_header_rowspan.docx",
         lambda: pandoc_grids(os.path.join(ext, "pandoc-docx/table_header_rowspan.native"))),
        ("pandoc-docx/table_gridbefore.docx",
         lambda: pandoc_grids(os.path.join(ext, "pandoc-docx/table_gridbefore.native"))),
    ]
    if not os.path.isdir(ext):
        print(f"no external corpus at {ext}; nothing to check")
        return 0
    ok = 0
    for rel, expected in cases:
        try:
            lines = compare(expected(), extract(args.binary, os.path.join(ext, rel)))
        except (OSError, RuntimeError, ValueError, KeyError) as e:
            lines = [f"  error: {e}"]
        same = all(line.endswith(": OK") for line in lines)
        ok += same
        print(f"{'OK  ' if same else 'DIFF'} {rel}")
        if not same:
            print("\n".join(lines))
    print(f"SUMMARY {ok}/{len(cases)} files with identical grids")
    return 0 if ok == len(cases) else 1


if __name__ == "__main__":
    sys.exit(main())
