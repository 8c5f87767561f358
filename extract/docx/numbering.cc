#include "extract/docx/numbering.h"

#include <cstdlib>

#include "extract/docx/ooxml.h"

namespace cnbudget::docx {
namespace {

int IntAttr(const xmlNode* node, const char* name, int fallback) {
  if (node == nullptr) return fallback;
  const std::string s = WAttr(node, name).value_or("");
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v < -100000 || v > 100000) return fallback;
  return static_cast<int>(v);
}

std::string ValOf(const xmlNode* node, const char* child, const std::string& fallback) {
  const xmlNode* c = WChild(node, child);
  return c == nullptr ? fallback : WAttr(c, "val").value_or(fallback);
}

const char* const kChineseDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// 1..9999 in Chinese counting: 十一, 二十, 一百零五.
std::string ChineseCounting(int n) {
  if (n <= 0 || n > 9999) return std::to_string(n);
  if (n < 10) return kChineseDigits[n];
  if (n < 20) return std::string("十") + (n % 10 ? kChineseDigits[n % 10] : "");
  static const char* const kUnits[] = {"千", "百", "十", ""};
  const int digits[] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
  std::string out;
  bool pending_zero = false;
  for (int i = 0; i < 4; ++i) {
    if (digits[i] == 0) {
      pending_zero = !out.empty();
      continue;
    }
    if (pending_zero) out += "零";
    pending_zero = false;
    out += kChineseDigits[digits[i]];
    out += kUnits[i];
  }
  return out;
}

std::string Letters(int n, char first) {
  if (n <= 0) return std::to_string(n);
  // Word repeats the letter: a..z, aa..zz, aaa...
  return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), static_cast<char>(first + (n - 1) % 26));
}

std::string Roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> kParts[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
      {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
  std::string out;
  for (const auto& [value, text] : kParts)
    for (; n >= value; n -= value) out += text;
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace

std::string FormatCounter(int n, const std::string& format) {
  if (format == "chineseCounting" || format == "chineseCountingThousand" ||
      format == "ideographDigital" || format == "chineseLegalSimplified" ||
      format == "japaneseCounting" || format == "taiwaneseCounting" ||
      format == "taiwaneseCountingThousand")
    return ChineseCounting(n);
  if (format == "ideographTraditional" && n >= 1 && n <= 10) {
    static const char* const kStems[] = {"甲", "乙", "丙", "丁", "戊",
                                         "己", "庚", "辛", "壬", "癸"};
    return kStems[n - 1];
  }
  if ((format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese") &&
      n >= 1 && n <= 20) {
    std::string out;
    AppendUtf8(static_cast<char32_t>(0x2460 + n - 1), &out);  // ① ...
    return out;
  }
  if (format == "decimalFullWidth" || format == "decimalFullWidth2") {
    std::string out;
    for (char c : std::to_string(n)) AppendUtf8(static_cast<char32_t>(0xFF10 + (c - '0')), &out);
    return out;
  }
  if (format == "decimalZero") return (n >= 0 && n < 10 ? "0" : "") + std::to_string(n);
  if (format == "upperLetter") return Letters(n, 'A');
  if (format == "lowerLetter") return Letters(n, 'a');
  if (format == "upperRoman") return Roman(n, true);
  if (format == "lowerRoman") return Roman(n, false);
  return std::to_string(n);
}

void Numbering::Load(const xmlNode* root) {
  if (root == nullptr) return;
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (IsW(c, "abstractNum")) {
      List list;
      for (const xmlNode* lvl = c->children; lvl != nullptr; lvl = lvl->next) {
        const int ilvl = IsW(lvl, "lvl") ? IntAttr(lvl, "ilvl", -1) : -1;
        if (ilvl < 0 || ilvl >= kLevels) continue;
        Level& level = list.levels[ilvl];
        level.start = IntAttr(WChild(lvl, "start"), "val", 1);
        level.format = ValOf(lvl, "numFmt", "decimal");
        level.text = ValOf(lvl, "lvlText", "");
        level.suffix = ValOf(lvl, "suff", "tab") == "nothing" ? "" : " ";
      }
      lists_[IntAttr(c, "abstractNumId", -1)] = list;
    } else if (IsW(c, "num")) {
      Instance instance;
      instance.abstract_id = IntAttr(WChild(c, "abstractNumId"), "val", -1);
      for (const xmlNode* o = c->children; o != nullptr; o = o->next) {
        const int ilvl = IsW(o, "lvlOverride") ? IntAttr(o, "ilvl", -1) : -1;
        if (ilvl < 0 || ilvl >= kLevels) continue;
        if (const xmlNode* start = WChild(o, "startOverride"))
          instance.start_overrides[ilvl] = IntAttr(start, "val", 1);
      }
      instances_[IntAttr(c, "numId", -1)] = instance;
    }
  }
}

std::string Numbering::Next(int num_id, int level) {
  const auto inst = instances_.find(num_id);
  if (inst == instances_.end() || level < 0 || level >= kLevels) return "";
  const auto list = lists_.find(inst->second.abstract_id);
  if (list == lists_.end()) return "";
  Instance& in = inst->second;
  const auto start_of = [&](int l) {
    const auto o = in.start_overrides.find(l);
    return o != in.start_overrides.end() ? o->second : list->second.levels[l].start;
  };
  in.counters[level] = in.counters[level] == 0 ? start_of(level) : in.counters[level] + 1;
  for (int deeper = level + 1; deeper < kLevels; ++deeper) in.counters[deeper] = 0;

  const Level& lvl = list->second.levels[level];
  if (lvl.format == "bullet" || lvl.format == "none" || lvl.text.empty()) return "";
  std::string label;
  for (std::size_t i = 0; i < lvl.text.size(); ++i) {
    const char c = lvl.text[i];
    if (c == '%' && i + 1 < lvl.text.size() && lvl.text[i + 1] >= '1' && lvl.text[i + 1] <= '9') {
      const int l = lvl.text[i + 1] - '1';
      const int value = in.counters[l] == 0 ? start_of(l) : in.counters[l];
      label += FormatCounter(value, list->second.levels[l].format);
      ++i;
    } else {
      label += c;
    }
  }
  return label + lvl.suffix;
}

}  // namespace cnbudget::docx
