// CJK Radicals Supplement (U+2E80-U+2EFF) -> unified ideograph.
//
// NFKC maps the Kangxi radicals (U+2F00-U+2FD5) but not this block, yet PDF
// producers whose fonts map glyphs to radical code points emit "⻔" for "门",
// "⻓" for "长", and so on. The table follows Unicode's
// EquivalentUnifiedIdeograph data for the radicals that have one.
#pragma once

namespace cnbudget::internal {

// The unified ideograph a radical-supplement code point stands for, or 0 when
// `cp` is outside the block or has no equivalent.
char32_t RadicalToIdeograph(char32_t cp);

}  // namespace cnbudget::internal
