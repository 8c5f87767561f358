#include "mapping/metadata.h"

#include <re2/re2.h>

#include <cstdio>
#include <map>

#include "mapping/government.h"
#include "mapping/text_match.h"

namespace cnbudget::mapping {
namespace {

// How many non-blank lines at the start of a document form its cover.
constexpr int kCoverLines = 8;

std::optional<std::string> DateOfLine(const std::string& s) {
  static const RE2 re(R"(^(\d{4})年(\d{1,2})月(\d{1,2})日$)");
  int y = 0, m = 0, d = 0;
  if (!RE2::FullMatch(s, re, &y, &m, &d)) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

// The cover's title: the first line naming the document kind (预算/决算),
// with up to three short lines right above it, a name wrapped over lines
// ("昌吉州政府办公室" + "2023年部门预算公开", "2018年度江苏省高级" + "人民法院预算公开").
bool CoverTitle(const std::vector<std::string>& squashed, std::string* title, size_t* kind_line) {
  int n = 0;
  std::vector<std::string> before;  // short lines right above, a name wrapped over lines
  for (size_t i = 0; i < squashed.size(); ++i) {
    const std::string& s = squashed[i];
    if (s.empty()) continue;
    if (++n > kCoverLines) break;
    if (Has(s, "目录")) break;  // the cover is over; the contents list part titles
    static const RE2 kHeading(R"(^(?:第.{1,3}部分|\(?[一二三四五六七八九十]+[)、.]|\d+[.、]))");
    // A note under a table ("说明:本表反映部门本年度一般公共预算…", wrapped
    // before its first comma) names the kind but is no title.
    bool note = StartsWith(s, "说明") || StartsWith(s, "注:") || Has(s, "本表");
    bool sentence = Has(s, "。") || Has(s, "，") || CodePoints(s) > 40 || note ||
                    RE2::PartialMatch(s, kHeading);
    // A table title ("收支预算总表") or a 表N line is no cover title.
    bool table_line = EndsWith(s, "表") || StartsWith(s, "表");
    if (!sentence && !table_line && (Has(s, "预算") || Has(s, "决算"))) {
      *title = s;
      *kind_line = i;
      if (StartsWith(s, "关于")) {
        // A report title ("关于X市2022年预算执行情况" / "和2023年预算草案的报告")
        // goes on to its 报告; the lines above it are a session's file number.
        for (size_t j = i + 1; j < squashed.size() && j <= i + 2 && !Has(*title, "报告"); ++j)
          if (CodePoints(squashed[j]) <= 40) *title += squashed[j];
        return true;
      }
      for (auto it = before.rbegin(); it != before.rend(); ++it) *title = *it + *title;
      return true;
    }
    bool short_line = !sentence && CodePoints(s) <= 20 && !Has(s, ":") && !StartsWith(s, "附件") &&
                      !DateOfLine(s);
    if (!short_line) before.clear();
    else before.push_back(s);
    if (before.size() > 3) before.erase(before.begin());
  }
  return false;
}

// "预算主管部门：X", "单位名称：X" printed under the cover title.
std::optional<std::string> NamedUnit(const std::string& s) {
  static const RE2 re(R"(^(?:预算主管部门|主管部门|部门名称|单位名称|预算单位|部门)[:：](.{2,30}?)(?:(?:金额)?单位[:：].*)?$)");
  std::string unit;
  if (RE2::FullMatch(s, re, &unit)) return unit;
  return std::nullopt;
}

std::optional<std::string> UnitFromTitle(const std::string& title) {
  static const RE2 kKind(R"((?:部门|单位)?(?:预算|决算))");
  // Any run of digits before 年: an OCR'd "2026年" may gain a digit.
  static const RE2 kYear(R"(\d+年度?)");
  static const RE2 kEdge(R"(^[-—·:：\s]+|[-—·:：\s]+$)");
  re2::StringPiece in(title);
  re2::StringPiece m;
  if (!kKind.Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1)) return std::nullopt;
  std::string unit(title.substr(0, m.data() - title.data()));
  RE2::GlobalReplace(&unit, kYear, "");
  RE2::GlobalReplace(&unit, kEdge, "");
  if (unit.empty() || CodePoints(unit) > 30 || Has(unit, "部分") || Has(unit, "目录")) return std::nullopt;
  return unit;
}


// Fallback for documents without a cover: the part headings name the unit
// ("第一部分 昌吉州政府办公室概况") and the year and kind ("第二部分 2023年
// 昌吉州政府办公室预算公开表").
void ReadHeadings(const std::vector<std::string>& squashed, model::DocumentMeta* meta) {
  static const RE2 kOverview(R"(^第.{1,3}部分(?:\d{4}年度?)?(.+?)(?:单位|部门)?概况$)");
  static const RE2 kYearKind(R"(^第.{1,3}部分.*?(\d{4})年度?.*?(预算|决算))");
  for (const std::string& s : squashed) {
    if (CodePoints(s) > 60) continue;
    std::string unit, kind;
    int year = 0;
    if (!meta->unit && RE2::FullMatch(s, kOverview, &unit) && CodePoints(unit) >= 2 &&
        CodePoints(unit) <= 30 && !Has(unit, "部门") && !Has(unit, "单位"))
      meta->unit = unit;
    if (!meta->year && RE2::PartialMatch(s, kYearKind, &year, &kind) && year >= 1990 && year <= 2100) {
      meta->year = year;
      if (!meta->kind) meta->kind = kind == "决算" ? "final" : "budget";
    }
    if (meta->unit && meta->year) return;
  }
}

}  // namespace

model::DocumentMeta ReadDocumentMeta(const std::vector<std::string>& lines) {
  model::DocumentMeta meta;
  std::vector<std::string> sq;
  sq.reserve(lines.size());
  for (const std::string& l : lines) sq.push_back(Squash(l));

  std::string title;
  size_t kind_line = 0;
  if (CoverTitle(sq, &title, &kind_line) && IsGovernmentReportTitle(title)) {
    meta.family = "government";
    meta.unit = GovernmentOfTitle(title);
    meta.year = ReportYear(title);
    size_t b = title.find("预算"), f = title.find("决算");
    meta.kind = f < b ? "final" : "budget";
  } else if (!title.empty()) {
    if (Has(title, "单位预算") || Has(title, "单位决算")) meta.scope = "unit";
    else if (Has(title, "部门")) meta.scope = "department";
    if (meta.scope) meta.family = "department";
    meta.unit = UnitFromTitle(title);
    for (size_t i = kind_line + 1, seen = 0; i < sq.size() && seen < 3; ++i) {
      if (sq[i].empty()) continue;
      ++seen;
      if (auto named = NamedUnit(sq[i])) {
        meta.unit = named;
        break;
      }
    }
    static const RE2 kYear(R"((\d{4})年)");
    int year = 0;
    if (RE2::PartialMatch(title, kYear, &year) && year >= 1990 && year <= 2100) meta.year = year;
    size_t b = title.find("预算"), f = title.find("决算");
    meta.kind = f < b ? "final" : "budget";
  }

  if (meta.family == "government" && !meta.unit) {
    for (size_t i = 0; i < sq.size() && i < kCoverLines && !meta.unit; ++i)
      meta.unit = GovernmentOfCoverLine(sq[i]);
  }
  if (!meta.unit || !meta.year) ReadHeadings(sq, &meta);

  int n = 0;
  for (const std::string& s : sq) {
    if (s.empty()) continue;
    if (++n > kCoverLines) break;
    if (auto d = DateOfLine(s)) {
      meta.published = d;
      break;
    }
  }
  if (!meta.published) {
    for (auto it = sq.rbegin(); it != sq.rend(); ++it)
      if (auto d = DateOfLine(*it)) {
        meta.published = d;
        break;
      }
  }
  return meta;
}

namespace {

std::optional<std::string> MostCommon(const std::map<std::string, int>& count) {
  std::optional<std::string> best;
  int best_n = 0;
  for (const auto& [u, k] : count)
    if (k > best_n) best = u, best_n = k;
  return best;
}

}  // namespace

std::optional<int> MostCommonTitleYear(const std::vector<model::Table>& tables) {
  static const RE2 kYear(R"((\d{4})年)");
  std::map<int, int> count;
  for (const model::Table& t : tables) {
    int year = 0;
    if (t.title && RE2::PartialMatch(*t.title, kYear, &year) && year >= 1990 && year <= 2100) ++count[year];
  }
  std::optional<int> best;
  int best_n = 0;
  bool tie = false;
  for (const auto& [year, n] : count) {
    if (n == best_n) tie = true;
    if (n > best_n) best = year, best_n = n, tie = false;
  }
  return tie ? std::nullopt : best;
}

std::optional<std::string> MostCommonCompiler(const std::vector<model::Table>& tables) {
  std::map<std::string, int> count;
  for (const model::Table& t : tables)
    if (t.compiler) ++count[*t.compiler];
  return MostCommon(count);
}

std::optional<std::string> MostCommonUnit(const std::vector<model::Table>& tables) {
  std::map<std::string, int> count;
  for (const model::Table& t : tables)
    if (t.unit) ++count[*t.unit];
  return MostCommon(count);
}

std::optional<std::string> MostCommonAmountUnit(const std::vector<std::string>& lines) {
  static const RE2 kAmount(R"(\d(?:[.,，]?\d)*\s*(亿元|万元|千元|元))");
  std::map<std::string, int> counts;
  for (const std::string& line : lines) {
    re2::StringPiece in(line);
    std::string unit;
    while (RE2::FindAndConsume(&in, kAmount, &unit)) ++counts[unit];
  }
  std::optional<std::string> best;
  int best_count = 0;
  for (const auto& [unit, count] : counts)
    if (count > best_count) {
      best = unit;
      best_count = count;
    }
  return best;
}

}  // namespace cnbudget::mapping
