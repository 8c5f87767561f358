#include "mapping/captions.h"

#include <re2/re2.h>

#include <map>

#include "mapping/identify.h"
#include "mapping/text_match.h"

namespace cnbudget::mapping {
namespace {

// How far above a table the caption may start (non-blank lines).
constexpr int kMaxCaptionLines = 8;

const RE2& CompilerRe() {
  // 编制单位：X / 编制部门：X / 编制部（单位）：X / 编制部门（单位）：X / 填报单位：X,
  // optionally followed on the same line by "单位：万元".
  static const RE2 re(
      R"(^(?:(?:编制|填报)(?:单位|部门|部|机关)(?:\((?:单位|部门)\))?(?:\(盖章\))?[:：]?|(?:部门|单位|预算单位|部门|单位)名称[:：]|部门[:：])(.*?)(?:(?:金额)?单位[:：].*)?$)");
  return re;
}

bool IsNoise(std::string_view s) {
  // Page numbers and running page marks between a caption and its table.
  static const RE2 re(R"(^(?:-?\d{1,4}-?|第\d+页(?:共\d+页)?|\d+/\d+)$)");
  return RE2::FullMatch(s, re);
}

// "(2023)", "（2023年度）", "2023年": the period a table covers, printed on
// a line of its own between the title and the table.
bool IsYearLine(std::string_view s) {
  static const RE2 re(R"(^\(?(?:19|20)\d\d(?:年度?)?\)?$)");
  return RE2::FullMatch(s, re);
}

bool IsContinuationMark(std::string_view s) {
  static const RE2 re(R"(^[(]?续表?\d*[)]?$|^续表.{0,3}$)");
  return RE2::FullMatch(s, re);
}

// A heading such as "第二部分…", "（四）预算绩效情况", "三、…说明", "附件1".
bool IsHeading(std::string_view s) {
  static const RE2 re(R"(^(?:第.{1,3}部分|\(?[一二三四五六七八九十]+[)、.]|\d+[.、]|附件|目录))");
  return RE2::PartialMatch(s, re);
}

bool IsSentence(std::string_view s) {
  return Has(s, "。") || Has(s, "，") || Has(s, "；") || Has(s, ";") || EndsWith(s, ":") ||
         CodePoints(s) > 40;
}

// "说明：本表反映…" / "注：…": a note printed between a caption and its table.
bool IsNoteStart(std::string_view s) {
  static const RE2 re(R"(^(?:说明|注|备注)\d?[:：])");
  return RE2::PartialMatch(s, re);
}

// The number of lines, counted up from the table, that form such a note (its
// first line starts with 说明/注, the rest are its sentences); 0 when the
// lines right above the table are not a note.
std::size_t NoteLinesAbove(const std::vector<std::string>& lines_above) {
  constexpr std::size_t kMaxNoteLines = 4;
  std::size_t n = 0;
  for (auto it = lines_above.rbegin(); it != lines_above.rend() && n < kMaxNoteLines; ++it) {
    std::string s = Squash(*it);
    if (s.empty()) continue;
    ++n;
    if (IsNoteStart(s)) return n;
    if (!IsSentence(s)) return 0;
  }
  return 0;
}

// "2020年全市一般公共预算执行情况表(单位:亿元)": a unit printed inside the
// title line. Returns the unit and leaves the title.
std::optional<std::string> StripUnitFromTitle(std::string* s) {
  static const RE2 re(R"(^(.+表)\(?(?:金额)?单位[:：](万元|千元|亿元|元)\)?$)");
  std::string title, unit;
  if (!RE2::FullMatch(*s, re, &title, &unit)) return std::nullopt;
  *s = title;
  return unit;
}

// Rotated pages glue the running page number ("— 128 —") to the title that
// follows it: "1282022年…表" -> "2022年…表".
void StripPageNumberBeforeYear(std::string* s) {
  static const RE2 re(R"(^[—–-]*\d{1,4}[—–-]*((?:19|20)\d\d年.*)$)");
  std::string after_page;
  if (RE2::FullMatch(*s, re, &after_page)) *s = after_page;
}

// "表1"、"表 1-2"、"附表3："、"表一"、"公开01表"、"1.收支总体情况表"? (the last is
// a heading, not matched). On success sets *number and *rest (the title part
// that follows on the same line, possibly empty).
bool ParseNumberLine(std::string_view s, int* number, std::string* rest) {
  static const RE2 kTableN(R"(^附?表([0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:[-—–－.][0-9]{1,2})?[.、:：]?(.*)$)");
  static const RE2 kPublicN(R"(^.{0,12}?(?:公开|预算|决算)([0-9]{1,3})(?:-[0-9]{1,2})?表[.、:：]?(.*)$)");
  static const RE2 kPublicTableN(
      R"(^(?:公开|预算|决算)表([0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:-[0-9]{1,2})?[.、:：]?(.*)$)");
  // Rotated pages put the running page number ("— 128 —") into the same
  // text line as the 附表 label and the title: "—附表八1282022年…表".
  static const RE2 kLeadingDashes(R"(^[—–-]+)");
  static const RE2 kOnlyPageNumber(R"(^[—–-]*\d{1,4}[—–-]*$)");
  std::string line(s);
  RE2::Replace(&line, kLeadingDashes, "");
  s = line;
  std::string num;
  if (RE2::FullMatch(s, kTableN, &num, rest) || RE2::FullMatch(s, kPublicN, &num, rest) ||
      RE2::FullMatch(s, kPublicTableN, &num, rest)) {
    std::optional<int> n = ParseSmallNumber(num);
    if (!n) return false;
    StripPageNumberBeforeYear(rest);
    if (RE2::FullMatch(*rest, kOnlyPageNumber)) rest->clear();
    // "表格…" or a sentence starting with 表 is not a number line; the
    // title after the number may be wrapped ("公开09表：…培训费" / "支出预算表").
    if (!rest->empty() && !LooksLikeTitle(*rest) && (IsSentence(*rest) || CodePoints(*rest) > 40))
      return false;
    *number = *n;
    return true;
  }
  return false;
}

// Drops a trailing continuation mark ("(续)", "(续表)", "续表"); true if
// there was one.
bool StripContinuation(std::string* s) {
  static const RE2 re(R"((?:\(续表?\)|续表?)$)");
  return RE2::Replace(s, re, "");
}

// Drops an enumeration prefix: "一、部门收支总体情况表" -> "部门收支总体情况表".
std::string StripEnumeration(std::string s) {
  static const RE2 re(R"(^(?:\(?[一二三四五六七八九十]+[)、.]|\d+[.、]))");
  RE2::Replace(&s, re, "");
  return s;
}

// True when `fragment`, printed right above the title line `bottom`, is the
// first part of a wrapped title. A plain short line joins when it does not
// change what the title identifies ("昌吉州政府办公室" + "收支总体情况表"); a
// heading-like or longer line joins only when the bottom line alone names
// nothing and the joined text does ("十一、一般公共预算“三公”经费…支出预" +
// "算表"). A note such as "(无政府性基金支出)" above another title changes
// its meaning and stays out.
bool JoinsTitle(std::string_view fragment, const std::string& bottom) {
  if (IsSentence(fragment) || CodePoints(fragment) > 40) return false;
  std::optional<std::string> alone = StandardForTitle(bottom);
  std::optional<std::string> joined = StandardForTitle(StripEnumeration(std::string(fragment)) + bottom);
  if (!alone && joined) return true;
  if (IsHeading(fragment) || Has(fragment, ":") || CodePoints(fragment) > 30) return false;
  return !alone || joined == alone;
}

}  // namespace

bool IsPageNoise(std::string_view squashed) { return IsNoise(squashed); }

std::optional<std::string> CompilerOfLine(std::string_view s) {
  std::string who;
  if (!RE2::FullMatch(s, CompilerRe(), &who)) return std::nullopt;
  // "单位：万元" names the currency unit, not the compiler.
  if (who.empty() || who == "万元" || who == "元" || who == "千元" || who == "亿元") return std::nullopt;
  return who;
}

std::optional<std::string> UnitOfLine(std::string_view s) {
  static const RE2 re(R"((?:^|[^制报])单位[:：](万元|千元|亿元|元))");
  std::string u;
  if (RE2::PartialMatch(s, re, &u)) return u;
  return std::nullopt;
}

Caption ReadCaption(const std::vector<std::string>& lines_above) {
  Caption cap;
  std::vector<std::string> title_parts;  // nearest first
  bool title_closed = false;             // no more lines may join the title
  bool list_of_titles = false;
  int seen = 0;
  std::size_t note_lines = NoteLinesAbove(lines_above);
  for (auto it = lines_above.rbegin(); it != lines_above.rend() && seen < kMaxCaptionLines; ++it) {
    std::string s = Squash(*it);
    if (s.empty()) continue;
    StripPageNumberBeforeYear(&s);
    if (std::optional<std::string> unit = StripUnitFromTitle(&s); unit && !cap.unit) cap.unit = unit;
    if (note_lines > 0) {
      --note_lines;
      continue;
    }
    if (IsNoise(s) || IsYearLine(s)) continue;
    ++seen;
    if (IsContinuationMark(s)) {
      cap.continued = true;
      continue;
    }
    // 编制单位 / 单位 lines usually sit under the title, sometimes above it
    // ("表1" / "编制单位：X" / title); either way they end a wrapped title.
    if (auto who = CompilerOfLine(s)) {
      if (cap.compiler) break;  // a second one belongs to something else
      cap.compiler = who;
      if (!cap.unit) cap.unit = UnitOfLine(s);
      if (!title_parts.empty()) title_closed = true;
      continue;
    }
    if (auto u = UnitOfLine(s); u && CodePoints(s) <= 20) {
      if (!cap.unit) cap.unit = u;
      if (!title_parts.empty()) title_closed = true;
      continue;
    }
    int number = 0;
    std::string rest;
    if (ParseNumberLine(s, &number, &rest)) {
      if (cap.number) break;  // the number of something above
      cap.number = number;
      if (StripContinuation(&rest)) cap.continued = true;  // "表1（续）"
      if (!rest.empty()) {
        if (title_parts.empty() && LooksLikeTitle(rest)) title_parts.push_back(rest);
        else if (title_parts.size() == 1 && !LooksLikeTitle(rest))
          title_parts.push_back(rest);  // "公开09表：…培训费" over "支出预算表"
      }
      // 表N starts the caption, except where the template prints its number
      // under the title ("部门收支总表" / "公开01表"): then the title may sit
      // right above.
      if (!title_parts.empty()) break;
      title_closed = true;
      continue;
    }
    if (LooksLikeTitle(s) && !EndsWith(s, "空表")) {
      if (!title_parts.empty()) {
        // Another title: the previous caption, or a list of titles (a table
        // of contents) when it names a standard table too and nothing else
        // (表N, 编制单位, 单位) makes the nearest one a caption.
        list_of_titles = !cap.number && !cap.compiler && !cap.unit && StandardForTitle(s);
        break;
      }
      if (StripContinuation(&s)) cap.continued = true;  // "部门收支总体情况表（续）"
      title_parts.push_back(StripEnumeration(s));
      continue;
    }
    // A title wrapped over two lines: a fragment right above it.
    if (title_parts.size() == 1 && !title_closed && JoinsTitle(s, title_parts[0])) {
      title_parts.push_back(StripEnumeration(s));
      title_closed = true;
      continue;
    }
    break;  // narrative text: the caption ends here
  }
  if (!title_parts.empty() && !list_of_titles) {
    std::string t;
    for (auto it = title_parts.rbegin(); it != title_parts.rend(); ++it) t += *it;
    cap.title = t;
  }
  return cap;
}

Caption ReadCaptionAcrossHeaderLines(const std::vector<std::string>& lines_above) {
  Caption cap = ReadCaption(lines_above);
  if (cap.number || cap.title || cap.compiler || cap.unit) return cap;
  static const RE2 kAmount(R"(\d\.\d\d)");
  int seen = 0;
  for (size_t k = lines_above.size(); k-- > 0 && seen < 30;) {
    std::string s = Squash(lines_above[k]);
    if (s.empty()) continue;
    ++seen;
    if (CompilerOfLine(s) || (UnitOfLine(s) && CodePoints(s) <= 20)) {
      return ReadCaption(std::vector<std::string>(lines_above.begin(), lines_above.begin() + k + 1));
    }
    if (Has(s, "。") || Has(s, "，") || RE2::PartialMatch(s, kAmount)) break;
  }
  return cap;
}

Caption ReadCaptionRows(const RawTable& t, int* rows_used) {
  Caption cap;
  *rows_used = 0;
  std::map<int, std::vector<const RawCell*>> rows;
  for (const RawCell& c : t.cells)
    if (c.r < 4) rows[c.r].push_back(&c);
  for (int r = 0; r < 4; ++r) {
    auto it = rows.find(r);
    if (it == rows.end()) break;
    bool caption_row = true;
    bool any = false;
    std::string rest;
    for (const RawCell* c : it->second) {
      std::string s = Squash(c->raw);
      if (s.empty()) continue;
      any = true;
      if (auto who = CompilerOfLine(s)) {
        cap.compiler = who;
        if (auto u = UnitOfLine(s)) cap.unit = u;
      } else if (auto u = UnitOfLine(s); u && CodePoints(s) <= 20) {
        cap.unit = u;
      } else if (IsYearLine(s)) {
        // "(2023年度)" under a title
      } else if (int number = 0; r <= 1 && !cap.number && ParseNumberLine(s, &number, &rest)) {
        cap.number = number;  // "表1" or "表1 部门收支总表" in a cell
        if (!rest.empty() && LooksLikeTitle(rest)) cap.title = rest;
      } else if (r <= 1 && !cap.title && LooksLikeTitle(s)) {
        cap.title = StripEnumeration(s);
      } else {
        caption_row = false;
      }
    }
    if (!any || !caption_row) break;
    *rows_used = r + 1;
  }
  return cap;
}

}  // namespace cnbudget::mapping
