#!/usr/bin/env python3
"""Writes fixtures/pdf_layouts/*.pdf: small made-up PDFs, each drawing one
layout that real producers use and that once made cnbudget emit wrong data
without a warning (issue 10). The amounts are consistent, so a correct
reading has no sum_mismatch.

  colrules_only.pdf   a ruled frame with vertical rules only: body rows are
                      separated by nothing but their text lines (integer
                      amounts, which glued together look like one number)
  clipped_labels.pdf  Excel-style print: labels longer than their cell are
                      clipped at its right border, their last glyphs drawn
                      (invisibly) over the amount cell next to them
  gov_report.pdf      a government-level budget report: a cover title
                      wrapped over two lines after a session's file number,
                      captions "表N：…表（单位：亿元）", an execution table with
                      为预算% and 增长% columns and numbered rows, and a
                      budget table of the next year
  continued.pdf       a ruled table continued on the next page without its
                      header, after a footnote and the page number
  year_line.pdf       a caption followed by a line "（2023）" before the
                      table (a performance target form)
  spaced_prose.pdf    justified paragraphs whose wide gaps line up like
                      columns, amounts among them: prose, not a table

Usage: tools/gen_layout_pdfs.py [OUT_DIR]   (default fixtures/pdf_layouts)
Reuses the PDF writer of tools/gen_sample_pdf.py (standard library only).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sample_pdf import PAGE_W, Page, build_pdf, text_width  # noqa: E402

# (科目编码, 科目名称, 合计, 基本支出, 项目支出), amounts in 万元, integers.
BODY = [
    ("", "合计", "776", "478", "298"),
    ("201", "一般公共服务支出", "526", "403", "123"),
    ("20103", "政府办公厅(室)及相关机构事务", "526", "403", "123"),
    ("2010301", "行政运行", "403", "403", "0"),
    ("2010350", "事业运行", "123", "0", "123"),
    ("208", "社会保障和就业支出", "120", "45", "75"),
    ("20805", "行政事业单位养老支出", "120", "45", "75"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "120", "45", "75"),
    ("221", "住房保障支出", "130", "30", "100"),
    ("22102", "住房改革支出", "130", "30", "100"),
    ("2210201", "住房公积金", "130", "30", "100"),
]
HEADER = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")
WIDTHS = [70, 200, 75, 75, 75]
ROW_H = 20


def line(page, x0, y0, x1, y1):
    page.ops.append(f"{x0:.2f} {y0:.2f} m {x1:.2f} {y1:.2f} l S")


def put(page, x0, x1, baseline, text, numeric):
    if numeric:
        page.text(x1 - 4 - text_width(text, 9), baseline, text)
    else:
        page.text(x0 + 4, baseline, text)


def colrules_only():
    page = Page()
    page.centered(790, "示例局2024年部门预算", 16)
    page.text(60, 760, "表3")
    page.centered(740, "一般公共预算支出预算表", 14)
    page.text(PAGE_W - 60 - text_width("单位：万元", 9), 718, "单位：万元")
    left = (PAGE_W - sum(WIDTHS)) / 2
    xs = [left]
    for w in WIDTHS:
        xs.append(xs[-1] + w)
    top = 710
    header_bottom = top - ROW_H
    bottom = header_bottom - ROW_H * len(BODY) - 6
    page.rect(xs[0], bottom, xs[-1] - xs[0], top - bottom)  # the frame
    for x in xs[1:-1]:
        line(page, x, bottom, x, top)                      # column rules
    line(page, xs[0], header_bottom, xs[-1], header_bottom)  # under the header only
    for c, text in enumerate(HEADER):
        page.text((xs[c] + xs[c + 1] - text_width(text, 9)) / 2, top - 14, text)
    for i, row in enumerate(BODY):
        baseline = header_bottom - 14 - i * ROW_H
        for c, text in enumerate(row):
            if text:
                put(page, xs[c], xs[c + 1], baseline, text, c >= 2)
    return [page]


# (经济分类科目, 金额): the labels overflow a 70-point column.
CLIPPED = [
    ("项目", "金额"),
    ("工资福利支出", "1,200"),
    ("对个人和家庭的补助", "650"),
    ("商品和服务支出", "300"),
    ("资本性支出淘汰", "50"),
    ("合计", "2,200"),
]


def clipped_labels():
    page = Page()
    page.centered(790, "示例单位2024年部门预算", 16)
    page.centered(760, "一般公共预算基本支出预算表", 14)
    page.text(PAGE_W - 60 - text_width("单位：元", 9), 740, "单位：元")
    widths = [70, 80]
    left = (PAGE_W - sum(widths)) / 2
    top = 730
    for i, (label, amount) in enumerate(CLIPPED):
        y1 = top - i * ROW_H
        page.rect(left, y1 - ROW_H, widths[0], ROW_H)
        page.rect(left + widths[0], y1 - ROW_H, widths[1], ROW_H)
        # The label is clipped to its own cell, as spreadsheets print it.
        page.ops.append(f"q {left:.2f} {y1 - ROW_H:.2f} {widths[0]:.2f} {ROW_H:.2f} re W n")
        page.text(left + 2, y1 - 14, label)
        page.ops.append("Q")
        put(page, left + widths[0], left + sum(widths), y1 - 14, amount, i > 0)
    return [page]


def ruled_table(page, top, widths, rows, numeric_from, header_rows=1):
    """Draws `rows` in a full grid from `top` down; amounts (columns from
    numeric_from, rows after header_rows) are right-aligned. Returns the
    bottom."""
    left = (PAGE_W - sum(widths)) / 2
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    for i, row in enumerate(rows):
        y1 = top - i * ROW_H
        for c, text in enumerate(row):
            page.rect(xs[c], y1 - ROW_H, xs[c + 1] - xs[c], ROW_H)
            if text:
                numeric = i >= header_rows and c >= numeric_from
                put(page, xs[c], xs[c + 1], y1 - 14, text, numeric)
    return top - len(rows) * ROW_H


EXECUTION = [
    ("项目", "预算数", "执行数", "为预算%", "比上年增长%"),
    ("一、税收收入", "80.0", "82.0", "102.5", "4.1"),
    ("增值税", "30.0", "31.0", "103.3", "3.0"),
    ("企业所得税", "20.0", "21.0", "105.0", "5.2"),
    ("二、非税收入", "20.0", "19.0", "95.0", "-2.1"),
    ("收入合计", "100.0", "101.0", "101.0", "2.9"),
]
BUDGET = [
    ("项目", "2023年执行数", "2024年预算数"),
    ("一、一般公共服务支出", "12,500", "13,000"),
    ("二、教育支出", "30,000", "31,500"),
    ("三、卫生健康支出", "20,000", "21,000"),
    ("支出合计", "62,500", "65,500"),
]


def gov_report():
    cover = Page()
    cover.centered(700, "市十六届人大四次会议文件(3)", 12)
    cover.centered(650, "关于示例市 2023 年预算执行情况", 18)
    cover.centered(620, "和 2024 年预算草案的报告", 18)
    cover.centered(560, "示 例 市 财 政 局", 14)
    tables = Page()
    tables.text(60, 790, "各位代表：受市人民政府委托，现将预算执行情况报告如下。")
    tables.text(60, 760, "表1：2023年全市一般公共预算收入执行情况表（单位：亿元）", 11)
    bottom = ruled_table(tables, 745, [140, 70, 70, 70, 80], EXECUTION, 1)
    tables.text(60, bottom - 40, "表2：2024年示例市本级一般公共预算支出预算表（单位：万元）", 11)
    ruled_table(tables, bottom - 55, [180, 100, 100], BUDGET, 1)
    return [cover, tables]


def continued():
    first = Page()
    first.centered(790, "示例局2023年部门决算", 16)
    first.text(60, 760, "表5")
    first.centered(740, "一般公共预算财政拨款支出决算表", 14)
    first.text(PAGE_W - 60 - text_width("单位：万元", 9), 718, "单位：万元")
    bottom = ruled_table(first, 710, WIDTHS, [HEADER] + BODY[:7], 2)
    first.text(60, bottom - 20, "注：本表反映部门本年度一般公共预算财政拨款的实际支出情况。")
    first.centered(40, "- 5 -", 9)
    second = Page()
    ruled_table(second, 790, WIDTHS, BODY[7:], 2, header_rows=0)
    second.centered(40, "- 6 -", 9)
    return [first, second]


TARGETS = [
    ("一级指标", "二级指标", "指标值"),
    ("产出指标", "数量指标", "≥10个"),
    ("效益指标", "社会效益指标", "明显提升"),
    ("满意度指标", "服务对象满意度指标", "≥90%"),
]


def year_line():
    page = Page()
    page.centered(790, "示例局2023年部门决算", 16)
    page.text(60, 760, "表9")
    page.centered(740, "项目支出绩效目标表", 14)
    page.centered(722, "（2023）", 10)
    ruled_table(page, 705, [120, 150, 150], TARGETS, numeric_from=len(TARGETS[0]))  # all text
    return [page]


# Justified prose whose few break opportunities leave wide gaps at the same
# places on several lines ("…本年收入预算合计    10150.48    万元，其"): the
# gaps line up like column boundaries and the amounts like a column.
PROSE = [
    [(70, "项目支出预算数为3,314.68万元。与上年相比增加191万")],
    [(70, "元，增长6.11%。主要原因是新增信息化建设专项支出。"), (420, "单位预留，")],
    [(70, "数应与《收支预算总表》收入数一致。")],
    [(70, "示例局本年收入预算合计"), (330, "10150.48"), (420, "万元，其")],
    [(70, "中：一般公共预算拨款收入"), (330, "9,876.00"), (420, "万元，占")],
    [(70, "收入预算的97.30%；其他收入"), (330, "274.48"), (420, "万元。")],
]


def spaced_prose():
    page = Page()
    page.centered(790, "二、收支预算情况说明", 14)
    for i, runs in enumerate(PROSE):
        for x, text in runs:
            page.text(x, 760 - i * 20, text, 11)
    return [page]


LAYOUTS = {
    "continued.pdf": continued,
    "year_line.pdf": year_line,
    "spaced_prose.pdf": spaced_prose,
    "colrules_only.pdf": colrules_only,
    "gov_report.pdf": gov_report,
    "clipped_labels.pdf": clipped_labels,
}


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "fixtures/pdf_layouts"
    os.makedirs(out_dir, exist_ok=True)
    for name, make in LAYOUTS.items():
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(build_pdf(make()))


if __name__ == "__main__":
    main()
