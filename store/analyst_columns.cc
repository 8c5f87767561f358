#include "store/analyst_columns.h"

#include <re2/re2.h>

#include <limits>

namespace cnbudget::store {
namespace {

// 10^k for the digits a unit shifts an amount by, counted in 分.
std::optional<int> FenExponent(std::string_view unit) {
  if (unit == "元") return 2;
  if (unit == "千元") return 5;
  if (unit == "万元") return 6;
  if (unit == "亿元") return 10;
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> ValueInFen(std::string_view value, std::string_view money_unit) {
  std::optional<int> exponent = FenExponent(money_unit);
  if (!exponent || value.empty() || value.back() == '%') return std::nullopt;
  bool negative = value.front() == '-';
  if (negative) value.remove_prefix(1);
  const size_t point = value.find('.');
  std::string digits(value.substr(0, point));
  std::string fraction = point == std::string_view::npos ? "" : std::string(value.substr(point + 1));
  // Fraction digits beyond the exponent must be zeros: an exact figure only.
  while (static_cast<int>(fraction.size()) > *exponent) {
    if (fraction.back() != '0') return std::nullopt;
    fraction.pop_back();
  }
  digits += fraction + std::string(*exponent - fraction.size(), '0');
  std::int64_t fen = 0;
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  for (char ch : digits) {
    if (ch < '0' || ch > '9') return std::nullopt;
    if (fen > (kMax - (ch - '0')) / 10) return std::nullopt;
    fen = fen * 10 + (ch - '0');
  }
  return negative ? -fen : fen;
}

std::string UnitKey(std::string_view unit_name) {
  std::string key(unit_name);
  static const RE2 kFullWidthOpen("（"), kFullWidthClose("）");
  RE2::GlobalReplace(&key, kFullWidthOpen, "(");
  RE2::GlobalReplace(&key, kFullWidthClose, ")");
  static const RE2 kBracketed(R"(\([^()]*\))");
  static const RE2 kBlank(R"(\s+|　)");
  static const RE2 kPeoplesGovernment("人民政府");
  RE2::GlobalReplace(&key, kBracketed, "");
  RE2::GlobalReplace(&key, kBlank, "");
  RE2::GlobalReplace(&key, kPeoplesGovernment, "政府");
  // A party committee's office is printed as 中国共产党江苏省委员会办公厅,
  // 中共江苏省委办公厅 or plainly 江苏省委办公厅: the prefix is dropped and the
  // committee shortened to 委. Only after the prefix, because 政协江苏省委员会
  // is another body.
  static const RE2 kParty("^(?:中国共产党|中共)");
  if (RE2::Replace(&key, kParty, "")) {
    static const RE2 kCommittee("^(.*?[省市区县州盟旗])委员会");
    RE2::Replace(&key, kCommittee, "\\1委");
  }
  return key;
}

}  // namespace cnbudget::store
