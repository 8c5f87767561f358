// Renders a Layout as the line format of fixtures/docx/*.expected.txt (see
// tools/gen_docx_fixtures.py), so tests compare blocks and grids as text.
#pragma once

#include <string>
#include <vector>

#include "core/layout.h"

namespace cnbudget::testing {

std::vector<std::string> DumpBlocks(const Layout& layout);

// The lines of a text file, without line ends; empty when unreadable.
std::vector<std::string> ReadLines(const std::string& path);

}  // namespace cnbudget::testing
