// Row keys: which columns of a table are codes and labels, which header path
// each column has, and the classification code and label of each row on each
// side of the table.
//
// A table may have several sides (收入 | 支出, 人员经费 | 公用经费): each
// value column belongs to the block of code/label columns nearest on its
// left, and takes its row key from that block.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace cnbudget {

// Leading classification code of a text: the digits at its start, with single
// spaces between digit groups dropped ("201 03 01" -> "2010301", "01 基本工资"
// -> "01", "行政运行" -> "").
std::string LeadingCode(std::string_view text);

// A text without its leading code and the spaces or punctuation after it
// ("201 一般公共服务支出" -> "一般公共服务支出").
std::string WithoutLeadingCode(std::string_view text);

// A row label without its ordinal: "一、一般公共服务支出", "（一）…", "(1)…",
// "1.…", "1、…" -> the label; anything else unchanged.
std::string WithoutOrdinal(std::string_view label);

// True for a total row or column caption: 合计, 总计, 小计, 收入总计,
// 本年支出合计, 项目支出合计, 财政拨款(补助)小计 ...
bool IsTotalCaption(std::string_view text);

class TableKeys {
 public:
  // Reads t.cells, t.header_rows and t.n_rows/n_cols (grown to fit the
  // cells, capped at kMaxGridCells positions). Keeps a pointer to t, which
  // must outlive this object.
  explicit TableKeys(const model::Table& t);

  static constexpr int kMaxGridCells = 1 << 21;

  int n_rows() const { return n_rows_; }
  int n_cols() const { return n_cols_; }
  int header_rows() const { return header_rows_; }

  // The cell covering (r, c), or nullptr.
  const model::Cell* At(int r, int c) const;

  // Normalized header texts above column c, top to bottom, merged cells once,
  // empty levels dropped.
  const std::vector<std::string>& ColumnPath(int c) const { return paths_[c]; }

  bool IsCode(int c) const { return code_[c]; }
  bool IsLabel(int c) const { return label_[c]; }
  bool IsKey(int c) const { return code_[c] || label_[c]; }

  // Index of the key block on the left of column c (-1 when none).
  int BlockOf(int c) const { return block_of_[c]; }
  int n_blocks() const { return static_cast<int>(blocks_.size()); }
  const std::vector<int>& BlockColumns(int b) const { return blocks_[b]; }

  // Row key of body row r on block b (an empty key for b == -1).
  const model::RowKey& Key(int r, int b) const;

 private:
  enum class CodePart { kNone, kClass, kKind, kItem, kWhole };

  void BuildOccupancy(const model::Table& t);
  void BuildPaths();
  void ClassifyColumns();
  void BuildBlocks();
  void BuildKeys();
  void JoinWrappedLabels(std::vector<model::RowKey>* keys) const;
  bool RowHasValue(int r) const;
  int RowCellCount(int r) const;
  model::RowKey KeyOfRow(int r, const std::vector<int>& block, std::string* carry_class,
                         std::string* carry_kind) const;

  int n_rows_ = 0, n_cols_ = 0, header_rows_ = 0;
  const model::Table* table_;
  std::vector<int> occupancy_;  // r * n_cols_ + c -> index in cells, -1 = none
  std::vector<std::vector<std::string>> paths_;
  std::vector<bool> code_, label_;
  std::vector<CodePart> part_;
  std::vector<bool> project_;  // label column holding project names
  std::vector<std::vector<int>> blocks_;
  std::vector<int> block_of_;
  std::vector<std::vector<model::RowKey>> keys_;  // [block][row]
  model::RowKey empty_key_;
};

}  // namespace cnbudget
