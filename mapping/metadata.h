// Document metadata: the unit, year and kind printed on the cover.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace cnbudget::mapping {

// Fills unit, year, kind and published from the document's text lines in
// reading order (the cover comes first). Fields not found stay null:
// - unit: the unit name on the cover / first title line ("昌吉州政府办公室"
//   from "昌吉州政府办公室" + "2023年部门预算公开", or from
//   "2026年昌吉市人民政府办公室" + "部门预算公开");
// - year and kind: from the first cover line naming 预算 (budget) or 决算
//   (final) with a year;
// - published: a line that is only a date ("2023年1月31日"), first on the
//   cover, else the last one in the document (the signature), as YYYY-MM-DD.
// currency_unit is left to the caller (it comes from the tables).
model::DocumentMeta ReadDocumentMeta(const std::vector<std::string>& lines);

// The unit most tables use ("万元"/"元"), or nullopt when none has one.
std::optional<std::string> MostCommonUnit(const std::vector<model::Table>& tables);

// The money unit most amounts in running text are given in ("收入1200亿元"):
// the currency unit of a report that has no tables to say it.
std::optional<std::string> MostCommonAmountUnit(const std::vector<std::string>& lines);

// The year ("2017年…表") the most table titles print, or nullopt when none
// does or two years are printed equally often.
std::optional<int> MostCommonTitleYear(const std::vector<model::Table>& tables);

// The 编制单位 most tables name, or nullopt.
std::optional<std::string> MostCommonCompiler(const std::vector<model::Table>& tables);

}  // namespace cnbudget::mapping
