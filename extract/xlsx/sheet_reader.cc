#include "extract/xlsx/sheet_reader.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "extract/docx/ooxml.h"
#include "extract/xlsx/number_format.h"
#include "extract/xlsx/sml.h"
#include "extract/docx/safe_xml.h"

namespace cnbudget::xlsx {
namespace {

constexpr int kMaxRef = 1 << 24;  // beyond any spreadsheet's grid

std::string ChildText(const xmlNode* node, const char* local) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next)
    if (IsS(c, local)) return docx::NodeText(c);
  return "";
}

const xmlNode* Child(const xmlNode* node, const char* local) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next)
    if (IsS(c, local)) return c;
  return nullptr;
}

// Excel writes a line break in a cell as "\n"; other producers as "\r\n".
std::string UnixBreaks(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i] == '\r' ? '\n' : s[i];
  return out;
}

// The text a cell shows, by its type (c/@t).
std::string CellText(const xmlNode* c, const WorkbookContext& context) {
  const std::string type = Attr(c, "t").value_or("n");
  if (type == "inlineStr") {
    const xmlNode* is = Child(c, "is");
    return is != nullptr ? StringItemText(is) : "";
  }
  const std::string v = ChildText(c, "v");
  if (type == "s") {
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
      return "";
    const std::size_t i = std::stoul(v);
    return i < context.shared_strings->size() ? (*context.shared_strings)[i] : "";
  }
  if (type == "b") return v == "1" ? "TRUE" : v == "0" ? "FALSE" : v;
  if (type == "n" && !v.empty())
    return DisplayNumber(v, context.styles->Get(IntAttr(c, "s", 0)).format);
  return v;  // str (formula text), e (#DIV/0!), d (ISO date): shown as stored
}

class RowReader {
 public:
  RowReader(const WorkbookContext& context, SheetData* out) : context_(context), out_(out) {}

  // Rows and cells past a cap are skipped, not the rest of the part: the
  // merged ranges come after the cells.
  void Read(const xmlNode* row) {
    row_ = IntAttr(row, "r", row_ + 2) - 1;  // 1-based attribute, else the next row
    if (row_ < 0 || row_ >= context_.limits->max_rows) {
      capped_.insert("rows");
      return;
    }
    int col = -1;
    for (const xmlNode* c = row->children; c != nullptr; c = c->next) {
      if (!IsS(c, "c")) continue;
      int ref_row = row_;
      if (!ParseCellRef(Attr(c, "r").value_or(""), &ref_row, &col)) ++col;
      if (col < 0 || col >= context_.limits->max_cols) {
        capped_.insert("columns");
        continue;
      }
      AddCell(c, col);
    }
  }

  // What was capped, "" when nothing was ("rows", "columns, cells", ...).
  std::string capped() const {
    std::string out;
    for (const char* what : {"rows", "columns", "cells"})
      if (capped_.count(what)) out += (out.empty() ? "" : ", ") + std::string(what);
    return out;
  }

 private:
  void AddCell(const xmlNode* c, int col) {
    const CellStyle& style = context_.styles->Get(IntAttr(c, "s", 0));
    if (style.bordered) ++out_->bordered_per_row[row_];
    std::string text = UnixBreaks(CellText(c, context_));
    if (docx::IsBlank(text)) return;
    if (sheet_cells_ >= context_.limits->max_cells_per_sheet || *context_.cells_left == 0) {
      capped_.insert("cells");
      return;
    }
    ++sheet_cells_;
    --*context_.cells_left;
    out_->cells.push_back({row_, col, std::move(text), style.bold});
  }

  const WorkbookContext& context_;
  SheetData* out_;
  int row_ = -1;
  std::size_t sheet_cells_ = 0;
  std::set<std::string> capped_;
};

}  // namespace

bool ParseCellRef(const std::string& ref, int* row, int* col) {
  std::size_t i = 0;
  long c = 0, r = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
    c = c * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (c > kMaxRef) return false;
  }
  if (i == 0 || i == ref.size()) return false;
  for (; i < ref.size() && std::isdigit(static_cast<unsigned char>(ref[i])); ++i) {
    r = r * 10 + (ref[i] - '0');
    if (r > kMaxRef) return false;
  }
  if (i != ref.size() || r == 0) return false;
  *row = static_cast<int>(r - 1);
  *col = static_cast<int>(c - 1);
  return true;
}

std::optional<Merge> ParseRange(const std::string& ref) {
  const std::size_t colon = ref.find(':');
  Merge m;
  if (!ParseCellRef(ref.substr(0, colon), &m.r0, &m.c0)) return std::nullopt;
  m.r1 = m.r0;
  m.c1 = m.c0;
  if (colon != std::string::npos && !ParseCellRef(ref.substr(colon + 1), &m.r1, &m.c1))
    return std::nullopt;
  if (m.r1 < m.r0 || m.c1 < m.c0) return std::nullopt;
  return m;
}

std::optional<Issue> ReadSheet(const std::string& xml, const std::string& part,
                               const std::string& sheet_name, const WorkbookContext& context,
                               SheetData* out, std::vector<Issue>* warnings) {
  RowReader rows(context, out);
  bool merges_capped = false;
  // worksheet(0) > sheetData(1) > row(2); worksheet > mergeCells(1) > mergeCell(2)
  auto want = [](int depth, const xmlNode* e) {
    return depth == 2 && (IsS(e, "row") || IsS(e, "mergeCell"));
  };
  auto on_subtree = [&](const xmlNode* e) {
    if (IsS(e, "row")) {
      rows.Read(e);
      return true;
    }
    if (out->merges.size() >= context.limits->max_merges_per_sheet) {
      merges_capped = true;
      return true;
    }
    // Ranges are cut to the caps: a range over the whole grid must not make
    // the layout index a million rows.
    std::optional<Merge> m = ParseRange(Attr(e, "ref").value_or(""));
    if (!m || m->r0 >= context.limits->max_rows || m->c0 >= context.limits->max_cols) return true;
    m->r1 = std::min(m->r1, context.limits->max_rows - 1);
    m->c1 = std::min(m->c1, context.limits->max_cols - 1);
    out->merges.push_back(*m);
    return true;
  };
  std::optional<Issue> error = docx::StreamPart(xml, part, want, on_subtree);
  std::string capped = rows.capped();
  if (merges_capped) capped += (capped.empty() ? "" : ", ") + std::string("merged ranges");
  if (!capped.empty())
    warnings->push_back(MakeWarning("xlsx_limit", "sheet '" + sheet_name +
                                                      "' exceeds the extractor's caps on " +
                                                      capped + "; what lies beyond is not read"));
  return error;
}

}  // namespace cnbudget::xlsx
