#include "extract/pdf/table_page.h"

#include <algorithm>

#include "extract/pdf/table_lattice.h"
#include "extract/pdf/table_pieces.h"
#include "extract/pdf/table_stream.h"

namespace cnbudget::pdf {

namespace {

// Strips white space and dashes (ASCII and the common CJK/Unicode ones).
std::string StripDecoration(const std::string& s) {
  static const char* kDrop[] = {" ", "\t", "-", "\xE2\x80\x94" /* — */, "\xE2\x80\x93" /* – */,
                                "\xEF\xBC\x8D" /* － */, "\xE3\x80\x80" /* U+3000 */};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool dropped = false;
    for (const char* d : kDrop) {
      size_t n = std::char_traits<char>::length(d);
      if (s.compare(i, n, d) == 0) {
        i += n;
        dropped = true;
        break;
      }
    }
    if (!dropped) out += s[i++];
  }
  return out;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

TextLine MakeTextLine(const VisualLine& line, int page) {
  TextLine t;
  t.text = LineText(line);
  t.page = page;
  t.bbox = line.box;
  t.font_size = line.font_size;
  t.bold = AllBold({line});
  return t;
}

bool IsContinuationNote(const std::string& text) {
  std::string t = StripDecoration(text);
  if (t.rfind("续表", 0) == 0) return true;
  return t.rfind("单位：", 0) == 0 || t.rfind("单位:", 0) == 0;
}

}  // namespace

bool IsPageNumberText(const std::string& text) {
  std::string t = StripDecoration(text);
  if (AllDigits(t)) return true;
  size_t slash = t.find('/');
  if (slash != std::string::npos && AllDigits(t.substr(0, slash)) && AllDigits(t.substr(slash + 1)))
    return true;
  static const std::string kDi = "\xE7\xAC\xAC";   // 第
  static const std::string kYe = "\xE9\xA1\xB5";   // 页
  static const std::string kGong = "\xE5\x85\xB1"; // 共
  if (t.rfind(kDi, 0) != 0) return false;
  size_t ye = t.find(kYe);
  if (ye == std::string::npos || !AllDigits(t.substr(kDi.size(), ye - kDi.size()))) return false;
  std::string rest = t.substr(ye + kYe.size());
  if (rest.empty()) return true;
  if (rest.rfind(kGong, 0) != 0) return false;
  size_t ye2 = rest.find(kYe, kGong.size());
  return ye2 != std::string::npos && ye2 + kYe.size() == rest.size() &&
         AllDigits(rest.substr(kGong.size(), ye2 - kGong.size()));
}

std::vector<PageItem> LayoutPage(const PageContent& page) {
  LatticeResult lattice = FindLatticeTables(page, PiecesFromRuns(page));
  StreamResult stream =
      FindStreamTables(page, std::move(lattice.free_pieces), lattice.free_rulings);
  std::vector<PageItem> items;
  for (PageTable& t : lattice.tables) {
    double top = t.box.y0;
    items.push_back(PageItem{std::move(t), top});
  }
  for (PageTable& t : stream.tables) {
    double top = t.box.y0;
    items.push_back(PageItem{std::move(t), top});
  }
  double height = page.height > 0 ? page.height : 842;
  for (const VisualLine& line : stream.free_lines) {
    TextLine t = MakeTextLine(line, page.number);
    bool in_margin = line.box.y1 < 0.1 * height || line.box.y0 > 0.88 * height;
    if (IsPageNumberText(t.text) && (in_margin || line.box.y0 > 0.75 * height)) continue;
    PageItem item{std::move(t), line.box.y0};
    item.continuation_note = IsContinuationNote(std::get<TextLine>(item.content).text);
    item.margin = in_margin && !IsCaptionLine(line) && !item.continuation_note;
    items.push_back(std::move(item));
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const PageItem& a, const PageItem& b) { return a.top < b.top; });
  return items;
}

}  // namespace cnbudget::pdf
