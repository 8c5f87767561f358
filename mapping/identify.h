// Table identification: which standard template (spec section 1) a table is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/layout.h"

namespace cnbudget::mapping {

// The standard id for a printed title, or nullopt. `title` is squashed text
// (see text_match.h); prefixes (表N, unit name, year) may be present, since
// matching goes by the template's key phrases ("收支总体", "三公", "决算" ...).
// A title must end with 表 (a trailing "(续)" or "(20xx年)" is allowed), so a
// narrative sentence that mentions a table is not a title.
std::optional<std::string> StandardForTitle(std::string_view title);

// True when squashed text reads like a table title: ends with 表 (allowing a
// trailing "(续)"/"(续表)"/"(20xx年度)"), short, and no sentence punctuation.
bool LooksLikeTitle(std::string_view squashed);

// The standard id guessed from a table's header texts (its first rows) when
// the title is missing or unknown; nullopt when the header is not distinctive.
// Budget templates are assumed unless `final_accounts` is set.
std::optional<std::string> StandardForHeader(const RawTable& t, bool final_accounts);

inline bool IsPerformance(const std::optional<std::string>& standard) {
  return standard && standard->rfind("performance.", 0) == 0;
}

}  // namespace cnbudget::mapping
