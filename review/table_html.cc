#include "review/table_html.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

#include "review/html_text.h"

namespace cnbudget::review {
namespace {

// A number for an SVG attribute: two decimals, enough at any zoom.
std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string Int(int v) { return std::to_string(v); }

std::string RectAttributes(const BBox& b) {
  return " x=\"" + Num(b.x0) + "\" y=\"" + Num(b.y0) + "\" width=\"" + Num(b.x1 - b.x0) +
         "\" height=\"" + Num(b.y1 - b.y0) + "\"";
}

std::string CellPosition(const model::Cell& cell) {
  return " data-r=\"" + Int(cell.r) + "\" data-c=\"" + Int(cell.c) + "\" data-rs=\"" +
         Int(cell.rs) + "\" data-cs=\"" + Int(cell.cs) + "\"";
}

bool IsHeader(const model::Table& table, const model::Cell& cell) {
  return cell.r < table.header_rows;
}

// The union of the table's cell boxes on one page.
std::optional<BBox> TableBox(const model::Table& table, int page) {
  std::optional<BBox> box;
  for (const model::Cell& cell : table.cells) {
    if (cell.page != page || !cell.bbox) continue;
    const BBox& b = *cell.bbox;
    if (!box) {
      box = b;
      continue;
    }
    box->x0 = std::min(box->x0, b.x0), box->y0 = std::min(box->y0, b.y0);
    box->x1 = std::max(box->x1, b.x1), box->y1 = std::max(box->y1, b.y1);
  }
  return box;
}

void AppendCellBoxes(const model::Table& table, int page, std::string* html) {
  if (std::optional<BBox> box = TableBox(table, page))
    *html += "<rect class=\"tbox\"" + RectAttributes(*box) + "/>";
  for (const model::Cell& cell : table.cells) {
    if (cell.page != page || !cell.bbox) continue;
    *html += "<rect class=\"cell " + std::string(IsHeader(table, cell) ? "hdr" : "data") + "\"" +
             CellPosition(cell) + RectAttributes(*cell.bbox) + "><title>" +
             Escape(cell.text.empty() ? cell.raw : cell.text) + "</title></rect>";
  }
}

void AppendLineBoxes(int page, const std::vector<TextLine>& lines, std::string* html) {
  for (const TextLine& line : lines) {
    if (line.page != page || !line.bbox) continue;
    *html += "<rect class=\"line\"" + RectAttributes(*line.bbox) + "><title>" +
             Escape(line.text) + "</title></rect>";
  }
}

std::string CellTitle(const model::Cell& cell) {
  std::string title = "raw: " + cell.raw + "\ntext: " + cell.text;
  if (cell.value) title += "\nvalue: " + *cell.value;
  return Escape(title);
}

void AppendGridCell(const model::Table& table, const model::Cell& cell, std::string* html) {
  *html += "<td class=\"" + std::string(IsHeader(table, cell) ? "hdr" : "data") +
           (cell.value ? " num" : "") + "\"" + CellPosition(cell);
  if (cell.rs > 1) *html += " rowspan=\"" + Int(cell.rs) + "\"";
  if (cell.cs > 1) *html += " colspan=\"" + Int(cell.cs) + "\"";
  *html += " data-raw=\"" + Escape(cell.raw) + "\" data-text=\"" + Escape(cell.text) + "\"";
  if (cell.value) *html += " data-value=\"" + Escape(*cell.value) + "\"";
  if (cell.page > 0) *html += " data-page=\"" + Int(cell.page) + "\"";
  *html += " title=\"" + CellTitle(cell) + "\" tabindex=\"0\">";
  std::string text = Escape(cell.text);
  for (std::size_t at; (at = text.find('\n')) != std::string::npos;) text.replace(at, 1, "<br>");
  *html += text + "</td>";
}

// Grids larger than this are listed cell by cell instead (a damaged file
// can claim a huge grid with few cells).
constexpr long kMaxGridPositions = 2'000'000;

void AppendGrid(const model::Table& table, std::string* html) {
  const long positions = static_cast<long>(table.n_rows) * table.n_cols;
  *html += "<table class=\"grid\" data-table=\"" + Int(table.index) + "\">";
  if (table.n_rows <= 0 || table.n_cols <= 0 || positions > kMaxGridPositions) {
    for (const model::Cell& cell : table.cells) {
      *html += "<tr><th class=\"rn\">" + Int(cell.r) + "," + Int(cell.c) + "</th>";
      AppendGridCell(table, cell, html);
      *html += "</tr>";
    }
    *html += "</table>";
    return;
  }
  // starts[r*n_cols+c]: index+1 of the cell whose top-left is there;
  // covered: a position inside a merge (no <td> of its own).
  std::vector<int> starts(static_cast<std::size_t>(positions), 0);
  std::vector<bool> covered(static_cast<std::size_t>(positions), false);
  for (std::size_t i = 0; i < table.cells.size(); ++i) {
    const model::Cell& cell = table.cells[i];
    if (cell.r < 0 || cell.c < 0 || cell.r >= table.n_rows || cell.c >= table.n_cols) continue;
    starts[static_cast<std::size_t>(cell.r) * table.n_cols + cell.c] = static_cast<int>(i) + 1;
    for (int r = cell.r; r < std::min(cell.r + std::max(cell.rs, 1), table.n_rows); ++r)
      for (int c = cell.c; c < std::min(cell.c + std::max(cell.cs, 1), table.n_cols); ++c)
        if (r != cell.r || c != cell.c) covered[static_cast<std::size_t>(r) * table.n_cols + c] = true;
  }
  *html += "<tr><th></th>";
  for (int c = 0; c < table.n_cols; ++c) *html += "<th class=\"cn\">" + Int(c) + "</th>";
  *html += "</tr>";
  for (int r = 0; r < table.n_rows; ++r) {
    *html += "<tr><th class=\"rn\">" + Int(r) + "</th>";
    for (int c = 0; c < table.n_cols; ++c) {
      const std::size_t at = static_cast<std::size_t>(r) * table.n_cols + c;
      if (starts[at] > 0)
        AppendGridCell(table, table.cells[static_cast<std::size_t>(starts[at] - 1)], html);
      else if (!covered[at])
        *html += "<td class=\"" + std::string(r < table.header_rows ? "hdr" : "data") +
                 " blank\" data-r=\"" + Int(r) + "\" data-c=\"" + Int(c) +
                 "\" data-rs=\"1\" data-cs=\"1\"></td>";
    }
    *html += "</tr>";
  }
  *html += "</table>";
}

void AppendFact(const std::string& name, const std::string& value, std::string* html) {
  *html += "<dt>" + name + "</dt><dd>" + value + "</dd>";
}

void AppendFacts(const model::Table& table, std::string* html) {
  *html += "<dl class=\"facts\">";
  AppendFact("standard", table.standard ? "<code>" + Escape(*table.standard) + "</code>"
                                        : "<i>not identified</i>", html);
  if (table.stage) AppendFact("stage", Escape(*table.stage), html);
  if (table.coverage) AppendFact("coverage", Escape(*table.coverage), html);
  AppendFact("unit", table.unit ? Escape(*table.unit) : "<i>unknown</i>", html);
  if (table.compiler) AppendFact("compiler", Escape(*table.compiler), html);
  if (table.pages)
    AppendFact("pages", Int(table.pages->first) + (table.pages->second != table.pages->first
                                                       ? "–" + Int(table.pages->second)
                                                       : std::string()), html);
  AppendFact("grid", Int(table.n_rows) + " rows × " + Int(table.n_cols) + " columns, " +
                         Int(table.header_rows) + " header rows, " +
                         Int(static_cast<int>(table.records.size())) + " records", html);
  const std::string word = VerifiedWord(table);
  const char* meaning = word == "verified" ? "true: its arithmetic checks hold"
                        : word == "fails"  ? "false: a check fails or the table is misread"
                                           : "null: no check applies";
  AppendFact("verified", "<span class=\"badge " + word + "\">" + meaning + "</span>", html);
  if (!table.doubts.empty()) {
    std::string doubts;
    for (const std::string& d : table.doubts) doubts += "<code>" + Escape(d) + "</code> ";
    AppendFact("doubts", doubts, html);
  }
  *html += "</dl>";
}

}  // namespace

std::string VerifiedWord(const model::Table& table) {
  if (!table.verified) return "unchecked";
  return *table.verified ? "verified" : "fails";
}

void AppendFigure(const PageImage& image, const model::Table* table,
                  const std::vector<TextLine>& lines, std::string* html) {
  const std::string w = Num(image.width_pt), h = Num(image.height_pt);
  *html += "<figure class=\"page\" data-page=\"" + Int(image.page) + "\"><div class=\"sheet\">" +
           "<img src=\"" + Escape(image.file) + "\" alt=\"page " + Int(image.page) + "\">" +
           "<svg class=\"overlay\" viewBox=\"0 0 " + w + " " + h +
           "\" preserveAspectRatio=\"none\" xmlns=\"http://www.w3.org/2000/svg\">";
  if (table) AppendCellBoxes(*table, image.page, html);
  if (image.image_only) AppendLineBoxes(image.page, lines, html);
  *html += "<g class=\"marks\"></g></svg></div><figcaption>page " + Int(image.page) +
           (image.image_only ? " · scan: text and boxes read by OCR" : "") +
           "</figcaption></figure>";
}

void AppendTable(const model::Table& table, const std::map<int, PageImage>& images,
                 const std::vector<TextLine>& lines, std::string* html) {
  *html += "<section class=\"table " + VerifiedWord(table) + "\" id=\"t" + Int(table.index) +
           "\" data-table=\"" + Int(table.index) + "\"><h2>Table " + Int(table.index) +
           (table.number ? " · 表" + Int(*table.number) : "") + " · " +
           (table.title ? Escape(*table.title) : "<i>untitled</i>") + "</h2>";
  AppendFacts(table, html);
  *html += "<div class=\"pair\">";
  std::set<int> pages;
  for (const model::Cell& cell : table.cells)
    if (cell.page > 0) pages.insert(cell.page);
  bool any_image = false;
  for (int page : pages)
    if (auto it = images.find(page); it != images.end()) {
      if (!any_image) *html += "<div class=\"pages\">";
      any_image = true;
      AppendFigure(it->second, &table, lines, html);
    }
  if (any_image) *html += "</div>";
  *html += "<div class=\"side\"><div class=\"grid-wrap\">";
  AppendGrid(table, html);
  *html += "</div></div></div></section>";
}

}  // namespace cnbudget::review
