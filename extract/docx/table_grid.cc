#include "extract/docx/table_grid.h"

#include <algorithm>
#include <map>
#include <string>

#include "extract/docx/blocks.h"
#include "extract/docx/ooxml.h"
#include "extract/docx/paragraph_text.h"

namespace cnbudget::docx {
namespace {

// A hostile w:gridSpan or w:gridBefore must not make a grid of millions of
// columns; real tables have a few dozen.
constexpr int kMaxColumns = 1024;

enum class Merge { kNone, kRestart, kContinue };

// w:vMerge / w:hMerge: present without w:val (or with "continue") continues
// the merge; "restart" starts one.
Merge MergeOf(const xmlNode* tc_pr, const char* local) {
  const xmlNode* merge = WChild(tc_pr, local);
  if (merge == nullptr) return Merge::kNone;
  return WAttr(merge, "val").value_or("continue") == "restart" ? Merge::kRestart
                                                              : Merge::kContinue;
}

// The text of one w:tc: its paragraphs joined with "\n" (blank ones
// skipped), plus the paragraphs of text boxes anchored in it. Tables nested
// in the cell are set aside for the caller.
class CellReader : public BlockVisitor {
 public:
  CellReader(const ReadContext& context, std::vector<const xmlNode*>* nested)
      : inline_(context), nested_(nested) {}

  void OnParagraph(const xmlNode* p) override {
    ParagraphText t = inline_.Read(p);
    if (t.has_text) {
      if (!text_.empty()) text_ += "\n";
      text_ += t.text;
      all_bold_ = all_bold_ && t.all_bold;
      has_text_ = true;
    }
    for (const xmlNode* box : t.textboxes) VisitChildren(box, this);
  }
  void OnTable(const xmlNode* tbl) override { nested_->push_back(tbl); }

  const std::string& text() const { return text_; }
  bool has_text() const { return has_text_; }
  bool bold() const { return has_text_ && all_bold_; }

 private:
  InlineReader inline_;
  std::vector<const xmlNode*>* nested_;
  std::string text_;
  bool has_text_ = false;
  bool all_bold_ = true;
};

// Rows, and cells of a row, may be wrapped in content controls, custom XML
// or tracked insertions; rows marked as deleted (w:trPr/w:del) are skipped.
void CollectRows(const xmlNode* container, std::vector<const xmlNode*>* rows) {
  for (const xmlNode* c = container->children; c != nullptr; c = c->next) {
    if (IsW(c, "tr")) {
      if (WChild(WChild(c, "trPr"), "del") == nullptr) rows->push_back(c);
    } else if (IsW(c, "sdt")) {
      if (const xmlNode* content = WChild(c, "sdtContent")) CollectRows(content, rows);
    } else if (IsW(c, "customXml") || IsW(c, "ins")) {
      CollectRows(c, rows);
    }
  }
}

void CollectCells(const xmlNode* container, std::vector<const xmlNode*>* cells) {
  for (const xmlNode* c = container->children; c != nullptr; c = c->next) {
    if (IsW(c, "tc")) {
      cells->push_back(c);
    } else if (IsW(c, "sdt")) {
      if (const xmlNode* content = WChild(c, "sdtContent")) CollectCells(content, cells);
    } else if (IsW(c, "customXml") || IsW(c, "ins")) {
      CollectCells(c, cells);
    }
  }
}

int GridColumnCount(const xmlNode* tbl) {
  int n = 0;
  if (const xmlNode* grid = WChild(tbl, "tblGrid"))
    for (const xmlNode* c = grid->children; c != nullptr; c = c->next)
      if (IsW(c, "gridCol")) ++n;
  return std::min(n, kMaxColumns);
}

// Builds the grid of one table. Cells are kept in row-major order of their
// top-left corner (the order they start in the file).
class GridBuilder {
 public:
  GridBuilder(const ReadContext& context, std::vector<const xmlNode*>* nested)
      : context_(context), nested_(nested) {}

  void AddRow(const xmlNode* tr, int r) {
    const xmlNode* tr_pr = WChild(tr, "trPr");
    int col = std::min(WIntChild(tr_pr, "gridBefore", 0), kMaxColumns);
    std::map<int, int> covering;  // grid column -> cell covering it in this row
    int last_in_row = -1;
    std::vector<const xmlNode*> tcs;
    CollectCells(tr, &tcs);
    for (const xmlNode* tc : tcs) {
      if (col >= kMaxColumns) break;  // a hostile row: cells past the cap are dropped
      const xmlNode* tc_pr = WChild(tc, "tcPr");
      const int span = std::clamp(WIntChild(tc_pr, "gridSpan", 1), 1, kMaxColumns - col);
      CellReader text(context_, nested_);
      VisitChildren(tc, &text);

      int index;
      const auto above = open_.find(col);
      if (MergeOf(tc_pr, "vMerge") == Merge::kContinue && above != open_.end()) {
        index = above->second;
        cells_[index].rs = r - cells_[index].r + 1;
      } else if (MergeOf(tc_pr, "hMerge") == Merge::kContinue && last_in_row >= 0 &&
                 cells_[last_in_row].r == r &&
                 cells_[last_in_row].c + cells_[last_in_row].cs == col) {
        index = last_in_row;
        cells_[index].cs += span;
      } else {
        index = static_cast<int>(cells_.size());
        cells_.push_back(Pending{r, col, 1, span, "", false, true});
      }
      AddText(text, &cells_[index]);
      for (int k = col; k < col + span; ++k) covering[k] = index;
      last_in_row = index;
      col += span;
    }
    col = std::min(col + WIntChild(tr_pr, "gridAfter", 0), kMaxColumns);
    width_ = std::max(width_, col);
    open_ = std::move(covering);
  }

  // Moves the visible cells into `table`.
  void Finish(RawTable* table) {
    table->n_cols = std::max(table->n_cols, width_);
    for (Pending& p : cells_) {
      if (!p.has_text) continue;
      RawCell cell;
      cell.r = p.r;
      cell.c = p.c;
      cell.rs = p.rs;
      cell.cs = p.cs;
      cell.raw = std::move(p.raw);
      cell.bold = p.all_bold;
      table->cells.push_back(std::move(cell));
    }
  }

 private:
  struct Pending {
    int r, c, rs, cs;
    std::string raw;
    bool has_text;
    bool all_bold;
  };

  // A continued merge's own text (rare) is kept, after the text above.
  static void AddText(const CellReader& text, Pending* cell) {
    if (!text.has_text()) return;
    if (!cell->raw.empty()) cell->raw += "\n";
    cell->raw += text.text();
    cell->all_bold = cell->all_bold && text.bold();
    cell->has_text = true;
  }

  const ReadContext& context_;
  std::vector<const xmlNode*>* nested_;
  std::vector<Pending> cells_;
  std::map<int, int> open_;  // grid column -> cell covering it in the previous row
  int width_ = 0;
};

}  // namespace

void AppendTable(const xmlNode* tbl, int nesting, const ReadContext& context,
                 std::vector<Block>* blocks) {
  std::vector<const xmlNode*> rows;
  CollectRows(tbl, &rows);
  std::vector<const xmlNode*> nested;
  GridBuilder grid(context, &nested);
  RawTable table;
  table.nesting = nesting;
  table.n_rows = static_cast<int>(rows.size());
  table.n_cols = GridColumnCount(tbl);
  bool leading_header = true;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (leading_header && IsOn(WChild(WChild(rows[r], "trPr"), "tblHeader")))
      ++table.marked_header_rows;
    else
      leading_header = false;
    grid.AddRow(rows[r], static_cast<int>(r));
  }
  grid.Finish(&table);
  blocks->push_back(std::move(table));
  for (const xmlNode* inner : nested) AppendTable(inner, nesting + 1, context, blocks);
}

}  // namespace cnbudget::docx
