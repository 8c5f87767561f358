#include "mapping/row_keys.h"

#include "mapping/text_match.h"

#include <re2/re2.h>

#include <algorithm>

namespace cnbudget {
namespace {

bool IsDigit(char ch) { return ch >= '0' && ch <= '9'; }

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char ch : s)
    if (ch != ' ' && ch != '\t' && ch != '\n') out.push_back(ch);
  return out;
}

// "-", "—", "/" (or a run of one of them): an empty amount, not text.
bool IsDashOnly(std::string_view s) {
  std::string t = WithoutSpaces(s);
  if (t.empty()) return true;
  for (std::string_view dash : {"-", "/", "—", "－", "–", "─", "\\"}) {
    bool all = t.size() % dash.size() == 0;
    for (size_t i = 0; all && i < t.size(); i += dash.size()) all = t.compare(i, dash.size(), dash) == 0;
    if (all) return true;
  }
  return false;
}

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

}  // namespace

std::string LeadingCode(std::string_view text) {
  std::string code;
  size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  while (i < text.size()) {
    if (IsDigit(text[i])) {
      code.push_back(text[i++]);
      continue;
    }
    // A single space between two digit groups belongs to the code.
    if (text[i] == ' ' && !code.empty() && i + 1 < text.size() && IsDigit(text[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  // "1.一般公共预算拨款", "2.5": a digit followed by a point is numbering or a number.
  if (i < text.size() && (text[i] == '.' || text[i] == ',')) return "";
  return code;
}

std::string WithoutLeadingCode(std::string_view text) {
  std::string code = LeadingCode(text);
  if (code.empty()) return std::string(text);
  size_t i = 0, seen = 0;
  while (i < text.size() && seen < code.size()) {
    if (IsDigit(text[i])) ++seen;
    ++i;
  }
  while (i < text.size() && (text[i] == ' ' || text[i] == '.' || text[i] == '-' || text[i] == ':')) ++i;
  if (text.substr(i).starts_with("、")) i += std::string_view("、").size();
  return std::string(text.substr(i));
}

bool IsTotalCaption(std::string_view text) {
  std::string t = WithoutSpaces(text);
  for (std::string_view tail : {"合计", "总计", "小计", "(小计)", "小计)"})
    if (std::string_view(t).ends_with(tail)) return true;
  return false;
}

TableKeys::TableKeys(const model::Table& t) : table_(&t) {
  n_rows_ = std::max(0, t.n_rows);
  n_cols_ = std::max(0, t.n_cols);
  for (const model::Cell& c : t.cells) {
    if (c.r < 0 || c.c < 0) continue;
    n_rows_ = std::max<long>(n_rows_, std::min<long>(long{c.r} + std::max(1, c.rs), kMaxGridCells));
    n_cols_ = std::max<long>(n_cols_, std::min<long>(long{c.c} + std::max(1, c.cs), kMaxGridCells));
  }
  // A hostile or broken grid must not cost unbounded memory: keep the first
  // columns and rows that fit.
  n_cols_ = std::min(n_cols_, 4096);
  if (n_cols_ > 0) n_rows_ = std::min(n_rows_, kMaxGridCells / n_cols_);
  header_rows_ = std::clamp(t.header_rows, 0, n_rows_);
  BuildOccupancy(t);
  BuildPaths();
  ClassifyColumns();
  BuildBlocks();
  BuildKeys();
}

const model::Cell* TableKeys::At(int r, int c) const {
  if (r < 0 || c < 0 || r >= n_rows_ || c >= n_cols_) return nullptr;
  int i = occupancy_[static_cast<size_t>(r) * n_cols_ + c];
  return i < 0 ? nullptr : &table_->cells[i];
}

const model::RowKey& TableKeys::Key(int r, int b) const {
  if (b < 0 || b >= n_blocks() || r < 0 || r >= n_rows_) return empty_key_;
  return keys_[b][r];
}

void TableKeys::BuildOccupancy(const model::Table& t) {
  occupancy_.assign(static_cast<size_t>(n_rows_) * n_cols_, -1);
  for (size_t i = 0; i < t.cells.size(); ++i) {
    const model::Cell& c = t.cells[i];
    if (c.r < 0 || c.c < 0 || c.r >= n_rows_ || c.c >= n_cols_) continue;
    int r_end = static_cast<int>(std::min<long>(long{c.r} + std::max(1, c.rs), n_rows_));
    int c_end = static_cast<int>(std::min<long>(long{c.c} + std::max(1, c.cs), n_cols_));
    for (int r = c.r; r < r_end; ++r)
      for (int x = c.c; x < c_end; ++x) {
        int& slot = occupancy_[static_cast<size_t>(r) * n_cols_ + x];
        if (slot < 0) slot = static_cast<int>(i);
      }
  }
}

void TableKeys::BuildPaths() {
  paths_.assign(n_cols_, {});
  for (int c = 0; c < n_cols_; ++c) {
    const model::Cell* previous = nullptr;
    for (int r = 0; r < header_rows_; ++r) {
      const model::Cell* cell = At(r, c);
      if (cell == nullptr || cell == previous) continue;
      previous = cell;
      if (!cell->text.empty()) paths_[c].push_back(cell->text);
    }
  }
}

void TableKeys::ClassifyColumns() {
  int content_rows = 0;
  for (int r = header_rows_; r < n_rows_; ++r)
    for (int c = 0; c < n_cols_; ++c)
      if (const model::Cell* cell = At(r, c); cell != nullptr && !cell->text.empty()) {
        ++content_rows;
        break;
      }
  code_.assign(n_cols_, false);
  label_.assign(n_cols_, false);
  part_.assign(n_cols_, CodePart::kNone);
  project_.assign(n_cols_, false);
  for (int c = 0; c < n_cols_; ++c) {
    const std::vector<std::string>& path = paths_[c];
    std::string last = path.empty() ? "" : WithoutSpaces(path.back());
    if (last == "类") part_[c] = CodePart::kClass;
    else if (last == "款") part_[c] = CodePart::kKind;
    else if (last == "项") part_[c] = CodePart::kItem;
    else if (!Contains(last, "名称") && !Contains(last, "内容"))
      for (const std::string& level : path)
        if (Contains(level, "编码") || Contains(level, "代码")) part_[c] = CodePart::kWhole;

    // Body census: text cells (no value, not a dash), and code+name cells.
    int filled = 0, text = 0, named = 0, codes = 0;
    for (int r = header_rows_; r < n_rows_; ++r) {
      const model::Cell* cell = At(r, c);
      if (cell == nullptr || cell->c != c || cell->r != r || IsDashOnly(cell->text)) continue;
      ++filled;
      std::string code = LeadingCode(cell->text);
      if (!code.empty() && WithoutSpaces(cell->text) == code) ++codes;
      if (cell->value && code.empty()) continue;
      if (!cell->value) ++text;
      if (!WithoutLeadingCode(cell->text).empty() && code != WithoutSpaces(cell->text)) ++named;
    }
    // Header-less code column: nothing but classification codes under 科目 or no header.
    bool bare_header = path.empty() || Contains(last, "科目");
    if (part_[c] == CodePart::kNone && bare_header && filled > 0 && codes == filled) {
      bool plausible = true;
      for (int r = header_rows_; r < n_rows_ && plausible; ++r) {
        const model::Cell* cell = At(r, c);
        if (cell == nullptr || cell->c != c || cell->r != r || IsDashOnly(cell->text)) continue;
        size_t n = LeadingCode(cell->text).size();
        plausible = n == 2 || n == 3 || n == 5 || n == 7;
      }
      if (plausible) part_[c] = CodePart::kWhole;
    }
    code_[c] = part_[c] != CodePart::kNone;
    if (code_[c]) {
      label_[c] = named * 2 > filled;  // "01 基本工资": code and name share the cell
    } else {
      // Mostly text, and text on a fair share of the table's rows: a stray
      // repeated header in an otherwise empty amount column is no label.
      label_[c] = filled > 0 && text * 2 > filled && (text >= 3 || text * 5 >= content_rows);
    }
    if (label_[c] && Contains(last, "项目名称")) project_[c] = true;
    // 采购组织形式 / 采购方式 (how a purchase is made) describe a row, they
    // do not name it: the name is the item left of them.
    if (label_[c] && (mapping::EndsWith(last, "形式") || mapping::EndsWith(last, "方式"))) label_[c] = false;
  }
}

void TableKeys::BuildBlocks() {
  block_of_.assign(n_cols_, -1);
  int current = -1;
  for (int c = 0; c < n_cols_; ++c) {
    if (IsKey(c)) {
      if (c == 0 || !IsKey(c - 1)) {
        blocks_.push_back({});
        current = static_cast<int>(blocks_.size()) - 1;
      }
      blocks_[current].push_back(c);
    }
    block_of_[c] = current;
  }
}

void TableKeys::BuildKeys() {
  keys_.assign(blocks_.size(), std::vector<model::RowKey>(n_rows_));
  for (size_t b = 0; b < blocks_.size(); ++b) {
    std::string carry_class, carry_kind;
    for (int r = header_rows_; r < n_rows_; ++r) keys_[b][r] = KeyOfRow(r, blocks_[b], &carry_class, &carry_kind);
    JoinWrappedLabels(&keys_[b]);
  }
}

namespace {

// Last characters of a label that reads complete (支出, 收入, 经费, 合计…).
bool EndsComplete(std::string_view label) {
  for (std::string_view end : {"出", "入", "费", "计", "金", "目", "务", "助", "款", "贴", "险",
                               "构", "他", "育", "理"})
    if (mapping::EndsWith(label, end)) return true;
  return false;
}

bool StartsLikeAnItem(std::string_view label) {
  return label.empty() || (label[0] >= '0' && label[0] <= '9') || WithoutOrdinal(label) != label ||
         label.starts_with("其中") || label.starts_with("(") || label.starts_with("（");
}

}  // namespace

// A label wrapped onto the next row of its own ("八、社会保障和就" /
// "业支出"), which has no amount and no other cell: label_clean of the
// first row gets the rest. Only a short tail after a label that reads
// incomplete: a row "其他支出" without amounts is a row of its own.
void TableKeys::JoinWrappedLabels(std::vector<model::RowKey>* keys) const {
  for (int r = header_rows_; r + 1 < n_rows_; ++r) {
    model::RowKey& key = (*keys)[r];
    const model::RowKey& next = (*keys)[r + 1];
    if (!key.label || !next.label || next.code || !RowHasValue(r) || RowHasValue(r + 1) ||
        RowCellCount(r + 1) != 1)
      continue;
    if (mapping::CodePoints(*next.label) > 3 || mapping::CodePoints(*key.label) < 6 ||
        StartsLikeAnItem(*next.label) || key.label->starts_with("其中") || EndsComplete(*key.label))
      continue;
    key.label_clean = key.label_clean.value_or(*key.label) + *next.label;
  }
}

bool TableKeys::RowHasValue(int r) const {
  for (int c = 0; c < n_cols_; ++c)
    if (const model::Cell* cell = At(r, c); cell && cell->r == r && cell->value) return true;
  return false;
}

int TableKeys::RowCellCount(int r) const {
  int n = 0;
  for (int c = 0; c < n_cols_; ++c)
    if (const model::Cell* cell = At(r, c); cell && cell->r == r && cell->c == c && !cell->text.empty()) ++n;
  return n;
}

model::RowKey TableKeys::KeyOfRow(int r, const std::vector<int>& block, std::string* carry_class,
                                  std::string* carry_kind) const {
  model::RowKey key;
  std::string cls, kind, item, whole;
  bool has_parts = false;
  const model::Cell* previous = nullptr;
  for (int x : block) {
    if (!code_[x]) continue;
    if (part_[x] != CodePart::kWhole) has_parts = true;
    const model::Cell* cell = At(r, x);
    if (cell == nullptr || cell == previous) continue;
    previous = cell;
    std::string code = LeadingCode(cell->text);
    switch (part_[x]) {
      case CodePart::kClass: cls += code; break;
      case CodePart::kKind: kind += code; break;
      case CodePart::kItem: item += code; break;
      default: whole += code; break;
    }
  }
  for (auto it = block.rbegin(); it != block.rend(); ++it) {
    if (!label_[*it]) continue;
    const model::Cell* cell = At(r, *it);
    if (cell != nullptr && !cell->text.empty()) {
      key.label = cell->text;
      break;
    }
  }
  for (int x : block) {
    const model::Cell* cell = project_[x] ? At(r, x) : nullptr;
    if (cell != nullptr && !cell->text.empty()) key.project = cell->text;
  }
  if (has_parts) {
    // Rows of 款/项 under a heading leave the 类 (and 款) blank: carry them down.
    if (!cls.empty()) {
      *carry_class = cls;
      carry_kind->clear();
    } else if (!kind.empty() || !item.empty()) {
      cls = *carry_class;
    }
    if (!kind.empty()) *carry_kind = kind;
    else if (!item.empty()) kind = *carry_kind;
  }
  std::string code = cls + kind + item + whole;
  if (code.empty() && key.label) {
    // "201 一般公共服务支出": the code shares the label's cell.
    std::string lead = LeadingCode(*key.label);
    if ((lead.size() == 3 || lead.size() == 5 || lead.size() == 7) && lead[0] >= '2' && lead[0] <= '5') code = lead;
  }
  if (!code.empty()) {
    key.code = code;
    if (has_parts && whole.empty()) {
      if (!cls.empty()) key.cls = cls;
      if (!kind.empty()) key.kind = kind;
      if (!item.empty()) key.item = item;
    } else {
      key.cls = code.substr(0, std::min<size_t>(3, code.size()));
      if (code.size() >= 5) key.kind = code.substr(3, 2);
      if (code.size() >= 7) key.item = code.substr(5, 2);
    }
  }
  if (key.label) {
    std::string name = WithoutLeadingCode(*key.label);
    if (!name.empty()) key.name = name;
    std::string clean = WithoutOrdinal(name.empty() ? *key.label : name);
    if (!clean.empty()) key.label_clean = clean;
  }
  return key;
}

std::string WithoutOrdinal(std::string_view label) {
  // 一、 / 十二、 / （一） / (1) / 1. / 1、 / 1．
  static const RE2 kOrdinal(
      R"(^\s*(?:[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[、．.])\s*(.*)$)");
  std::string rest;
  // "1.5万元" is an amount, not an ordinal: a digit right after is kept whole.
  if (!RE2::FullMatch(label, kOrdinal, &rest) || rest.empty() || (rest[0] >= '0' && rest[0] <= '9'))
    return std::string(label);
  return rest;
}

}  // namespace cnbudget
