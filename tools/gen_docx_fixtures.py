#!/usr/bin/env python3
"""Generate the small DOCX fixtures of the DOCX extractor tests.

    python3 tools/gen_docx_fixtures.py [OUT_DIR]      (default: fixtures/docx)

Writes, with the Python standard library only (OOXML parts written as text and
zipped with fixed timestamps, so reruns give the same bytes):

  merges.docx, nested.docx, text_runs.docx, captions.docx   good inputs, each
      with NAME.expected.txt: the blocks the extractor must return, one line
      per block or cell (format below; tests/docx/docx_fixtures_test.cc
      compares it line by line);
  bad_*.docx    inputs the extractor must refuse, and bad_inputs.txt naming the
      error code each must give;
  ../sample_budget.docx   a small but complete 部门预算 for the demo.

Expected-block format (strings are JSON strings):
  L <bold 0|1> <font size, 0 if none> "text"          a paragraph outside tables
  T <n_rows>x<n_cols> nesting=<n> header=<n>          a table, then its cells:
  C <r> <c> <rs> <cs> <bold 0|1> "raw"
The expectations are written by hand below, from what each file holds; they
are not produced by the extractor.
"""
import io
import json
import os
import struct
import sys
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'mc:Ignorable="wps"'
)
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


# ------------------------------------------------------------------ XML bits
def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def t(text):
    return f'<w:t xml:space="preserve">{esc(text)}</w:t>'


def run(*pieces, bold=None, size=None, style=None, hidden=False):
    """A w:r; a str piece is text, an Xml piece is raw run content."""
    rpr = "<w:vanish/>" if hidden else ""
    if style:
        rpr += f'<w:rStyle w:val="{style}"/>'
    if bold is True:
        rpr += "<w:b/>"
    elif bold is False:
        rpr += '<w:b w:val="0"/>'
    if size:
        rpr += f'<w:sz w:val="{size * 2}"/>'
    body = "".join(p if isinstance(p, Xml) else t(p) for p in pieces)
    return Xml(f"<w:r>{'<w:rPr>' + rpr + '</w:rPr>' if rpr else ''}{body}</w:r>")


class Xml(str):
    """Markup, as opposed to a plain str, which the builders treat as text."""


Raw = Xml


TAB = Raw("<w:tab/>")
BR = Raw("<w:br/>")
PAGE_BREAK = Raw('<w:br w:type="page"/>')


def fld(kind):
    return Xml(f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>')


def instr(code):
    return Xml(f'<w:r><w:instrText xml:space="preserve">{esc(code)}</w:instrText></w:r>')


def p(*content, style=None):
    """A w:p; a str item becomes a plain run."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return Xml("<w:p>" + ppr + "".join(c if isinstance(c, Xml) else run(c) for c in content) +
               "</w:p>")


def tc(*content, span=1, vmerge=None, hmerge=None):
    """A w:tc; str items become paragraphs, other items are raw block XML."""
    pr = ""
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    if hmerge == "restart":
        pr += '<w:hMerge w:val="restart"/>'
    elif hmerge == "continue":
        pr += '<w:hMerge w:val="continue"/>'
    blocks = "".join(c if isinstance(c, Xml) else p(c) for c in content) or "<w:p/>"
    return Xml(f"<w:tc>{'<w:tcPr>' + pr + '</w:tcPr>' if pr else ''}{blocks}</w:tc>")


def tr(*cells, header=False, before=0, after=0, deleted=False):
    pr = ""
    if before:
        pr += f'<w:gridBefore w:val="{before}"/>'
    if after:
        pr += f'<w:gridAfter w:val="{after}"/>'
    if header:
        pr += "<w:tblHeader/>"
    if deleted:
        pr += '<w:del w:id="90" w:author="x" w:date="2024-01-01T00:00:00Z"/>'
    return Xml(f"<w:tr>{'<w:trPr>' + pr + '</w:trPr>' if pr else ''}{''.join(cells)}</w:tr>")


def tbl(n_grid_cols, *rows):
    grid = ""
    if n_grid_cols:
        grid = "<w:tblGrid>" + '<w:gridCol w:w="1200"/>' * n_grid_cols + "</w:tblGrid>"
    return Xml('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            "</w:tblPr>" + grid + "".join(rows) + "</w:tbl>")


def sdt(content):
    return Xml('<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>'
               f"{content}</w:sdtContent></w:sdt>")


def document(*blocks, prolog=""):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + prolog +
            f"<w:document {NAMESPACES}><w:body>" + "".join(blocks) +
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/></Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>'
    '</Relationships>')
# "Strong" is bold through "BaseBold", to exercise w:basedOn.
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{W_NS}">'
    "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"21\"/></w:rPr></w:rPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="character" w:styleId="BaseBold"><w:name w:val="Base Bold"/><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:basedOn w:val="BaseBold"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>'
    "</w:styles>")


def package(document_xml, drop_document=False, extra=None, main_part="word/document.xml",
            root_rels=None):
    """The parts of a minimal DOCX, as (name, bytes) in a fixed order."""
    folder = main_part.rsplit("/", 1)[0]
    rels = root_rels or ROOT_RELS.replace("word/document.xml", main_part)
    parts = [("[Content_Types].xml", CONTENT_TYPES.replace("/word/document.xml", "/" + main_part)),
             ("_rels/.rels", rels),
             (f"{folder}/_rels/{main_part.rsplit('/', 1)[1]}.rels", DOC_RELS),
             (f"{folder}/styles.xml", STYLES)]
    if not drop_document:
        parts.append((main_part, document_xml))
    parts += list(extra or [])
    return [(n, d.encode("utf-8") if isinstance(d, str) else d) for n, d in parts]


def zip_bytes(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            z.writestr(info, data, compresslevel=9)
    return buf.getvalue()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# ------------------------------------------------------- expected block lines
def L(text, bold=0, size=10.5):
    """A text line; the size defaults to the fixtures' w:docDefaults (21 half points)."""
    return f"L {bold} {size:g} {json.dumps(text, ensure_ascii=False)}"


def T(rows, cols, nesting=0, header=0):
    return f"T {rows}x{cols} nesting={nesting} header={header}"


def C(r, c, raw, rs=1, cs=1, bold=0):
    return f"C {r} {c} {rs} {cs} {bold} {json.dumps(raw, ensure_ascii=False)}"


def bp(text):
    return p(run(text, bold=True))


# ------------------------------------------------------------------ fixtures
def merges():
    """gridSpan, vMerge, hMerge, gridBefore/gridAfter, tblHeader, blank rows,
    content controls around rows and cells, a deleted row, no w:tblGrid."""
    body = document(
        p("合并单元格"),
        tbl(5,
            tr(tc(bp("收入"), span=2), tc(bp("科目"), vmerge="restart"), tc(bp("支出"), span=2),
               header=True),
            tr(tc("项目"), tc("预算数"), tc(vmerge="continue"), tc("功能分类"), tc("预算数"),
               header=True),
            tr(tc("一、本年收入"), tc("100.00"), tc(vmerge="restart"), tc("201 一般公共服务支出"),
               tc("80.00")),
            tr(tc("二、上年结转"), tc("20.00"), tc(vmerge="continue"), tc(), tc()),
            tr(tc(), tc(), tc(), tc(), tc()),
            tr(tc("合计"), tc("120.00"), before=1, after=2),
            tr(tc("注：本表为示例", span=3), before=2),
            tr(tc("横向合并", hmerge="restart"), tc(hmerge="continue"), tc("x"), tc(), tc())),
        p("第二个表"),
        tbl(0,
            tr(tc("甲"), sdt(tc("乙")), tc("丙")),
            sdt(tr(tc("丁"), tc("戊"))),
            tr(tc("删除行"), deleted=True),
            tr(tc("己", span=2), tc("庚"), tc("辛"))))
    expected = [
        L("合并单元格"),
        T(8, 5, header=2),
        C(0, 0, "收入", cs=2, bold=1), C(0, 2, "科目", rs=2, bold=1), C(0, 3, "支出", cs=2, bold=1),
        C(1, 0, "项目"), C(1, 1, "预算数"), C(1, 3, "功能分类"), C(1, 4, "预算数"),
        C(2, 0, "一、本年收入"), C(2, 1, "100.00"), C(2, 3, "201 一般公共服务支出"), C(2, 4, "80.00"),
        C(3, 0, "二、上年结转"), C(3, 1, "20.00"),
        C(5, 1, "合计"), C(5, 2, "120.00"),
        C(6, 2, "注：本表为示例", cs=3),
        C(7, 0, "横向合并", cs=2), C(7, 2, "x"),
        L("第二个表"),
        T(3, 4),
        C(0, 0, "甲"), C(0, 1, "乙"), C(0, 2, "丙"),
        C(1, 0, "丁"), C(1, 1, "戊"),
        C(2, 0, "己", cs=2), C(2, 2, "庚"), C(2, 3, "辛"),
    ]
    return body, expected


def nested():
    """Tables inside cells, two levels deep: each comes right after its parent."""
    innermost = tbl(1, tr(tc("最内")))
    inner1 = tbl(2, tr(tc("内1"), tc("内2")), tr(tc("内3"), tc("内4")))
    inner2 = tbl(1, tr(tc("内5", innermost, "")))
    outer = tbl(2, tr(tc("外层A"), tc("外层B", inner1, "")), tr(tc("外层C"), tc(inner2, "")))
    body = document(p("前言"), outer, p("后记"))
    expected = [
        L("前言"),
        T(2, 2), C(0, 0, "外层A"), C(0, 1, "外层B"), C(1, 0, "外层C"),
        T(2, 2, nesting=1), C(0, 0, "内1"), C(0, 1, "内2"), C(1, 0, "内3"), C(1, 1, "内4"),
        T(1, 1, nesting=1), C(0, 0, "内5"),
        T(1, 1, nesting=2), C(0, 0, "最内"),
        L("后记"),
    ]
    return body, expected


TEXTBOX = Raw(
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><a:graphic>'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing>"
    "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>"
    "<w:t>文本框内容</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
    "</mc:Fallback></mc:AlternateContent>")


def text_runs():
    """Every way text reaches a cell, the number defects the mapper must
    normalize (kept raw here), and bold from runs and styles."""
    rows = [
        ("拆分", p(run("18"), run("58.41")), "1858.41", 0),
        ("制表", p(run("a", TAB, "b")), "a\tb", 0),
        ("换行", p(run("第一行", BR, "第二行")), "第一行\n第二行", 0),
        ("符号", p(run(Raw('<w:sym w:font="Wingdings" w:char="2605"/>'))), "★", 0),
        ("域", p(fld("begin"), instr(" =SUM(ABOVE) "), fld("separate"), run("1,229.70"), fld("end")),
         "1,229.70", 0),
        ("简单域", p(Xml('<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>')), "3", 0),
        ("嵌套域", p(fld("begin"), instr(" IF 1 = 1 "), fld("begin"), instr(" =2 "), fld("separate"),
                   run("2"), fld("end"), instr(' "是" "否" '), fld("separate"), run("是"),
                   fld("end")), "是", 0),
        ("控件", p(sdt(run("控件值"))), "控件值", 0),
        ("链接", p(Xml('<w:hyperlink r:id="rId2">' + run("链接文字") + "</w:hyperlink>")), "链接文字", 0),
        ("修订", p(run("12"), Xml('<w:del w:id="1" w:author="x"><w:r><w:delText>99</w:delText></w:r></w:del>'),
                 Xml('<w:ins w:id="2" w:author="x">' + run("3.50") + "</w:ins>")), "123.50", 0),
        ("智能标记", p(Xml('<w:smartTag w:uri="urn:x" w:element="y">' + run("标记") + "</w:smartTag>")),
         "标记", 0),
        ("全角空格", p("1858.41　"), "1858.41　", 0),
        ("句号", p("1。60"), "1。60", 0),
        ("空格千分", p("1, 229. 70"), "1, 229. 70", 0),
        ("全角数字", p("１２３．４５"), "１２３．４５", 0),
        ("两段", Xml(p("第一段") + p() + p("第二段")), "第一段\n第二段", 0),
        ("粗体", p(run("全粗", bold=True), run("　")), "全粗　", 1),
        ("混合", p(run("粗", bold=True), run("细")), "粗细", 0),
        ("样式粗体", p(run("样式粗", style="Strong")), "样式粗", 1),
        ("粗体关", p(run("不粗", bold=False, style="Strong")), "不粗", 0),
        ("隐藏", p(run("可见"), run("隐", hidden=True)), "可见", 0),
        ("注音", p(Xml('<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>yù</w:t></w:r></w:rt>'
                      "<w:rubyBase><w:r><w:t>预</w:t></w:r></w:rubyBase></w:ruby></w:r>")),
         "预", 0),
        ("空", p(), None, 0),
        ("", p("孤值"), "孤值", 0),
    ]
    table = tbl(2, *[tr(tc(label), tc(content)) for label, content, _, _ in rows])
    body = document(
        table,
        p(run("锚点"), run(TEXTBOX)),
        p(run(PAGE_BREAK)),
        p(run("公式"), Xml('<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>')),
        p(run("标题样式"), style="Title"))
    expected = [T(len(rows), 2)]
    for r, (label, _, raw, bold) in enumerate(rows):
        if label:
            expected.append(C(r, 0, label))
        if raw is not None:
            expected.append(C(r, 1, raw, bold=bold))
    expected += [L("锚点"), L("文本框内容"), L("公式x+1"), L("标题样式", bold=1, size=18)]
    return body, expected


def captions():
    """The lines before each table (表N, title, 编制单位, 单位), a table of
    contents field spanning paragraphs, empty paragraphs skipped."""
    body = document(
        p(),
        p(run("2023年部门预算", bold=True, size=22)),
        p(fld("begin"), instr(' TOC \\o "1-3" '), fld("separate"), run("目录项一")),
        p(run("目录项二"), fld("end")),
        p(run(PAGE_BREAK)),
        p("表1"),
        p(run("某单位收支总体情况表", bold=True, size=15)),
        p("编制单位：某单位"),
        p("单位：万元"),
        tbl(2, tr(tc(bp("项目")), tc(bp("预算数")), header=True),
            tr(tc("合计"), tc("1,858.41"))),
        p("表2"),
        p("某单位三公经费表"),
        p(run("编制单位：某单位", TAB, "单位：元")),
        tbl(3, tr(tc(bp("合计"), vmerge="restart"), tc(bp("因公出国"), span=2), header=True),
            tr(tc(vmerge="continue"), tc(bp("小计")), tc(bp("其中")), header=True),
            tr(tc("10.00"), tc("5.00"), tc("5.00"))),
        p("注：以上数据为示例。"))
    expected = [
        L("2023年部门预算", bold=1, size=22),
        L("目录项一"), L("目录项二"),
        L("表1"), L("某单位收支总体情况表", bold=1, size=15), L("编制单位：某单位"), L("单位：万元"),
        T(2, 2, header=1), C(0, 0, "项目", bold=1), C(0, 1, "预算数", bold=1),
        C(1, 0, "合计"), C(1, 1, "1,858.41"),
        L("表2"), L("某单位三公经费表"), L("编制单位：某单位\t单位：元"),
        T(3, 3, header=2), C(0, 0, "合计", rs=2, bold=1), C(0, 1, "因公出国", cs=2, bold=1),
        C(1, 1, "小计", bold=1), C(1, 2, "其中", bold=1),
        C(2, 0, "10.00"), C(2, 1, "5.00"), C(2, 2, "5.00"),
        L("注：以上数据为示例。"),
    ]
    return body, expected


def renamed_part():
    """The main part found through _rels/.rels, not by its usual name; its
    styles beside it (bold by style)."""
    body = document(p(run("主文档在别处", style="Strong")), tbl(1, tr(tc("甲"))))
    return body, [L("主文档在别处", bold=1), T(1, 1), C(0, 0, "甲")]


def numbered_p(text, num_id, level=0):
    return Xml(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
               f"</w:numPr></w:pPr>{run(text) if text else ''}</w:p>")


def level(ilvl, fmt, text, suffix=None, start=1):
    suff = f'<w:suff w:val="{suffix}"/>' if suffix else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'{suff}<w:lvlText w:val="{esc(text)}"/></w:lvl>')


NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0">' + level(0, "chineseCounting", "%1、", "nothing")
    + level(1, "decimal", "（%2）", "nothing") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1">' + level(0, "decimal", "表%1") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="2">' + level(0, "bullet", "\uf0b7") + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>'
    "</w:numbering>")


def numbered():
    """Automatic numbering labels (word/numbering.xml): Chinese counting,
    nested levels restarting, "表%1" captions, bullets (no label), a start
    override, numbering inside table cells, an empty numbered paragraph that
    still counts, and numId 0 (numbering off)."""
    body = document(
        numbered_p("主要职能", 1), numbered_p("职责", 1, 1), numbered_p("编制", 1, 1),
        numbered_p("机构设置", 1), numbered_p("科室", 1, 1),
        numbered_p("要点", 3),
        numbered_p("收支总体情况表", 2),
        tbl(2, tr(tc(numbered_p("本年收入", 4)), tc("10.00")),
            tr(tc(numbered_p("上年结转", 4)), tc("2.00"))),
        numbered_p("收入总体情况表", 2),
        numbered_p("不编号", 0),
        numbered_p("", 1),
        numbered_p("第四项", 1))
    expected = [
        L("一、主要职能"), L("（1）职责"), L("（2）编制"), L("二、机构设置"), L("（1）科室"),
        L("要点"), L("表1 收支总体情况表"),
        T(2, 2), C(0, 0, "十一、本年收入"), C(0, 1, "10.00"), C(1, 0, "十二、上年结转"),
        C(1, 1, "2.00"),
        L("表2 收入总体情况表"), L("不编号"), L("四、第四项"),
    ]
    return body, expected


# ------------------------------------------------------------ bad fixtures
XXE_PROLOG = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
LAUGHS_PROLOG = ('<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
                 + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">'
                           for i in range(8)) + "]>\n")


def xxe_document(prolog, ref):
    return document(tbl(1, tr(tc(p(Xml(f"<w:r><w:t>{ref}</w:t></w:r>"))))), prolog=prolog)


def bomb_document():
    """Well-formed XML that inflates to 3 MiB from a few KB (white space
    between body elements)."""
    return document(p("x"), Xml(" " * (3 << 20)), p("y"))


def patch_declared_size(data, name, size):
    """Makes the local and central headers of `name` lie about its inflated size."""
    out = bytearray(data)
    encoded = name.encode()
    pos = 0
    while True:
        pos = out.find(b"PK\x03\x04", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", out, pos + 26)[0]
        if out[pos + 30:pos + 30 + n] == encoded:
            struct.pack_into("<I", out, pos + 22, size)
        pos += 4
    pos = 0
    while True:
        pos = out.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", out, pos + 28)[0]
        if out[pos + 46:pos + 46 + n] == encoded:
            struct.pack_into("<I", out, pos + 24, size)
        pos += 4
    return bytes(out)


def bad_fixtures(good_docx):
    """(file name, bytes, expected error code) of inputs that must be refused."""
    utf16 = xxe_document(XXE_PROLOG, "&xxe;").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    bomb = zip_bytes(package(bomb_document()))
    return [
        ("bad_xxe.docx", zip_bytes(package(xxe_document(XXE_PROLOG, "&xxe;"))),
         "xml_entity_refused"),
        ("bad_xxe_utf16.docx", zip_bytes(package(utf16.encode("utf-16"))), "xml_entity_refused"),
        ("bad_billion_laughs.docx", zip_bytes(package(xxe_document(LAUGHS_PROLOG, "&i;"))),
         "xml_entity_refused"),
        ("bad_malformed.docx", zip_bytes(package(document(p("x")).replace("</w:p>", "", 1))),
         "xml_malformed"),
        ("bad_no_document.docx", zip_bytes(package("", drop_document=True)), "missing_part"),
        ("bad_rels_xxe.docx",
         zip_bytes(package(document(p("x")),
                           root_rels=ROOT_RELS.replace("\n", "\n" + XXE_PROLOG.replace(
                               "w:document", "Relationships"), 1))),
         "xml_entity_refused"),
        ("bad_truncated.docx", good_docx[: len(good_docx) * 6 // 10], "not_a_zip"),
        ("bad_not_zip.docx", b"PK\x03\x04" + bytes(range(256)) * 8, "not_a_zip"),
        ("bad_zip_bomb.docx", bomb, "zip_ratio_too_high"),
        ("bad_lying_size.docx", patch_declared_size(bomb, "word/document.xml", 1000),
         "zip_ratio_too_high"),
    ]


# ------------------------------------------------------------------ sample
SAMPLE_UNIT = "示例县农业农村局"


def caption(number, title, unit="万元"):
    return [p(f"表{number}"), p(run(title, bold=True, size=15)),
            p(f"编制单位：{SAMPLE_UNIT}" + " " * 40 + f"单位：{unit}")]


def hc(text, **kw):
    """A bold header cell."""
    return tc(bp(text), **kw)


def data_row(*values):
    return tr(*[tc(v) if isinstance(v, Xml) or v else tc() for v in values])


def sample_budget():
    """A small 部门预算: cover, narrative, three standard tables with captions
    and merged headers. Amounts add up; a few cells carry the defects real
    files have (ideographic full stop, full-width digits, spaced thousands,
    trailing U+3000, a value split over two runs)."""
    split = Xml(p(run("98"), run("9.20")))
    table1 = tbl(4,
                 tr(hc("收入", span=2), hc("支出", span=2), header=True),
                 tr(hc("项目"), hc("预算数"), hc("项目"), hc("预算数"), header=True),
                 data_row("一、一般公共预算拨款收入", "1,229.70", "一、社会保障和就业支出", "180.50"),
                 data_row("二、政府性基金预算拨款收入", "", "二、农林水支出", split),
                 data_row("三、国有资本经营预算拨款收入", "", "三、住房保障支出", "60。00"),
                 data_row("四、事业收入", "", "", ""),
                 data_row("本年收入合计", "1, 229. 70", "本年支出合计", "1229.70"),
                 data_row("上年结转结余", "", "年终结转结余", ""),
                 data_row("收入总计", "1229.70　", "支出总计", "１２２９．７０"))
    table2 = tbl(8,
                 tr(hc("功能分类科目编码", span=3), hc("功能分类科目名称", vmerge="restart"),
                    hc("合计", vmerge="restart"), hc("基本支出", span=2),
                    hc("项目支出", vmerge="restart"), header=True),
                 tr(hc("类"), hc("款"), hc("项"), tc(vmerge="continue"), tc(vmerge="continue"),
                    hc("人员经费"), hc("公用经费"), tc(vmerge="continue"), header=True),
                 data_row("208", "", "", "社会保障和就业支出", "180.50", "170.00", "10.50", ""),
                 data_row("208", "05", "", "行政事业单位养老支出", "180.50", "170.00", "10.50", ""),
                 data_row("208", "05", "05", "机关事业单位基本养老保险缴费支出", "180.50", "170.00",
                          "10.50", ""),
                 data_row("213", "", "", "农林水支出", "989.20", "600.00", "89.20", "300.00"),
                 data_row("213", "01", "", "农业农村", "989.20", "６００．００", "89.20", "300.00"),
                 data_row("213", "01", "01", "行政运行", "689.20", "600.00", "89。20", ""),
                 data_row("213", "01", "04", "事业运行", "300.00", "", "", "300.00"),
                 data_row("221", "", "", "住房保障支出", "60.00", "60.00", "", ""),
                 data_row("221", "02", "", "住房改革支出", "60.00", "60.00", "", ""),
                 data_row("221", "02", "01", "住房公积金", "60.00", "60.00", "", ""),
                 tr(tc(bp("合计"), span=4), tc(bp("1,229.70")), tc(bp("830.00")), tc(bp("99.70")),
                    tc(bp("300.00"))))
    table3 = tbl(6,
                 tr(hc("合计", vmerge="restart"), hc("因公出国（境）费", vmerge="restart"),
                    hc("公务用车购置及运行费", span=3), hc("公务接待费", vmerge="restart"),
                    header=True),
                 tr(tc(vmerge="continue"), tc(vmerge="continue"), hc("小计"), hc("公务用车购置费"),
                    hc("公务用车运行费"), tc(vmerge="continue"), header=True),
                 data_row("12.00", "0.00", "8.00", "0.00", "8.00", "4.00"))
    return document(
        p(run(SAMPLE_UNIT, bold=True, size=24)),
        p(run("2024年部门预算", bold=True, size=24)),
        p(run(PAGE_BREAK)),
        p(run("第一部分  部门概况", bold=True, size=16)),
        p(run("一、主要职能", bold=True)),
        p("贯彻落实党中央关于“三农”工作的方针政策和决策部署，统筹研究和组织实施全县“三农”工作。"),
        p(run("二、机构设置及人员情况", bold=True)),
        p(f"{SAMPLE_UNIT}下设4个股室，编制数25名，实有人数23人。"),
        p(run(f"第二部分  2024年{SAMPLE_UNIT}部门预算公开表", bold=True, size=16)),
        *caption(1, f"{SAMPLE_UNIT}部门收支总体情况表"), table1,
        *caption(2, f"{SAMPLE_UNIT}一般公共预算支出情况表"), table2,
        *caption(3, f"{SAMPLE_UNIT}财政拨款“三公”经费支出情况表"), table3,
        p("注：本单位2024年无政府性基金预算支出，政府性基金预算支出情况表为空表。"),
        p(run("第三部分  2024年部门预算情况说明", bold=True, size=16)),
        p("2024年收入预算1229.70万元，支出预算1229.70万元。"))


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "fixtures", "docx")
    os.makedirs(out_dir, exist_ok=True)
    good = {}
    for name, make in (("merges", merges), ("nested", nested), ("text_runs", text_runs),
                       ("captions", captions)):
        body, expected = make()
        good[name] = zip_bytes(package(body))
        write(os.path.join(out_dir, name + ".docx"), good[name])
        write_text(os.path.join(out_dir, name + ".expected.txt"), "\n".join(expected) + "\n")
    listing = []
    body, expected = numbered()
    good["numbered"] = zip_bytes(package(body, extra=[("word/numbering.xml", NUMBERING)]))
    write(os.path.join(out_dir, "numbered.docx"), good["numbered"])
    write_text(os.path.join(out_dir, "numbered.expected.txt"), "\n".join(expected) + "\n")
    body, expected = renamed_part()
    good["renamed_part"] = zip_bytes(package(body, main_part="doc/main.xml"))
    write(os.path.join(out_dir, "renamed_part.docx"), good["renamed_part"])
    write_text(os.path.join(out_dir, "renamed_part.expected.txt"), "\n".join(expected) + "\n")
    for name, data, code in bad_fixtures(good["merges"]):
        write(os.path.join(out_dir, name), data)
        listing.append(f"{name} {code}")
    write_text(os.path.join(out_dir, "bad_inputs.txt"), "\n".join(listing) + "\n")
    write(os.path.join(os.path.dirname(out_dir), "sample_budget.docx"),
          zip_bytes(package(sample_budget())))


if __name__ == "__main__":
    main()
