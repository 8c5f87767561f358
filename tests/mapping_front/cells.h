// Test helper: RawCells from short literals.
#pragma once

#include <string>
#include <vector>

#include "core/layout.h"

namespace cnbudget::testing {

struct CellSpec {
  int r, c, rs, cs;
  const char* raw;
};

inline RawCell MakeCell(int r, int c, int rs, int cs, std::string raw, int page = 0) {
  RawCell x;
  x.r = r;
  x.c = c;
  x.rs = rs;
  x.cs = cs;
  x.raw = std::move(raw);
  x.page = page;
  return x;
}

inline std::vector<RawCell> Cells(const std::vector<CellSpec>& specs) {
  std::vector<RawCell> out;
  for (const CellSpec& s : specs) out.push_back(MakeCell(s.r, s.c, s.rs, s.cs, s.raw));
  return out;
}

}  // namespace cnbudget::testing
