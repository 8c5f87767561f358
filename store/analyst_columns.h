// Derived columns that let an analyst compare documents without template
// knowledge: amounts in one money unit, and one key per unit name however it
// is spelled. Pure functions; see docs/database.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cnbudget::store {

// The amount `value` (an exact decimal string of the canonical model) printed
// in `money_unit` (元, 千元, 万元, 亿元), as a whole number of 分 (0.01 元).
// nullopt for a percentage, an unknown unit, an amount finer than 1 分 in
// that unit, or one beyond 64 bits: never a rounded figure.
std::optional<std::int64_t> ValueInFen(std::string_view value, std::string_view money_unit);

// A unit name reduced to a key shared by its usual spellings: white space and
// brackets' contents dropped ("（本级）" or "(本级)"),
// 人民政府 read as 政府, and a leading 中共 / 中国共产党 dropped with its
// committee shortened (中国共产党江苏省委员会办公厅 -> 江苏省委办公厅).
std::string UnitKey(std::string_view unit_name);

}  // namespace cnbudget::store
