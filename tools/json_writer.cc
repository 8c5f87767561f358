#include "tools/json_writer.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

namespace cnbudget {
namespace {

// ordered_json keeps insertion order, which is how we keep the spec's order.
using Json = nlohmann::ordered_json;

template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json BBoxJson(const BBox& b) { return Json::array({b.x0, b.y0, b.x1, b.y1}); }

Json IssueJson(const Issue& i) {
  Json j;
  j["severity"] = SeverityName(i.severity);
  j["code"] = i.code;
  j["table"] = OrNull(i.table);
  j["r"] = OrNull(i.r);
  j["c"] = OrNull(i.c);
  j["message"] = i.message;
  if (i.expected) j["expected"] = *i.expected;
  if (i.found) j["found"] = *i.found;
  if (i.page) j["page"] = *i.page;
  if (i.bbox) j["bbox"] = Json::array({i.bbox->x0, i.bbox->y0, i.bbox->x1, i.bbox->y1});
  if (i.difference) {
    j["difference"] = *i.difference;
    j["rounding"] = i.rounding;
  }
  return j;
}

Json CellJson(const model::Cell& c) {
  Json j;
  j["r"] = c.r;
  j["c"] = c.c;
  j["rs"] = c.rs;
  j["cs"] = c.cs;
  j["raw"] = c.raw;
  j["text"] = c.text;
  if (c.value) j["value"] = *c.value;
  if (c.page > 0) j["page"] = c.page;
  if (c.bbox) j["bbox"] = BBoxJson(*c.bbox);
  return j;
}

Json RecordJson(const model::Record& rec) {
  Json row;
  row["code"] = OrNull(rec.row.code);
  row["class"] = OrNull(rec.row.cls);
  row["kind"] = OrNull(rec.row.kind);
  row["item"] = OrNull(rec.row.item);
  row["name"] = OrNull(rec.row.name);
  row["project"] = OrNull(rec.row.project);
  row["label"] = OrNull(rec.row.label);
  row["label_clean"] = OrNull(rec.row.label_clean);
  Json j;
  j["r"] = rec.r;
  j["c"] = rec.c;
  j["row"] = std::move(row);
  j["column"] = rec.column;
  j["measure"] = OrNull(rec.measure);
  j["value"] = rec.value;
  j["unit"] = OrNull(rec.unit);
  return j;
}

Json TableJson(const model::Table& t) {
  Json j;
  j["index"] = t.index;
  j["number"] = OrNull(t.number);
  j["title"] = OrNull(t.title);
  j["standard"] = OrNull(t.standard);
  j["stage"] = OrNull(t.stage);
  j["coverage"] = OrNull(t.coverage);
  j["unit"] = OrNull(t.unit);
  j["compiler"] = OrNull(t.compiler);
  j["pages"] = t.pages ? Json::array({t.pages->first, t.pages->second}) : Json(nullptr);
  j["n_rows"] = t.n_rows;
  j["n_cols"] = t.n_cols;
  j["header_rows"] = t.header_rows;
  j["verified"] = OrNull(t.verified);
  j["doubts"] = t.doubts;
  Json cells = Json::array();
  for (const auto& c : t.cells) cells.push_back(CellJson(c));
  j["cells"] = std::move(cells);
  Json records = Json::array();
  for (const auto& r : t.records) records.push_back(RecordJson(r));
  j["records"] = std::move(records);
  return j;
}

}  // namespace

std::string ToJson(const model::Document& doc) {
  Json j;
  j["schema"] = "cnbudget/1";
  Json src;
  src["path"] = doc.source.path;
  src["sha256"] = doc.source.sha256;
  src["format"] = doc.source.format.empty() ? Json(nullptr) : Json(doc.source.format);
  src["pages"] = OrNull(doc.source.pages);
  src["bytes"] = doc.source.bytes;
  j["source"] = std::move(src);
  Json meta;
  meta["unit"] = OrNull(doc.document.unit);
  meta["year"] = OrNull(doc.document.year);
  meta["kind"] = OrNull(doc.document.kind);
  meta["currency_unit"] = OrNull(doc.document.currency_unit);
  meta["family"] = OrNull(doc.document.family);
  meta["scope"] = OrNull(doc.document.scope);
  meta["published"] = OrNull(doc.document.published);
  j["document"] = std::move(meta);
  Json tables = Json::array();
  for (const auto& t : doc.tables) tables.push_back(TableJson(t));
  j["tables"] = std::move(tables);
  Json issues = Json::array();
  for (const auto& i : doc.issues) issues.push_back(IssueJson(i));
  j["issues"] = std::move(issues);
  // replace: a stray invalid byte sequence from a broken file must not abort output.
  return j.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {

std::string OsReason() { return std::strerror(errno); }

// Streams `text` into `path` as it is (no temporary file).
bool WriteInPlace(const std::string& text, const std::string& path, std::string* error) {
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    if (error) *error = "cannot open " + path + " for writing: " + OsReason();
    return false;
  }
  out << text;
  if (!out.flush()) {
    if (error) *error = "cannot write " + path + ": " + OsReason();
    return false;
  }
  return true;
}

}  // namespace

bool WriteJsonFile(const model::Document& doc, const std::string& path, std::string* error) {
  const std::string text = ToJson(doc);
  // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as it
  // is: renaming a temporary file over it would replace the device itself.
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return WriteInPlace(text, path, error);
  // A regular file is replaced whole: readers never see half a document.
  const std::string tmp = path + ".tmp";
  if (!WriteInPlace(text, tmp, error)) {
    std::remove(tmp.c_str());
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    if (error) *error = "cannot rename " + tmp + " to " + path + ": " + OsReason();
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace cnbudget
