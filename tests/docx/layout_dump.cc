#include "tests/docx/layout_dump.h"

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

namespace cnbudget::testing {
namespace {

std::string Quoted(const std::string& s) { return nlohmann::json(s).dump(); }

std::string Number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

}  // namespace

std::vector<std::string> DumpBlocks(const Layout& layout) {
  std::vector<std::string> lines;
  for (const Block& block : layout.blocks) {
    if (const auto* line = std::get_if<TextLine>(&block)) {
      lines.push_back("L " + std::to_string(line->bold ? 1 : 0) + " " +
                      Number(line->font_size) + " " + Quoted(line->text));
      continue;
    }
    const auto& table = std::get<RawTable>(block);
    lines.push_back("T " + std::to_string(table.n_rows) + "x" + std::to_string(table.n_cols) +
                    " nesting=" + std::to_string(table.nesting) +
                    " header=" + std::to_string(table.marked_header_rows));
    for (const RawCell& c : table.cells)
      lines.push_back("C " + std::to_string(c.r) + " " + std::to_string(c.c) + " " +
                      std::to_string(c.rs) + " " + std::to_string(c.cs) + " " +
                      std::to_string(c.bold ? 1 : 0) + " " + Quoted(c.raw));
  }
  return lines;
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace cnbudget::testing
