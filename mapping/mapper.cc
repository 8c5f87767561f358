// Mapper: Layout -> canonical model. See mapper.h.
//
// One pass collects the tables with the caption lines printed above each;
// tables a producer split in two are merged back; each table is then
// identified (title, then a title row inside the table, then its header
// texts), its header rows counted, its cells normalized, and its records
// built. Document metadata comes from the text lines.
#include "mapping/mapper.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "mapping/captions.h"
#include "mapping/checks.h"
#include "mapping/government.h"
#include "mapping/header.h"
#include "mapping/identify.h"
#include "mapping/metadata.h"
#include "mapping/records.h"
#include "mapping/text_match.h"
#include "normalize/decimal.h"
#include "normalize/normalize.h"

namespace cnbudget {
namespace {

using mapping::Caption;

// A footnote under a table is a few lines; more is running text.
constexpr int kMaxFootnoteLines = 4;

// A table on its way to the model: the (possibly merged) grid and what the
// text around it says.
struct TableDraft {
  RawTable raw;
  Caption caption;        // from the lines above, completed by caption rows
  int caption_rows = 0;   // leading rows that hold a caption inside the table
  std::optional<std::string> standard;
  std::optional<std::string> stage;
  std::optional<std::string> coverage;
  int header_rows = 0;
};

// Squashed texts of the rows [0, rows) of a table, keyed by grid position.
std::map<std::pair<int, int>, std::string> TopTexts(const RawTable& t, int rows) {
  std::map<std::pair<int, int>, std::string> out;
  for (const RawCell& c : t.cells) {
    if (c.r >= rows) continue;
    std::string s = mapping::Squash(c.raw);
    if (!s.empty()) out[{c.r, c.c}] = s;
  }
  return out;
}

// True when `next` repeats the header rows of `prev` at its top.
bool RepeatsHeader(const TableDraft& prev, const RawTable& next) {
  int h = prev.header_rows - prev.caption_rows;
  if (h <= 0 || next.n_rows <= h) return false;
  auto a = TopTexts(prev.raw, prev.header_rows);
  std::map<std::pair<int, int>, std::string> a_shifted;
  for (auto& [pos, s] : a)
    if (pos.first >= prev.caption_rows) a_shifted[{pos.first - prev.caption_rows, pos.second}] = s;
  return !a_shifted.empty() && a_shifted == TopTexts(next, h);
}

// Appends the rows of `next` (after its first `skip` rows) to `into`.
void AppendRows(RawTable& into, const RawTable& next, int skip) {
  int offset = into.n_rows - skip;
  for (const RawCell& c : next.cells) {
    if (c.r < skip) continue;
    RawCell moved = c;
    moved.r += offset;
    into.cells.push_back(std::move(moved));
  }
  into.n_rows += next.n_rows - skip;
  if (next.last_page > 0) into.last_page = next.last_page;
  if (into.first_page == 0) into.first_page = next.first_page;
}

// What the text lines between two tables say about their boundary.
struct Between {
  bool lines = false;  // any line other than page numbers and running lines
  // Every such line sits on the previous table's last page, below it (a
  // footnote before the page break), and `next` opens its own page.
  bool only_footnotes_before_page_break = true;
};

// The left and right edge of each column, from the cells of one column
// (PDF bboxes); columns without such a cell are absent.
std::map<int, std::pair<double, double>> ColumnEdges(const RawTable& t) {
  std::map<int, std::pair<double, double>> edges;
  for (const RawCell& c : t.cells)
    if (c.cs == 1 && c.bbox) edges.emplace(c.c, std::make_pair(c.bbox->x0, c.bbox->x1));
  return edges;
}

// True when the columns the two tables both show sit at the same x (within
// a few points), or when there is nothing to compare (DOCX has no boxes).
bool ColumnsLineUp(const RawTable& a, const RawTable& b) {
  constexpr double kTolerance = 4;
  auto ea = ColumnEdges(a), eb = ColumnEdges(b);
  if (ea.empty() || eb.empty()) return ea.empty() && eb.empty();
  int compared = 0;
  for (const auto& [c, x] : eb) {
    auto it = ea.find(c);
    if (it == ea.end()) continue;
    ++compared;
    if (std::abs(it->second.first - x.first) > kTolerance || std::abs(it->second.second - x.second) > kTolerance)
      return false;
  }
  return compared * 2 >= static_cast<int>(eb.size());
}

// A table that goes on at the top of the next page without its header, after
// a footnote and the page number: same columns at the same x, body rows only.
bool ContinuesAfterFootnote(const TableDraft& prev, const RawTable& next, const Between& between) {
  return between.only_footnotes_before_page_break && prev.raw.last_page > 0 &&
         next.first_page == prev.raw.last_page + 1 && mapping::CountHeaderRows(next, 0) == 0 &&
         ColumnsLineUp(prev.raw, next);
}

// Decides whether `next` continues the previous table rather than starting a
// new one: nothing between them names a new table, the column structure is
// the same, and either a "续表" mark sits between them, or `next` starts
// with the previous header repeated, or nothing at all sits between them and
// `next` starts with data, or `next` opens the next page with data in the
// same columns after no more than a footnote. Returns the number of leading
// rows of `next` to drop (the repeated header), or -1 when `next` is a table
// of its own.
int ContinuationSkip(const TableDraft& prev, const RawTable& next, const Caption& cap,
                     const Between& between) {
  if (next.n_cols != prev.raw.n_cols || next.nesting != prev.raw.nesting) return -1;
  if (mapping::IsPerformance(prev.standard)) return -1;
  // A caption repeated on the next page (print titles) names the same table.
  bool same_caption = cap.title && cap.title == prev.caption.title && prev.standard &&
                      cap.number == prev.caption.number;
  if (same_caption) return RepeatsHeader(prev, next) ? prev.header_rows - prev.caption_rows : 0;
  // "续表" / "表1（续）": the previous table goes on (same number if any).
  bool marked = cap.continued && (!cap.number || cap.number == prev.caption.number) &&
                (!cap.title || cap.title == prev.caption.title);
  if (marked) return RepeatsHeader(prev, next) ? prev.header_rows - prev.caption_rows : 0;
  if (cap.number || cap.title) return -1;
  if (RepeatsHeader(prev, next)) return prev.header_rows - prev.caption_rows;
  if (!between.lines && prev.standard && mapping::CountHeaderRows(next, 0) == 0) return 0;
  if (ContinuesAfterFootnote(prev, next, between)) return 0;
  return -1;
}

// Running headers and footers: short lines printed on at least three
// pages that are neither captions nor titles. Between two pieces of a table
// they do not separate the pieces.
std::set<std::string> RunningLines(const Layout& layout) {
  std::map<std::string, std::set<int>> pages;
  for (const Block& b : layout.blocks)
    if (const auto* line = std::get_if<TextLine>(&b); line && line->page > 0)
      pages[mapping::Squash(line->text)].insert(line->page);
  std::set<std::string> out;
  for (const auto& [s, on] : pages) {
    if (on.size() < 3 || s.empty() || mapping::CodePoints(s) > 40) continue;
    if (mapping::LooksLikeTitle(s) || mapping::CompilerOfLine(s) || mapping::UnitOfLine(s)) continue;
    out.insert(s);
  }
  return out;
}

void Identify(TableDraft& d, bool final_accounts) {
  int caption_rows = 0;
  Caption in_rows = mapping::ReadCaptionRows(d.raw, &caption_rows);
  d.caption_rows = caption_rows;
  Caption& cap = d.caption;
  // A title printed inside the grid belongs to it for sure; the lines above
  // might be something else (a contents list right before the table).
  std::optional<std::string> in_grid =
      in_rows.title ? mapping::StandardForTitle(*in_rows.title) : std::nullopt;
  if (in_grid || (in_rows.title && !cap.title)) {
    d.standard = in_grid;
    cap.title = in_rows.title;
    if (in_rows.number) cap.number = in_rows.number;
  } else if (cap.title) {
    d.standard = mapping::StandardForTitle(*cap.title);
  }
  if (!cap.number) cap.number = in_rows.number;
  if (!cap.compiler) cap.compiler = in_rows.compiler;
  if (!cap.unit) cap.unit = in_rows.unit;
  // A printed title that names no standard table is a table of another
  // template: only an untitled table is identified by its header.
  if (!d.standard && !cap.title && d.raw.n_rows >= 2 && d.raw.nesting == 0)
    d.standard = mapping::StandardForHeader(d.raw, final_accounts);
  d.header_rows = mapping::IsPerformance(d.standard)
                      ? 0
                      : mapping::CountHeaderRows(d.raw, caption_rows);
}

// Several amounts in one cell, or an absurd one, mean rows or columns were
// glued by the extractor: a warning, since the table's records are
// incomplete. Other odd cells ("1,2", "12a3") are local and informational.
Issue AmbiguityIssue(AmbiguityKind kind) {
  switch (kind) {
    case AmbiguityKind::kSeveralNumbers:
      return MakeWarning("cell_multiple_values", "");
    case AmbiguityKind::kImplausible:
      return MakeWarning("implausible_value", "");
    default:
      return MakeInfo("ambiguous_value", "");
  }
}

// A ruled column without row rules puts every body row's amount into one
// cell. Two such cells could be a wrapped note; most amount cells stacked
// means the table's rows were never separated.
bool RowsLookCollapsed(int amount_cells, int stacked_cells) {
  return stacked_cells >= 2 && stacked_cells * 2 > amount_cells;
}

// The family of the document where its cover did not tell: government when
// as many titles name government-only templates as departmental ones.
std::optional<std::string> FamilyOfTables(const std::vector<TableDraft>& drafts) {
  int government = 0, department = 0;
  for (const TableDraft& d : drafts) {
    if (!d.caption.title) continue;
    std::string title = mapping::Squash(*d.caption.title);
    if (mapping::IsGovernmentOnlyTitle(title)) ++government;
    else if (d.standard) ++department;
  }
  if (government > 0 && government >= department) return "government";
  if (department > 0) return "department";
  return std::nullopt;
}

// Gives each table an id of the document's family: in a government report
// only government ids (departmental ones come from shared key words such as
// 一般公共预算 and would file a revenue table under an expenditure template);
// in a departmental document a government-only title still gets its
// government id. Sets each identified table's stage.
void ApplyFamily(const std::optional<std::string>& family, std::vector<TableDraft>& drafts) {
  const bool government = family && *family == "government";
  for (TableDraft& d : drafts) {
    if (mapping::IsPerformance(d.standard)) continue;
    std::optional<std::string> title;
    if (d.caption.title) title = mapping::Squash(*d.caption.title);
    if (government || (title && mapping::IsGovernmentOnlyTitle(*title))) {
      d.standard = title ? mapping::GovernmentStandardForTitle(*title) : std::nullopt;
      if (d.standard) {
        d.stage = mapping::StageOfTitle(*title);
        d.coverage = mapping::CoverageOfTitle(*title);
      }
    } else if (d.standard) {
      d.stage = d.standard->starts_with("final.") ? "final" : "budget";
    }
  }
}

model::Table ToModel(const TableDraft& d, int index, std::vector<Issue>* issues) {
  model::Table t;
  t.index = index;
  t.number = d.caption.number;
  t.title = d.caption.title;
  t.standard = d.standard;
  t.stage = d.stage;
  t.coverage = d.coverage;
  t.unit = d.caption.unit;
  t.compiler = d.caption.compiler;
  if (d.raw.first_page > 0)
    t.pages = std::make_pair(d.raw.first_page, std::max(d.raw.first_page, d.raw.last_page));
  t.n_rows = d.raw.n_rows;
  t.n_cols = d.raw.n_cols;
  t.header_rows = d.header_rows;
  std::vector<bool> code_cols = mapping::CodeColumns(d.raw, d.header_rows);
  int amount_cells = 0, stacked_cells = 0;  // for table_rows_collapsed
  for (const RawCell& rc : d.raw.cells) {
    NormalizedCell n = NormalizeCell(rc.raw);
    bool is_code = rc.c >= 0 && rc.c < static_cast<int>(code_cols.size()) && code_cols[rc.c];
    bool may_hold_value = rc.r >= d.header_rows && !is_code;
    if (!may_hold_value) n.value.reset();
    const bool stacked = n.ambiguity_kind == AmbiguityKind::kSeveralNumbers &&
                         rc.raw.find_first_of("\r\n") != std::string::npos;
    if (may_hold_value && (n.value || stacked)) {
      ++amount_cells;
      stacked_cells += stacked;
    }
    if (may_hold_value && n.ambiguity) {
      Issue i = AmbiguityIssue(n.ambiguity_kind);
      i.message = "table " + std::to_string(index) + " cell (" + std::to_string(rc.r) + "," +
                  std::to_string(rc.c) + "): " + *n.ambiguity + ": \"" + rc.raw + "\"";
      i.table = index;
      i.r = rc.r;
      i.c = rc.c;
      issues->push_back(std::move(i));
    }
    if (may_hold_value && n.value && n.footnote) {
      Issue i = MakeInfo("value_with_footnote_mark",
                         "table " + std::to_string(index) + " cell (" + std::to_string(rc.r) + "," +
                             std::to_string(rc.c) + "): the amount " + *n.value + " carries the footnote mark " +
                             *n.footnote + "; the mark is kept in text, not in value");
      i.table = index;
      i.r = rc.r;
      i.c = rc.c;
      issues->push_back(std::move(i));
    }
    t.cells.push_back(model::Cell{rc.r, rc.c, rc.rs, rc.cs, rc.raw, std::move(n.text),
                                  std::move(n.value), rc.page, rc.bbox});
  }
  if (RowsLookCollapsed(amount_cells, stacked_cells)) {
    Issue i = MakeWarning("table_rows_collapsed",
                          "table " + std::to_string(index) + ": " + std::to_string(stacked_cells) + " of " +
                              std::to_string(amount_cells) +
                              " amount cells hold amounts on several lines; body rows were not separated "
                              "and the table's records are incomplete");
    i.table = index;
    issues->push_back(std::move(i));
  }
  return t;
}

// Gives each issue located in a cell that cell's page and box, and each
// arithmetic issue its difference (expected - found, blank = 0) and whether
// that is a rounding slip (at most two units of the last printed digit).
void LocateIssues(model::Document& doc) {
  for (Issue& i : doc.issues) {
    if (!i.table || !i.r || !i.c || *i.table < 0 || *i.table >= static_cast<int>(doc.tables.size())) continue;
    for (const model::Cell& cell : doc.tables[*i.table].cells) {
      if (*i.r < cell.r || *i.r >= cell.r + cell.rs || *i.c < cell.c || *i.c >= cell.c + cell.cs) continue;
      if (cell.page > 0) i.page = cell.page;
      i.bbox = cell.bbox;
      break;
    }
    if (!i.expected) continue;
    std::optional<Decimal> expected = Decimal::Parse(*i.expected);
    std::optional<Decimal> found = i.found ? Decimal::Parse(*i.found) : Decimal();
    if (!expected || !found) continue;
    Decimal difference = *expected - *found;
    i.difference = difference.ToString();
    const int scale = std::max(expected->scale(), found->scale());
    std::string two_units = scale == 0 ? "2" : "0." + std::string(scale - 1, '0') + "2";
    Decimal limit = *Decimal::Parse(two_units);
    i.rounding = difference <= limit && difference >= -limit && !(difference == Decimal());
  }
}

// The codes of issues that say a table may be misread, gathered on the table.
void MarkDoubts(model::Document& doc) {
  static const std::set<std::string> kDoubtCodes = {"table_rows_collapsed", "cell_multiple_values",
                                                    "implausible_value", "arithmetic_checks_skipped"};
  for (const Issue& i : doc.issues) {
    if (!i.table || *i.table < 0 || *i.table >= static_cast<int>(doc.tables.size())) continue;
    if (!kDoubtCodes.count(i.code)) continue;
    std::vector<std::string>& doubts = doc.tables[*i.table].doubts;
    if (std::find(doubts.begin(), doubts.end(), i.code) == doubts.end()) doubts.push_back(i.code);
  }
}

}  // namespace

void MapLayout(const Layout& layout, model::Document& doc) {
  std::vector<std::string> all_lines;
  for (const Block& b : layout.blocks)
    if (const auto* line = std::get_if<TextLine>(&b)) all_lines.push_back(line->text);
  doc.document = mapping::ReadDocumentMeta(all_lines);
  bool final_accounts = doc.document.kind && *doc.document.kind == "final";

  std::set<std::string> running = RunningLines(layout);
  std::vector<TableDraft> drafts;
  int last_top = -1;               // the last top-level draft (continuations)
  std::vector<std::string> above;  // text lines since the previous table
  Between between;                 // what those lines say
  int non_noise_lines = 0;
  for (const Block& b : layout.blocks) {
    if (const auto* line = std::get_if<TextLine>(&b)) {
      above.push_back(line->text);
      std::string s = mapping::Squash(line->text);
      if (!s.empty() && !mapping::IsPageNoise(s) && !running.count(s)) {
        between.lines = true;
        // A footnote is short and sits on the page the previous table ends on.
        const int prev_last_page = last_top < 0 ? -1 : drafts[last_top].raw.last_page;
        if (line->page != prev_last_page || ++non_noise_lines > kMaxFootnoteLines)
          between.only_footnotes_before_page_break = false;
      }
      continue;
    }
    const RawTable& raw = std::get<RawTable>(b);
    if (raw.nesting > 0) {
      // A table inside a cell: emitted as it is, with no caption of its own;
      // the lines above belong to the next top-level table.
      TableDraft d;
      d.raw = raw;
      Identify(d, final_accounts);
      drafts.push_back(std::move(d));
      continue;
    }
    Caption cap = mapping::ReadCaptionAcrossHeaderLines(above);
    int skip = last_top < 0 ? -1 : ContinuationSkip(drafts[last_top], raw, cap, between);
    if (skip >= 0) {
      AppendRows(drafts[last_top].raw, raw, skip);
    } else {
      TableDraft d;
      d.raw = raw;
      d.caption = cap;
      Identify(d, final_accounts);
      drafts.push_back(std::move(d));
      last_top = static_cast<int>(drafts.size()) - 1;
    }
    above.clear();
    between = Between();
    non_noise_lines = 0;
  }

  if (!doc.document.family) doc.document.family = FamilyOfTables(drafts);
  if (doc.document.family == "government") doc.document.scope = "government";
  else if (doc.document.family && !doc.document.scope) doc.document.scope = "department";
  ApplyFamily(doc.document.family, drafts);
  for (TableDraft& d : drafts) {
    int index = static_cast<int>(doc.tables.size());
    doc.tables.push_back(ToModel(d, index, &doc.issues));
  }
  doc.document.currency_unit = mapping::MostCommonUnit(doc.tables);
  if (!doc.document.currency_unit && doc.document.family == "government")
    doc.document.currency_unit = mapping::MostCommonAmountUnit(all_lines);
  // No cover naming the unit (a file of tables only): the unit the tables
  // name as their 编制单位.
  if (!doc.document.unit) doc.document.unit = mapping::MostCommonCompiler(doc.tables);
  // Nor a cover naming the year: the year the table titles print.
  if (!doc.document.year) doc.document.year = mapping::MostCommonTitleYear(doc.tables);
  // Nor a cover naming the kind: the printed titles do (预算 / 决算 tables).
  if (!doc.document.kind) {
    int budget = 0, final = 0;
    for (const model::Table& t : doc.tables) {
      if (!t.stage) continue;
      budget += *t.stage != "final";
      final += *t.stage == "final";
    }
    if (budget != final) doc.document.kind = budget > final ? "budget" : "final";
  }
  // A standard table whose caption names no unit uses the document's.
  for (model::Table& t : doc.tables)
    if (!t.unit && t.standard && !mapping::IsPerformance(t.standard))
      t.unit = doc.document.currency_unit;
  for (model::Table& t : doc.tables) t.records = BuildRecords(t, &doc.issues);
  CheckArithmetic(doc);
  MarkDoubts(doc);
  LocateIssues(doc);
  doc.issues.insert(doc.issues.end(), layout.issues.begin(), layout.issues.end());
}

}  // namespace cnbudget
