// Properties every output must have, over many generated cells built from
// the pieces real cells are made of (digits, separators, CJK, marks, junk).
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "normalize/decimal.h"
#include "normalize/normalize.h"

namespace cnbudget {
namespace {

bool IsValidUtf8(const std::string& s) {
  // RE2 in UTF-8 mode matches "." against any valid code point only.
  static const RE2 kAnyText("(?s).*");
  return RE2::FullMatch(s, kAnyText) && s.find('\xFF') == std::string::npos &&
         s.find("\xED\xA0") == std::string::npos;
}

std::string RandomCell(std::mt19937* rng) {
  static const std::vector<std::string> kPieces = {
      "0", "1", "2", "5", "9", "007", ",", ".", "。", "，", "．", " ", "  ", "\n", "\t",
      "　", "%", "％", "(", ")", "（", "）", "-", "－", "−", "—", "/", "a", "O", "收", "入",
      "合", "计", "、", "《", "》", "１", "２", "\xFF", "\xE4\xB8", "\u200B", "\u00A0",
      "\u2ED4", "\u2F00", "e", "\u0301", "\uFEFF"};
  std::uniform_int_distribution<size_t> length(0, 8);
  std::uniform_int_distribution<size_t> pick(0, kPieces.size() - 1);
  std::string out;
  for (size_t n = length(*rng); n > 0; --n) out += kPieces[pick(*rng)];
  return out;
}

TEST(NormalizeProperties, HoldForGeneratedCells) {
  std::mt19937 rng(20240531);
  static const RE2 kCanonicalValue(R"(-?(0|[1-9]\d*)(\.\d+)?%?)");
  int values = 0;
  int ambiguous = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string raw = RandomCell(&rng);
    const NormalizedCell cell = NormalizeCell(raw);
    const std::string& t = cell.text;
    SCOPED_TRACE("raw: [" + raw + "] text: [" + t + "]");
    ASSERT_TRUE(IsValidUtf8(t));
    EXPECT_EQ(t.find('\n'), std::string::npos);
    EXPECT_EQ(t.find("  "), std::string::npos);
    if (!t.empty()) {
      EXPECT_NE(t.front(), ' ');
      EXPECT_NE(t.back(), ' ');
    }
    EXPECT_EQ(NormalizeText(NormalizeText(raw)), NormalizeText(raw));
    // Normalizing the normalized text again changes nothing.
    const NormalizedCell again = NormalizeCell(t);
    EXPECT_EQ(again.text, t);
    EXPECT_EQ(again.value, cell.value);
    ambiguous += cell.ambiguity.has_value() ? 1 : 0;
    if (cell.value) {
      ++values;
      EXPECT_FALSE(cell.ambiguity.has_value());
      EXPECT_TRUE(RE2::FullMatch(*cell.value, kCanonicalValue)) << *cell.value;
      std::string plain = *cell.value;
      if (!plain.empty() && plain.back() == '%') plain.pop_back();
      std::optional<Decimal> d = Decimal::Parse(plain);
      ASSERT_TRUE(d.has_value());
      EXPECT_EQ(d->ToString(), plain);
    }
  }
  // The generator must reach both the number and the ambiguity paths.
  EXPECT_GT(values, 500);
  EXPECT_GT(ambiguous, 500);
}

}  // namespace
}  // namespace cnbudget
