// Test helper: rebuilds a Layout from a dev-corpus truth file, the way an
// extractor would print it (cover lines, then per table 表N / title /
// 编制单位 / 单位 lines and the grid with raw = text).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/layout.h"

namespace cnbudget::testing {

Layout LayoutFromTruth(const nlohmann::json& truth);

}  // namespace cnbudget::testing
