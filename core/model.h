// The canonical model of ../shared/spec/canonical-model.md, as C++ values.
//
// Mappers (mapping/) produce it; writers (tools/) serialize it. Field names
// follow the JSON keys. Values are exact decimal strings, never floats.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/issue.h"
#include "core/layout.h"

namespace cnbudget::model {

struct Source {
  std::string path;
  std::string sha256;
  std::string format;          // "pdf", "docx", or "" when unknown
  std::optional<int> pages;    // null for DOCX
  std::uint64_t bytes = 0;
};

struct DocumentMeta {
  std::optional<std::string> unit;
  std::optional<int> year;
  std::optional<std::string> kind;           // "budget" | "final"
  std::optional<std::string> currency_unit;  // "万元" | "元"
  std::optional<std::string> published;      // "YYYY-MM-DD"
  // "department" (部门/单位 disclosures) | "government" (a government's
  // budget report and its tables); null when nothing tells.
  std::optional<std::string> family;
  // "department" (a 部门 budget: the department and its units together),
  // "unit" (a 单位 budget of one body), "government"; null when unknown.
  std::optional<std::string> scope;
};

struct Cell {
  int r = 0, c = 0, rs = 1, cs = 1;
  std::string raw, text;
  std::optional<std::string> value;
  int page = 0;                // 0 = none (DOCX): omitted from JSON
  std::optional<BBox> bbox;
};

struct RowKey {
  std::optional<std::string> code, cls, kind, item;  // "class" in JSON
  std::optional<std::string> name, project, label;
  // The label without its code and its ordinal ("一、", "（一）", "1.", "(1)").
  std::optional<std::string> label_clean;
};

struct Record {
  int r = 0, c = 0;
  RowKey row;
  std::vector<std::string> column;
  std::optional<std::string> measure;
  std::string value;
  std::optional<std::string> unit;
};

struct Table {
  int index = 0;
  std::optional<int> number;
  std::optional<std::string> title;
  std::optional<std::string> standard;
  std::optional<std::string> stage;  // "budget" | "execution" | "final" (identified tables)
  // Government tables: "own_level" (市本级, 省本级: the government's own budget)
  // or "whole_area" (全市, 全省: with the levels below it), where the title says.
  std::optional<std::string> coverage;
  std::optional<std::string> unit;
  std::optional<std::string> compiler;
  std::optional<std::pair<int, int>> pages;  // null for DOCX
  int n_rows = 0, n_cols = 0, header_rows = 0;
  std::vector<Cell> cells;
  std::vector<Record> records;
  // true: arithmetic checks apply and all hold; false: one fails (or the
  // checks found the table misread); null: no check applies.
  std::optional<bool> verified;
  // Codes of the issues that say this table may be misread (glued rows,
  // several amounts in a cell, absurd values). Empty when nothing does.
  std::vector<std::string> doubts;
};

struct Document {
  Source source;
  DocumentMeta document;
  std::vector<Table> tables;
  std::vector<Issue> issues;
};

}  // namespace cnbudget::model
