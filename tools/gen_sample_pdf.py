#!/usr/bin/env python3
"""Writes fixtures/sample_final.pdf: a small, made-up 部门决算 (final accounts)
of a fictional unit, so the demo and tests have a PDF of the project's own.

It exercises the PDF path end to end: a cover page, ruled tables with merged
header cells, a table continued on the next page with its header repeated,
and two printing defects the normalizer repairs ("1, 229. 70", "19。60").
The arithmetic is consistent, so the checks report nothing.

Text uses the non-embedded Adobe-GB1 font STSong-Light with the predefined
UniGB-UTF16-H CMap (Poppler resolves both through poppler-data), so strings
are plain UTF-16BE. Usage: tools/gen_sample_pdf.py [OUT.pdf]
"""
import sys
import zlib

PAGE_W, PAGE_H = 595, 842
UNIT = "示例县教育局"


def utf16_hex(text):
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def text_width(text, size):
    # Half-width for ASCII (CIDs 1-95 are 500 units wide), full-width otherwise.
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text) * size


class Page:
    def __init__(self):
        self.ops = []

    def text(self, x, y, text, size=9):
        self.ops.append(f"BT /F1 {size} Tf {x:.2f} {y:.2f} Td {utf16_hex(text)} Tj ET")

    def centered(self, y, text, size):
        self.text((PAGE_W - text_width(text, size)) / 2, y, text, size)

    def rect(self, x, y, w, h):
        self.ops.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re S")

    def stream(self):
        return "0.6 w\n" + "\n".join(self.ops)


def draw_grid(page, top, col_widths, row_h, cells, numeric_cols):
    """cells: (row, col, rowspan, colspan, text), rows counted from `top` down."""
    left = (PAGE_W - sum(col_widths)) / 2
    xs = [left]
    for w in col_widths:
        xs.append(xs[-1] + w)
    for r, c, rs, cs, text in cells:
        x0, x1 = xs[c], xs[c + cs]
        y1 = top - r * row_h
        y0 = y1 - rs * row_h
        page.rect(x0, y0, x1 - x0, y1 - y0)
        if not text:
            continue
        baseline = (y0 + y1) / 2 - 3
        if c in numeric_cols and r >= 0 and any(ch.isdigit() for ch in text):
            page.text(x1 - 4 - text_width(text, 9), baseline, text)
        elif rs > 1 or cs > 1 or len(text) <= 4:
            page.text((x0 + x1 - text_width(text, 9)) / 2, baseline, text)
        else:
            page.text(x0 + 4, baseline, text)
    return top - (max(r + rs for r, _, rs, _, _ in cells)) * row_h


def caption(page, top, number, title):
    page.text(60, top, number, 10)
    page.centered(top - 26, title, 15)
    page.text(60, top - 48, f"编制单位：{UNIT}")
    page.text(PAGE_W - 60 - text_width("单位：万元", 9), top - 48, "单位：万元")
    return top - 56


def cover():
    page = Page()
    page.centered(560, UNIT, 26)
    page.centered(520, "2023年度部门决算", 20)
    page.centered(300, "2024年9月1日", 12)
    return page


SUMMARY_ROWS = [
    ("一、一般公共预算财政拨款收入", "1, 229. 70", "一、教育支出", "1,120.50"),
    ("二、政府性基金预算财政拨款收入", "0.00", "二、社会保障和就业支出", "99.60"),
    ("三、事业收入", "30.00", "三、卫生健康支出", "20.00"),
    ("", "", "四、住房保障支出", "19。60"),
    ("本年收入合计", "1,259.70", "本年支出合计", "1,259.70"),
    ("年初结转和结余", "20.30", "年末结转和结余", "20.30"),
    ("总计", "1,280.00", "总计", "1,280.00"),
]


def summary_page():
    page = Page()
    top = caption(page, 780, "表1", f"{UNIT}收入支出决算总表")
    cells = [(0, 0, 1, 2, "收入"), (0, 2, 1, 2, "支出"),
             (1, 0, 1, 1, "项目"), (1, 1, 1, 1, "决算数"),
             (1, 2, 1, 1, "项目"), (1, 3, 1, 1, "决算数")]
    for i, row in enumerate(SUMMARY_ROWS):
        cells += [(i + 2, c, 1, 1, text) for c, text in enumerate(row)]
    draw_grid(page, top, [170, 75, 170, 75], 22, cells, {1, 3})
    return page


# (类, 款, 项, 科目名称, 合计, 基本支出, 项目支出)
EXPENDITURE_ROWS = [
    ("", "", "", "合计", "1,229.70", "1,029.70", "200.00"),
    ("205", "", "", "教育支出", "1,100.50", "900.50", "200.00"),
    ("205", "02", "", "普通教育", "1,000.50", "850.50", "150.00"),
    ("205", "02", "01", "学前教育", "200.00", "150.00", "50.00"),
    ("205", "02", "02", "小学教育", "500.50", "450.50", "50.00"),
    ("205", "02", "03", "初中教育", "300.00", "250.00", "50.00"),
    ("205", "09", "", "教育费附加安排的支出", "100.00", "50.00", "50.00"),
    ("205", "09", "99", "其他教育费附加安排的支出", "100.00", "50.00", "50.00"),
    ("208", "", "", "社会保障和就业支出", "89.60", "89.60", "0.00"),
    ("208", "05", "", "行政事业单位养老支出", "89.60", "89.60", "0.00"),
    ("208", "05", "05", "机关事业单位基本养老保险缴费支出", "59.60", "59.60", "0.00"),
    ("208", "05", "06", "机关事业单位职业年金缴费支出", "30.00", "30.00", "0.00"),
    ("210", "", "", "卫生健康支出", "20.00", "20.00", "0.00"),
    ("210", "11", "", "行政事业单位医疗", "20.00", "20.00", "0.00"),
    ("210", "11", "02", "事业单位医疗", "20.00", "20.00", "0.00"),
    ("221", "", "", "住房保障支出", "19.60", "19.60", "0.00"),
    ("221", "02", "", "住房改革支出", "19.60", "19.60", "0.00"),
    ("221", "02", "01", "住房公积金", "19.60", "19.60", "0.00"),
]
EXPENDITURE_HEADER = [
    (0, 0, 1, 3, "科目编码"), (0, 3, 2, 1, "科目名称"), (0, 4, 2, 1, "合计"),
    (0, 5, 2, 1, "基本支出"), (0, 6, 2, 1, "项目支出"),
    (1, 0, 1, 1, "类"), (1, 1, 1, 1, "款"), (1, 2, 1, 1, "项"),
]
EXPENDITURE_WIDTHS = [34, 28, 28, 180, 70, 70, 70]
ROWS_ON_FIRST_PAGE = 15


def expenditure_cells(rows):
    cells = list(EXPENDITURE_HEADER)
    for i, row in enumerate(rows):
        cells += [(i + 2, c, 1, 1, text) for c, text in enumerate(row)]
    return cells


def expenditure_pages():
    first = Page()
    top = caption(first, 780, "表2", f"{UNIT}一般公共预算财政拨款支出决算表")
    for i, line in enumerate(["说明：本表反映部门本年度一般公共预算财政拨款实际支出情况，",
                              "按支出功能分类科目列示到项级科目。"]):
        first.text(60, top - 4 - i * 14, line)
    draw_grid(first, top - 30, EXPENDITURE_WIDTHS, 24,
              expenditure_cells(EXPENDITURE_ROWS[:ROWS_ON_FIRST_PAGE]), {4, 5, 6})
    second = Page()
    # The continuation repeats the header, as print titles do.
    bottom = draw_grid(second, 790, EXPENDITURE_WIDTHS, 24,
                       expenditure_cells(EXPENDITURE_ROWS[ROWS_ON_FIRST_PAGE:]), {4, 5, 6})
    three_public(second, bottom - 50)
    return [first, second]


def three_public(page, top):
    top = caption(page, top, "表3", f"{UNIT}财政拨款“三公”经费支出决算表")
    cells = [(0, 0, 2, 1, "合计"), (0, 1, 2, 1, "因公出国（境）费"),
             (0, 2, 1, 3, "公务用车购置及运行费"), (0, 5, 2, 1, "公务接待费"),
             (1, 2, 1, 1, "小计"), (1, 3, 1, 1, "公务用车购置费"),
             (1, 4, 1, 1, "公务用车运行费")]
    values = ["12.50", "0.00", "8.50", "0.00", "8.50", "4.00"]
    cells += [(2, c, 1, 1, v) for c, v in enumerate(values)]
    draw_grid(page, top, [70, 85, 70, 85, 85, 70], 24, cells, set(range(6)))


def font_objects():
    """The Type0 font, its CIDFont and descriptor, as object bodies 3..5."""
    return [
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light "
        "/Encoding /UniGB-UTF16-H /DescendantFonts [4 0 R] >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
        "/FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>",
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        "/CapHeight 880 /StemV 93 >>",
    ]


def build_pdf(pages):
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None] + font_objects()
    kids = []
    for page in pages:
        data = zlib.compress(page.stream().encode("latin-1"))
        objects.append(f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n"
                       .encode() + data + b"\nendstream")
        content_id = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Count {len(kids)} /Kids [{' '.join(kids)}] >>"
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        body = body if isinstance(body, bytes) else body.encode("latin-1")
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "fixtures/sample_final.pdf"
    pages = [cover(), summary_page()] + expenditure_pages()
    with open(path, "wb") as f:
        f.write(build_pdf(pages))


if __name__ == "__main__":
    main()
