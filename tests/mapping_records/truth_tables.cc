#include "truth_tables.h"

#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

namespace cnbudget::testing {
namespace {

std::string NoSpace(const std::string& s) {
  std::string out;
  for (char ch : s)
    if (ch != ' ' && ch != '\t' && ch != '\n') out.push_back(ch);
  return out;
}

std::string LeadDigits(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch < '0' || ch > '9') break;
    out.push_back(ch);
  }
  return out;
}

std::tuple<std::string, std::string, std::string, std::string> Exact(const RecordKey& k) {
  return {k.standard, k.code.empty() ? k.label : k.code, k.column, k.value};
}

}  // namespace

std::vector<TruthTable> LoadTruth(const std::string& path) {
  std::vector<TruthTable> out;
  std::ifstream in(path);
  if (!in) return out;
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.contains("tables")) return out;
  int index = 0;
  for (const auto& jt : j["tables"]) {
    TruthTable tt;
    model::Table& t = tt.table;
    t.index = index++;
    if (jt.value("standard", nlohmann::json()).is_string()) t.standard = jt["standard"].get<std::string>();
    if (jt.value("unit", nlohmann::json()).is_string()) t.unit = jt["unit"].get<std::string>();
    t.n_rows = jt.value("n_rows", 0);
    t.n_cols = jt.value("n_cols", 0);
    t.header_rows = jt.value("header_rows", 0);
    for (const auto& jc : jt["cells"]) {
      model::Cell c;
      c.r = jc.value("r", 0);
      c.c = jc.value("c", 0);
      c.rs = jc.value("rs", 1);
      c.cs = jc.value("cs", 1);
      c.text = jc.value("text", std::string());
      c.raw = c.text;
      if (jc.contains("value") && jc["value"].is_string()) c.value = jc["value"].get<std::string>();
      t.cells.push_back(c);
    }
    if (jt.contains("code_cols")) tt.code_cols = jt["code_cols"].get<std::vector<int>>();
    if (jt.contains("label_cols")) tt.label_cols = jt["label_cols"].get<std::vector<int>>();
    out.push_back(std::move(tt));
  }
  return out;
}

std::vector<RecordKey> DeriveTruthRecords(const TruthTable& tt) {
  const model::Table& t = tt.table;
  std::vector<RecordKey> out;
  if (!t.standard || t.standard->starts_with("performance.")) return out;
  std::map<std::pair<int, int>, int> occ;
  for (size_t i = 0; i < t.cells.size(); ++i)
    for (int r = t.cells[i].r; r < t.cells[i].r + t.cells[i].rs; ++r)
      for (int c = t.cells[i].c; c < t.cells[i].c + t.cells[i].cs; ++c) occ.emplace(std::make_pair(r, c), i);
  auto at = [&](int r, int c) -> const model::Cell* {
    auto it = occ.find({r, c});
    return it == occ.end() ? nullptr : &t.cells[it->second];
  };
  std::set<int> code(tt.code_cols.begin(), tt.code_cols.end()), label(tt.label_cols.begin(), tt.label_cols.end());
  auto key = [&](int c) { return code.count(c) || label.count(c); };
  for (const model::Cell& cell : t.cells) {
    if (!cell.value || cell.r < t.header_rows || key(cell.c)) continue;
    int x = cell.c - 1;
    while (x >= 0 && !key(x)) --x;
    std::vector<int> block;
    while (x >= 0 && key(x)) block.insert(block.begin(), x--);
    RecordKey k;
    k.standard = *t.standard;
    std::set<const model::Cell*> seen;
    for (int b : block)
      if (code.count(b))
        if (const model::Cell* cl = at(cell.r, b); cl && seen.insert(cl).second) k.code += LeadDigits(NoSpace(cl->text));
    for (auto it = block.rbegin(); it != block.rend(); ++it)
      if (label.count(*it))
        if (const model::Cell* cl = at(cell.r, *it); cl && !NoSpace(cl->text).empty()) {
          k.label = NoSpace(cl->text);
          break;
        }
    const model::Cell* prev = nullptr;
    for (int r = 0; r < t.header_rows; ++r) {
      const model::Cell* h = at(r, cell.c);
      if (!h || h == prev) continue;
      prev = h;
      if (!NoSpace(h->text).empty()) k.column += (k.column.empty() ? "" : "/") + NoSpace(h->text);
    }
    k.value = *cell.value;
    out.push_back(k);
  }
  return out;
}

std::vector<RecordKey> KeysOf(const model::Table& t, const std::vector<model::Record>& records) {
  std::vector<RecordKey> out;
  for (const model::Record& rec : records) {
    RecordKey k;
    k.standard = t.standard.value_or("");
    k.code = NoSpace(rec.row.code.value_or(""));
    k.label = NoSpace(rec.row.label.value_or(""));
    for (const std::string& p : rec.column)
      if (!NoSpace(p).empty()) k.column += (k.column.empty() ? "" : "/") + NoSpace(p);
    k.value = rec.value;
    out.push_back(k);
  }
  return out;
}

int MatchRecords(const std::vector<RecordKey>& truth, const std::vector<RecordKey>& out,
                 std::vector<RecordKey>* missed, std::vector<RecordKey>* spurious) {
  std::multiset<std::tuple<std::string, std::string, std::string, std::string>> pool;
  for (const RecordKey& k : out) pool.insert(Exact(k));
  std::vector<RecordKey> left_t, left_o;
  int tp = 0;
  for (const RecordKey& k : truth) {
    auto it = pool.find(Exact(k));
    if (it != pool.end()) {
      pool.erase(it);
      ++tp;
    } else {
      left_t.push_back(k);
    }
  }
  for (const RecordKey& k : out)
    if (auto it = pool.find(Exact(k)); it != pool.end()) {
      pool.erase(it);
      left_o.push_back(k);
    }
  std::vector<bool> taken(left_o.size(), false);
  for (const RecordKey& r : left_t) {
    bool matched = false;
    for (size_t j = 0; j < left_o.size() && !matched; ++j) {
      const RecordKey& o = left_o[j];
      if (taken[j] || o.standard != r.standard || o.column != r.column || o.value != r.value) continue;
      bool same = (!r.label.empty() && r.label == o.label) ||
                  (!r.code.empty() && (o.code == r.code || LeadDigits(o.label) == r.code)) ||
                  (!o.code.empty() && LeadDigits(r.label) == o.code);
      if (same) {
        taken[j] = matched = true;
        ++tp;
      }
    }
    if (!matched && missed) missed->push_back(r);
  }
  for (size_t j = 0; j < left_o.size(); ++j)
    if (!taken[j] && spurious) spurious->push_back(left_o[j]);
  return tp;
}

}  // namespace cnbudget::testing
