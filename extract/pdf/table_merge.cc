#include "extract/pdf/table_merge.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace cnbudget::pdf {

namespace {

constexpr int kRememberedRows = 8;

std::string Compact(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t') out += c;
  return out;
}

std::vector<std::string> HeaderTexts(const RawTable& t, int header_rows) {
  std::vector<std::string> texts;
  for (const RawCell& c : t.cells)
    if (c.r < header_rows) texts.push_back(Compact(c.raw));
  std::sort(texts.begin(), texts.end());
  return texts;
}

std::map<std::string, int> CharacterCounts(const std::vector<std::string>& texts) {
  std::map<std::string, int> counts;
  for (const std::string& t : texts)
    for (size_t i = 0; i < t.size();) {
      size_t n = 1;
      unsigned char c = t[i];
      if (c >= 0xF0) n = 4;
      else if (c >= 0xE0) n = 3;
      else if (c >= 0xC0) n = 2;
      ++counts[t.substr(i, n)];
      i += n;
    }
  return counts;
}

// True when the two sets of texts hold nearly the same characters
// (Jaccard >= 0.9 over character multisets).
bool SimilarCharacters(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::map<std::string, int> ca = CharacterCounts(a), cb = CharacterCounts(b);
  int inter = 0, uni = 0;
  for (const auto& [ch, n] : ca) {
    auto it = cb.find(ch);
    int m = it == cb.end() ? 0 : it->second;
    inter += std::min(n, m);
    uni += std::max(n, m);
  }
  for (const auto& [ch, m] : cb)
    if (ca.find(ch) == ca.end()) uni += m;
  return uni > 0 && inter * 10 >= uni * 9;
}

// Number of leading rows of `next` that repeat the open table's header.
int RepeatedRows(const OpenTable& open, const PageTable& next) {
  int k = 0;
  while (k < static_cast<int>(open.first_rows.size()) && k < next.table.n_rows) {
    std::vector<std::string> row = RowTexts(next.table, k);
    if (row.empty() || row != open.first_rows[k]) break;
    ++k;
  }
  // A repeated header read again on another page may come out a little
  // differently (stacked vertical text): compare the characters it holds.
  if (next.header_rows > k && open.header_rows > 0 &&
      SimilarCharacters(HeaderTexts(next.table, next.header_rows), open.header_texts)) {
    k = next.header_rows;
  }
  return k;
}

}  // namespace

std::vector<std::string> RowTexts(const RawTable& t, int r) {
  std::vector<const RawCell*> cells;
  for (const RawCell& c : t.cells)
    if (c.r == r) cells.push_back(&c);
  std::sort(cells.begin(), cells.end(), [](const RawCell* a, const RawCell* b) { return a->c < b->c; });
  std::vector<std::string> texts;
  for (const RawCell* c : cells) texts.push_back(Compact(c->raw));
  return texts;
}

OpenTable Remember(const PageTable& first_part) {
  OpenTable open;
  open.col_edges = first_part.col_edges;
  open.header_rows = first_part.header_rows;
  int rows = std::min(first_part.table.n_rows, std::max(kRememberedRows, first_part.header_rows));
  for (int r = 0; r < rows; ++r) open.first_rows.push_back(RowTexts(first_part.table, r));
  open.header_texts = HeaderTexts(first_part.table, first_part.header_rows);
  return open;
}

namespace {

void Identity(int n, std::vector<int>* first, std::vector<int>* last) {
  for (int i = 0; i < n; ++i) {
    first->push_back(i);
    last->push_back(i);
  }
}

int NearestEdge(const std::vector<double>& edges, double x) {
  int best = 0;
  for (int i = 1; i < static_cast<int>(edges.size()); ++i)
    if (std::abs(edges[i] - x) < std::abs(edges[best] - x)) best = i;
  return best;
}

// Maps columns given by `edges` onto `merged` edges.
bool MapByEdges(const std::vector<double>& edges, const std::vector<double>& merged,
                std::vector<int>* first, std::vector<int>* last) {
  for (size_t i = 0; i + 1 < edges.size(); ++i) {
    int a = NearestEdge(merged, edges[i]), b = NearestEdge(merged, edges[i + 1]);
    if (b <= a) return false;
    first->push_back(a);
    last->push_back(b - 1);
  }
  return true;
}

}  // namespace

std::optional<ColumnPlan> MatchColumns(const OpenTable& open, const PageTable& next) {
  int n_open = static_cast<int>(open.col_edges.size()) - 1;
  int n_next = next.table.n_cols;
  if (n_open <= 0 || n_next <= 0) return std::nullopt;
  ColumnPlan plan;
  if (!next.ruled) {
    Identity(n_open, &plan.open_first, &plan.open_last);
    plan.edges = open.col_edges;
    plan.by_position = true;
    return plan;
  }
  if (n_open == n_next) {
    Identity(n_open, &plan.open_first, &plan.open_last);
    Identity(n_next, &plan.next_first, &plan.next_last);
    plan.edges = open.col_edges;
    return plan;
  }
  if (static_cast<int>(next.col_edges.size()) != n_next + 1) return std::nullopt;
  const std::vector<double>& a = open.col_edges;
  const std::vector<double>& b = next.col_edges;
  if (std::abs(a.front() - b.front()) <= 4 && std::abs(a.back() - b.back()) <= 4) {
    std::vector<double> all = a;
    all.insert(all.end(), b.begin(), b.end());
    std::sort(all.begin(), all.end());
    for (double x : all)
      if (plan.edges.empty() || x - plan.edges.back() > 3) plan.edges.push_back(x);
    if (MapByEdges(a, plan.edges, &plan.open_first, &plan.open_last) &&
        MapByEdges(b, plan.edges, &plan.next_first, &plan.next_last)) {
      return plan;
    }
    return std::nullopt;
  }
  Identity(n_open, &plan.open_first, &plan.open_last);
  plan.edges = open.col_edges;
  int previous = -1;
  for (int j = 0; j < n_next; ++j) {
    double centre = (b[j] + b[j + 1]) / 2;
    auto it = std::upper_bound(a.begin(), a.end(), centre);
    int i = static_cast<int>(it - a.begin()) - 1;
    if (i < 0 || i >= n_open || i <= previous) return std::nullopt;
    previous = i;
    plan.next_first.push_back(i);
    plan.next_last.push_back(i);
  }
  return plan;
}

namespace {

int SlotOf(const std::vector<double>& edges, double x) {
  int n = static_cast<int>(edges.size()) - 1;
  for (int i = 1; i < n; ++i)
    if (x < edges[i]) return i - 1;
  return n - 1;
}

// The open table's columns under the cell's left edge, centre and right edge.
void PlaceByPosition(const std::vector<double>& edges, RawCell* c) {
  int mid = SlotOf(edges, (c->bbox->x0 + c->bbox->x1) / 2);
  int first = std::min(mid, SlotOf(edges, c->bbox->x0 + 2));
  int last = std::max(mid, SlotOf(edges, c->bbox->x1 - 2));
  if (c->cs == 1) first = last = mid;
  c->c = first;
  c->cs = last - first + 1;
}

void Remap(const std::vector<int>& first, const std::vector<int>& last, RawCell* c) {
  int n = static_cast<int>(first.size());
  int f = first[std::clamp(c->c, 0, n - 1)];
  int l = last[std::clamp(c->c + c->cs - 1, 0, n - 1)];
  c->c = f;
  c->cs = std::max(1, l - f + 1);
}

}  // namespace

void AppendContinuation(const ColumnPlan& plan, PageTable next, OpenTable* open, RawTable* table) {
  int drop = RepeatedRows(*open, next);
  for (RawCell& c : table->cells) Remap(plan.open_first, plan.open_last, &c);
  int offset = table->n_rows - drop;
  for (RawCell& c : next.table.cells) {
    if (c.r < drop) continue;
    if (plan.by_position && c.bbox) PlaceByPosition(plan.edges, &c);
    else if (!plan.by_position) Remap(plan.next_first, plan.next_last, &c);
    c.r += offset;
    table->cells.push_back(std::move(c));
  }
  table->n_cols = static_cast<int>(plan.edges.size()) - 1;
  table->n_rows += next.table.n_rows - drop;
  table->last_page = std::max(table->last_page, next.table.last_page);
  open->col_edges = plan.edges;
}

}  // namespace cnbudget::pdf
