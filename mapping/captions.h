// Captions: the 表N / title / 编制单位 / 单位 lines printed around a table.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/layout.h"

namespace cnbudget::mapping {

struct Caption {
  std::optional<int> number;            // printed 表N
  std::optional<std::string> title;     // squashed, without 表N or "一、"
  std::optional<std::string> compiler;  // 编制单位/编制部门：X
  std::optional<std::string> unit;      // "万元" | "元" | "千元" | "亿元"
  bool continued = false;               // a "续表" line: the table continues the previous one
};

// Reads the caption from the text lines between the previous table and this
// one (reading order, nearest last). Only the block of caption-like lines
// right above the table counts: the scan walks up from the table and stops
// at the 表N line, at narrative text, or after a few lines, so that a table
// of contents or a paragraph further up never lends its titles.
Caption ReadCaption(const std::vector<std::string>& lines_above);

// Like ReadCaption, for a table whose header an extractor left as text lines
// between the caption and the grid: when the nearest lines name nothing,
// looks up to 30 lines further for a 编制单位 or 单位 line, provided the lines
// in between hold neither sentences nor amounts (header fragments only).
Caption ReadCaptionAcrossHeaderLines(const std::vector<std::string>& lines_above);

// Reads a caption printed inside the table's first rows (a one-cell
// full-width title row, a "编制单位：X | 单位：万元" row). Returns the
// caption and, in *rows_used, how many leading rows hold only caption text.
Caption ReadCaptionRows(const RawTable& t, int* rows_used);

// True for squashed page furniture: page numbers ("-5-", "第5页", "5/20").
bool IsPageNoise(std::string_view squashed);

// Parses "编制单位：X 单位：万元" style lines; exposed for tests and metadata.
std::optional<std::string> CompilerOfLine(std::string_view squashed);
std::optional<std::string> UnitOfLine(std::string_view squashed);

}  // namespace cnbudget::mapping
