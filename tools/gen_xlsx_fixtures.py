#!/usr/bin/env python3
"""Generate the small XLSX fixtures of the XLSX extractor tests.

    python3 tools/gen_xlsx_fixtures.py [OUT_DIR]      (default: fixtures/xlsx)

Writes, with the Python standard library only (SpreadsheetML parts written as
text and zipped with fixed timestamps, so reruns give the same bytes):

  strings.xlsx, numbers.xlsx, layout.xlsx, hostile.xlsx   good inputs, each
      with NAME.expected.txt: the blocks the extractor must return, in the
      line format of fixtures/docx (see tools/gen_docx_fixtures.py):
        L <bold 0|1> <font size, 0> "text"
        T <n_rows>x<n_cols> nesting=0 header=<print-title rows>
        C <r> <c> <rs> <cs> <bold 0|1> "raw"
  bad_*.xlsx    inputs the extractor must refuse, and bad_inputs.txt naming the
      error code each must give.

The expectations are written by hand below from what each workbook holds
(numbers as the cell's number format displays them); they are not produced
by the extractor.
"""
import json
import os
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# ------------------------------------------------------------------ styles
# cellXfs used by the fixtures (index: numFmtId, fontId, borderId)
XFS = [
    (0, 0, 0),    # 0 default
    (0, 1, 0),    # 1 bold title, no border
    (0, 0, 1),    # 2 bordered text
    (4, 0, 1),    # 3 #,##0.00 (built-in 4), bordered
    (2, 0, 1),    # 4 0.00 (built-in 2), bordered
    (0, 0, 1),    # 5 General, bordered
    (10, 0, 1),   # 6 0.00%
    (164, 0, 1),  # 7 custom #,##0.00;[Red]\-#,##0.00
    (43, 0, 1),   # 8 accounting: zero shows "-"
    (165, 0, 1),  # 9 custom 0.00"元"
    (14, 0, 1),   # 10 a date: shown as stored
    (0, 1, 1),    # 11 bold, bordered
    (3, 0, 1),    # 12 #,##0
    (166, 0, 1),  # 13 custom 0.0,  (thousands scale)
    (3, 0, 0),    # 14 #,##0, no border
]
CUSTOM_FORMATS = {164: '#,##0.00;[Red]\\-#,##0.00', 165: '0.00"元"', 166: '0.0,'}


def styles_xml():
    fmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{esc(c)}"/>'
                   for i, c in CUSTOM_FORMATS.items())
    xfs = "".join(f'<xf numFmtId="{n}" fontId="{f}" fillId="0" borderId="{b}" xfId="0"/>'
                  for n, f, b in XFS)
    thin = '<left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/>'
    return (f'<styleSheet xmlns="{MAIN}"><numFmts count="{len(CUSTOM_FORMATS)}">{fmts}</numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font>'
            '<font><b/><sz val="16"/><name val="黑体"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
            f'<border>{thin}<diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(XFS)}">{xfs}</cellXfs></styleSheet>')


# ------------------------------------------------------------------ cells
def col_name(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(r, c):
    return f"{col_name(c)}{r + 1}"


class Sheet:
    def __init__(self, name, state=None):
        self.name, self.state = name, state
        self.rows = {}     # r -> list of cell xml
        self.merges = []
        self.dimension = None
        self.raw_rows = None  # a prebuilt sheetData body

    def cell(self, r, c, xml):
        self.rows.setdefault(r, []).append((c, xml))

    def inline(self, r, c, text, s=2):
        self.cell(r, c, f'<c r="{ref(r, c)}" s="{s}" t="inlineStr"><is><t xml:space="preserve">{esc(text)}</t></is></c>')

    def shared(self, r, c, index, s=2):
        self.cell(r, c, f'<c r="{ref(r, c)}" s="{s}" t="s"><v>{index}</v></c>')

    def number(self, r, c, stored, s=3):
        self.cell(r, c, f'<c r="{ref(r, c)}" s="{s}"><v>{stored}</v></c>')

    def typed(self, r, c, t, v, s=2, formula=None):
        f = f"<f>{esc(formula)}</f>" if formula else ""
        self.cell(r, c, f'<c r="{ref(r, c)}" s="{s}" t="{t}">{f}<v>{esc(v)}</v></c>')

    def empty(self, r, c, s=2):
        self.cell(r, c, f'<c r="{ref(r, c)}" s="{s}"/>')

    def merge(self, a, b):
        self.merges.append(f"{a}:{b}")

    def xml(self):
        dim = f'<dimension ref="{self.dimension}"/>' if self.dimension else ""
        if self.raw_rows is not None:
            body = self.raw_rows
        else:
            body = "".join(
                f'<row r="{r + 1}">' + "".join(x for _, x in sorted(cells, key=lambda t: t[0])) + "</row>"
                for r, cells in sorted(self.rows.items()))
        merges = ""
        if self.merges:
            merges = f'<mergeCells count="{len(self.merges)}">' + "".join(
                f'<mergeCell ref="{m}"/>' for m in self.merges) + "</mergeCells>"
        return (f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">{dim}<sheetData>{body}</sheetData>'
                f"{merges}</worksheet>")


def write_xlsx(path, sheets, shared=None, print_titles=None, extra_parts=None, drop=()):
    """Writes a workbook; `shared` is a list of raw <si> bodies."""
    parts = {}
    types = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>',
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    rels = [f'<Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/>']
    entries = []
    for i, sh in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sh.xml()
        rels.append(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>')
        state = f' state="{sh.state}"' if sh.state else ""
        entries.append(f'<sheet name="{esc(sh.name)}" sheetId="{i}"{state} r:id="rId{i}"/>')
    if shared is not None:
        parts["xl/sharedStrings.xml"] = (f'<sst xmlns="{MAIN}" count="{len(shared)}" uniqueCount="{len(shared)}">' +
                                         "".join(f"<si>{x}</si>" for x in shared) + "</sst>")
        rels.append(f'<Relationship Id="rIdStrings" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
    names = ""
    if print_titles:
        names = "<definedNames>" + "".join(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{esc(v)}</definedName>'
            for i, v in print_titles.items()) + "</definedNames>"
    parts["xl/workbook.xml"] = (f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{"".join(entries)}</sheets>'
                                f"{names}</workbook>")
    parts["xl/_rels/workbook.xml.rels"] = f'<Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>'
    parts["xl/styles.xml"] = styles_xml()
    parts["_rels/.rels"] = (f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
                            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    parts["[Content_Types].xml"] = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                    + "".join(types) + "</Types>")
    parts.update(extra_parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts):
            if name in drop:
                continue
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            data = parts[name]
            z.writestr(info, data if isinstance(data, bytes) else ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + data).encode("utf-8"))


def L(text, bold=0):
    return f"L {bold} 0 {json.dumps(text, ensure_ascii=False)}"


def T(rows, cols, header=0):
    return f"T {rows}x{cols} nesting=0 header={header}"


def C(r, c, raw, rs=1, cs=1, bold=0):
    return f"C {r} {c} {rs} {cs} {bold} {json.dumps(raw, ensure_ascii=False)}"


# ------------------------------------------------------------------ fixtures
def strings_fixture(out):
    """Shared strings (plain, rich text runs, phonetic runs), inline strings,
    formula text, booleans and errors, in a bordered table with no caption:
    the sheet name is the only caption and comes first."""
    shared = [
        "<t>项目</t>",
        '<r><rPr><b/></rPr><t>一般公共</t></r><r><t xml:space="preserve">服务支出</t></r>',
        "<t>行政运行</t><rPh sb=\"0\" eb=\"2\"><t>ギョウセイ</t></rPh>",
        "<t>第一行_x000D_\n第二行</t>",  # Excel's escape of a carriage return
        '<t xml:space="preserve">   </t>',
        "<t>a_x005F_x0041_b</t>",  # an escaped underscore: the rest is literal
    ]
    sh = Sheet("表1 收入")
    sh.shared(0, 0, 0); sh.inline(0, 1, "金额")
    sh.shared(1, 0, 1); sh.typed(1, 1, "str", "合计", formula='"合"&"计"')
    sh.shared(2, 0, 2); sh.typed(2, 1, "b", "1")
    sh.shared(3, 0, 3); sh.typed(3, 1, "e", "#DIV/0!")
    sh.shared(4, 0, 4); sh.typed(4, 1, "s", "99")  # blank string; index past the table
    sh.inline(5, 0, "末行"); sh.shared(5, 1, 5)
    write_xlsx(os.path.join(out, "strings.xlsx"), [sh], shared=shared)
    return [L("表1 收入"), T(6, 2),
            C(0, 0, "项目"), C(0, 1, "金额"),
            C(1, 0, "一般公共服务支出"), C(1, 1, "合计"),
            C(2, 0, "行政运行"), C(2, 1, "TRUE"),
            C(3, 0, "第一行\n第二行"), C(3, 1, "#DIV/0!"),
            C(5, 0, "末行"), C(5, 1, "a_x0041_b")]


def numbers_fixture(out):
    """Stored values shown through their number formats, exactly."""
    sh = Sheet("数字")
    cases = [  # (stored, style, displayed)
        ("1229.7", 3, "1,229.70"),
        ("1528.7499999999998", 3, "1,528.75"),
        ("2.1", 4, "2.10"),
        ("1528.7499999999998", 5, "1528.75"),
        ("0.1", 5, "0.1"),
        ("1E-3", 5, "0.001"),
        ("0.9649", 6, "96.49%"),
        ("-1234.5", 7, "-1,234.50"),
        ("0", 8, "-"),
        ("-12", 8, "(12.00)"),
        ("3.456", 9, "3.46元"),
        ("45000", 10, "45000"),
        ("1234567", 12, "1,234,567"),
        ("123456", 13, "123.5"),
        ("-0.004", 4, "0.00"),
        ("9.995", 4, "10.00"),
    ]
    sh.inline(0, 0, "stored", s=2); sh.inline(0, 1, "shown", s=2)
    for i, (stored, style, _) in enumerate(cases, 1):
        sh.inline(i, 0, stored)
        sh.number(i, 1, stored, s=style)
    n = len(cases) + 1
    sh.inline(n, 0, "text amount"); sh.inline(n, 1, "1。60")
    write_xlsx(os.path.join(out, "numbers.xlsx"), [sh])
    lines = [L("数字"), T(n + 1, 2), C(0, 0, "stored"), C(0, 1, "shown")]
    for i, (stored, _, shown) in enumerate(cases, 1):
        lines += [C(i, 0, stored), C(i, 1, shown)]
    return lines + [C(n, 0, "text amount"), C(n, 1, "1。60")]


def layout_fixture(out):
    """A cover sheet, a hidden sheet, a captioned bordered table with merges,
    a blank row and a note, and a sheet with no borders at all."""
    cover = Sheet("封面")
    cover.inline(2, 0, "示例单位", s=1)
    cover.inline(3, 0, "2024年部门预算公开", s=1)
    cover.inline(5, 0, "单位名称：示例单位", s=0)

    hidden = Sheet("数据源", state="hidden")
    hidden.inline(0, 0, "不应出现")
    hidden.inline(0, 1, "x")

    t = Sheet("表1")
    t.inline(0, 0, "表1", s=0)
    t.inline(1, 0, "示例单位收支总体情况表", s=1); t.merge("A2", "D2")
    t.inline(2, 0, "编制单位：示例单位", s=0); t.inline(2, 3, "单位：万元", s=0)
    t.inline(3, 0, "收入", s=11); t.empty(3, 1); t.inline(3, 2, "支出", s=11); t.empty(3, 3)
    t.merge("A4", "B4"); t.merge("C4", "D4")
    t.inline(4, 0, "项目"); t.inline(4, 1, "预算数"); t.inline(4, 2, "功能分类"); t.inline(4, 3, "预算数")
    t.inline(5, 0, "一、本年收入"); t.number(5, 1, "100"); t.inline(5, 2, "201 一般公共服务支出"); t.number(5, 3, "80.5")
    for c in range(4):
        t.empty(6, c)  # a blank row drawn inside the table
    t.inline(7, 0, "合计"); t.merge("A8", "A9"); t.number(7, 1, "100"); t.inline(7, 2, "—"); t.number(7, 3, "80.5")
    # A9 is covered by A8:A9: its text is not shown; the merge still makes
    # row 9 part of the table.
    t.inline(8, 0, "被合并覆盖的格"); t.empty(8, 1); t.empty(8, 2); t.empty(8, 3)
    t.inline(10, 0, "注：本表为示例。", s=0)

    plain = Sheet("表2")
    plain.inline(0, 0, "表2 无框线表", s=0)
    plain.inline(1, 0, "编制单位：示例单位", s=0); plain.inline(1, 3, "单位：元", s=0)
    plain.inline(2, 0, "收入", s=0); plain.merge("A3", "B3"); plain.inline(2, 2, "支出", s=0); plain.merge("C3", "D3")
    plain.inline(3, 0, "项目", s=0); plain.inline(3, 1, "金额", s=0); plain.inline(3, 2, "科目", s=0); plain.inline(3, 3, "金额", s=0)
    plain.inline(4, 0, "合计", s=0); plain.number(4, 1, "5", s=14); plain.number(4, 3, "5", s=14)

    # Two border-less tables stacked on one sheet: a lone 合计 away from the
    # left edge after a blank row stays in its table; a note at the left edge
    # after a blank row, and the next table's captions, are text.
    stack = Sheet("表3")
    stack.inline(0, 0, "表3 空表", s=0)
    stack.inline(1, 0, "科目", s=0); stack.inline(1, 1, "名称", s=0); stack.inline(1, 2, "金额", s=0)
    stack.inline(3, 1, "合计", s=0)
    stack.inline(5, 0, "注：本单位无此项支出。", s=0)
    stack.inline(7, 0, "表4 第二张表", s=0)
    stack.inline(8, 0, "项目", s=0); stack.inline(8, 1, "金额", s=0)
    stack.inline(9, 0, "合计", s=0); stack.number(9, 1, "2.5", s=14)

    # Only the body is framed: the unframed three-cell header row right above
    # it belongs to the table; the two-cell caption row above that does not.
    body = Sheet("表5")
    body.inline(0, 0, "编制单位：示例单位", s=0); body.inline(0, 1, "单位：万元", s=0)
    body.inline(1, 0, "科目", s=0); body.inline(1, 1, "基本支出", s=0); body.inline(1, 2, "项目支出", s=0)
    body.inline(2, 0, "合计"); body.number(2, 1, "1", s=3); body.number(2, 2, "2", s=3)

    # Unframed two-cell header rows join the framed body only because they are
    # the sheet's print titles.
    titled = Sheet("表6")
    titled.inline(0, 0, "收入", s=0); titled.merge("A1", "B1"); titled.inline(0, 2, "支出", s=0)
    titled.merge("C1", "D1")
    titled.inline(1, 0, "项目", s=0); titled.inline(1, 1, "金额", s=0)
    titled.inline(1, 2, "项目", s=0); titled.inline(1, 3, "金额", s=0)
    titled.inline(2, 0, "本年收入"); titled.number(2, 1, "1", s=3)
    titled.inline(2, 2, "本年支出"); titled.number(2, 3, "1", s=3)

    write_xlsx(os.path.join(out, "layout.xlsx"), [cover, hidden, t, plain, stack, body, titled],
               print_titles={2: "'表1'!$1:$5", 5: "'表5'!$A:$A,'表5'!$2:$2", 6: "'表6'!$1:$2"})
    return [L("示例单位", 1), L("2024年部门预算公开", 1), L("单位名称：示例单位"),
            L("表1"), L("示例单位收支总体情况表", 1), L("编制单位：示例单位"), L("单位：万元"),
            T(6, 4, header=2),
            C(0, 0, "收入", cs=2, bold=1), C(0, 2, "支出", cs=2, bold=1),
            C(1, 0, "项目"), C(1, 1, "预算数"), C(1, 2, "功能分类"), C(1, 3, "预算数"),
            C(2, 0, "一、本年收入"), C(2, 1, "100.00"), C(2, 2, "201 一般公共服务支出"), C(2, 3, "80.50"),
            C(4, 0, "合计", rs=2), C(4, 1, "100.00"), C(4, 2, "—"), C(4, 3, "80.50"),
            L("注：本表为示例。"),
            L("表2 无框线表"), L("编制单位：示例单位"), L("单位：元"),
            T(3, 4), C(0, 0, "收入", cs=2), C(0, 2, "支出", cs=2),
            C(1, 0, "项目"), C(1, 1, "金额"), C(1, 2, "科目"), C(1, 3, "金额"),
            C(2, 0, "合计"), C(2, 1, "5"), C(2, 3, "5"),
            L("表3 空表"), T(3, 3), C(0, 0, "科目"), C(0, 1, "名称"), C(0, 2, "金额"), C(2, 1, "合计"),
            L("注：本单位无此项支出。"), L("表4 第二张表"),
            T(2, 2), C(0, 0, "项目"), C(0, 1, "金额"), C(1, 0, "合计"), C(1, 1, "3"),
            L("编制单位：示例单位"), L("单位：万元"),
            T(2, 3, header=1), C(0, 0, "科目"), C(0, 1, "基本支出"), C(0, 2, "项目支出"),
            C(1, 0, "合计"), C(1, 1, "1.00"), C(1, 2, "2.00"),
            L("表6"), T(3, 4, header=2), C(0, 0, "收入", cs=2), C(0, 2, "支出", cs=2),
            C(1, 0, "项目"), C(1, 1, "金额"), C(1, 2, "项目"), C(1, 3, "金额"),
            C(2, 0, "本年收入"), C(2, 1, "1.00"), C(2, 2, "本年支出"), C(2, 3, "1.00")]


def hostile_fixture(out):
    """A dimension claiming the whole grid, a merge over it, a cell at XFD1048576
    and rows past the row cap: read up to the caps, the small table intact."""
    sh = Sheet("表1")
    sh.dimension = "A1:XFD1048576"
    rows = ['<row r="1"><c r="A1" s="2" t="inlineStr"><is><t>项目</t></is></c>'
            '<c r="B1" s="2" t="inlineStr"><is><t>金额</t></is></c>'
            '<c r="XFD1" s="2" t="inlineStr"><is><t>远列</t></is></c></row>',
            '<row r="2"><c r="A2" s="2" t="inlineStr"><is><t>合计</t></is></c><c r="B2" s="3"><v>1</v></c></row>',
            '<row r="1048576"><c r="XFD1048576" s="2" t="inlineStr"><is><t>远行</t></is></c>'
            '<c r="A1048576" s="2" t="inlineStr"><is><t>远行</t></is></c></row>']
    sh.raw_rows = "".join(rows)
    sh.merge("C5", "XFD1048576")
    write_xlsx(os.path.join(out, "hostile.xlsx"), [sh])
    return [L("表1"), T(2, 2), C(0, 0, "项目"), C(0, 1, "金额"), C(1, 0, "合计"), C(1, 1, "1.00")]


def bad_fixtures(out):
    sh = Sheet("表1")
    sh.shared(0, 0, 0); sh.inline(0, 1, "x")
    xxe = ('<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           f'<sst xmlns="{MAIN}"><si><t>&xxe;</t></si></sst>').encode()
    write_xlsx(os.path.join(out, "bad_xxe.xlsx"), [sh], shared=["<t>a</t>"],
               extra_parts={"xl/sharedStrings.xml": xxe})
    write_xlsx(os.path.join(out, "bad_no_workbook.xlsx"), [sh], shared=["<t>a</t>"],
               drop=("xl/workbook.xml",))
    write_xlsx(os.path.join(out, "bad_malformed_sheet.xlsx"), [sh], shared=["<t>a</t>"],
               extra_parts={"xl/worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>'})
    styles_xxe = ('<?xml version="1.0"?>\n<!DOCTYPE styleSheet [<!ENTITY a "aaaa">]>'
                  f'<styleSheet xmlns="{MAIN}"><numFmts><numFmt numFmtId="164" formatCode="&a;"/></numFmts></styleSheet>').encode()
    write_xlsx(os.path.join(out, "bad_styles_xxe.xlsx"), [sh], shared=["<t>a</t>"],
               extra_parts={"xl/styles.xml": styles_xxe})
    with open(os.path.join(out, "bad_inputs.txt"), "w", encoding="utf-8") as f:
        f.write("bad_xxe.xlsx xml_entity_refused\n"
                "bad_styles_xxe.xlsx xml_entity_refused\n"
                "bad_no_workbook.xlsx missing_part\n"
                "bad_malformed_sheet.xlsx xml_malformed\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "fixtures", "xlsx")
    os.makedirs(out, exist_ok=True)
    for name, build in [("strings", strings_fixture), ("numbers", numbers_fixture),
                        ("layout", layout_fixture), ("hostile", hostile_fixture)]:
        lines = build(out)
        with open(os.path.join(out, name + ".expected.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    bad_fixtures(out)


if __name__ == "__main__":
    main()
