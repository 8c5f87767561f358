// Tables continued over pages: one RawTable per logical table.
#pragma once

#include <optional>
#include <vector>

#include "core/layout.h"
#include "extract/pdf/table_types.h"

namespace cnbudget::pdf {

// What is remembered of a table that may continue on the next page.
struct OpenTable {
  std::vector<double> col_edges;  // of the table's first part
  std::vector<std::vector<std::string>> first_rows;  // texts of its first rows, per row
  int header_rows = 0;            // of its first part
  std::vector<std::string> header_texts;  // sorted texts of its header cells
};

OpenTable Remember(const PageTable& first_part);

// Maps the continuation's columns onto the open table's columns: identity
// when the counts agree, else by column centres. nullopt when incompatible.
std::optional<std::vector<int>> MatchColumns(const OpenTable& open, const PageTable& next);

// Appends `next` (the part on a later page) to `table`: leading rows of
// `next` that repeat the table's first rows are dropped, the others are
// appended below with their own page.
void AppendContinuation(const OpenTable& open, const std::vector<int>& column_map,
                        PageTable next, RawTable* table);

// Texts of the cells starting in row r, left to right, white space removed.
std::vector<std::string> RowTexts(const RawTable& t, int r);

}  // namespace cnbudget::pdf
