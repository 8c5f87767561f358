#include "tools/json_writer.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>

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

// `j` as the document prints it at nesting `level` (one space per level):
// every line after the first is indented by `level` more spaces. JSON
// strings hold no raw newline, so each newline starts a line of structure.
// replace: a stray invalid byte sequence from a broken file must not abort output.
std::string Dump(const Json& j, int level) {
  std::string text = j.dump(1, ' ', false, Json::error_handler_t::replace);
  if (level == 0) return text;
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char ch : text) {
    out += ch;
    if (ch == '\n') out.append(static_cast<std::size_t>(level), ' ');
  }
  return out;
}

// Writes the array of `items` at nesting `level` as one dump of it all would
// print it, one item at a time: the JSON tree of a 200,000-cell document is
// many times its text, so only one item's tree (and text) is alive at once.
template <typename T, typename WriteItem>
void WriteArray(const std::vector<T>& items, int level, std::ostream& out, WriteItem write_item) {
  if (items.empty()) {
    out << "[]";
    return;
  }
  const std::string indent(static_cast<std::size_t>(level) + 1, ' ');
  out << "[\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out << indent;
    write_item(items[i], level + 1, out);
    out << (i + 1 < items.size() ? ",\n" : "\n");
  }
  out << std::string(static_cast<std::size_t>(level), ' ') << "]";
}

template <typename T>
void WriteArrayOf(const std::vector<T>& items, Json (*to_json)(const T&), int level,
                  std::ostream& out) {
  WriteArray(items, level, out,
             [to_json](const T& item, int at, std::ostream& o) { o << Dump(to_json(item), at); });
}

// Writes `j` (an object at nesting `level` whose keys `slots` hold null)
// with each slot's value written by its writer, in the order of `slots`. A
// newline and the key's indent make a slot unique: nested keys are indented
// further and strings hold no raw newline.
void WriteWithSlots(const Json& j, int level,
                    const std::vector<std::pair<std::string, std::function<void()>>>& slots,
                    std::ostream& out) {
  const std::string text = Dump(j, level);
  std::size_t from = 0;
  for (const auto& [key, write_value] : slots) {
    const std::string slot = "\n" + std::string(static_cast<std::size_t>(level) + 1, ' ') +
                             "\"" + key + "\": null";
    const std::size_t at = text.find(slot, from);
    if (at == std::string::npos) continue;
    const std::size_t value_at = at + slot.size() - 4;
    out.write(text.data() + from, static_cast<std::streamsize>(value_at - from));
    write_value();
    from = value_at + 4;
  }
  out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

// A table at nesting `level`, its cells and records written one at a time.
void WriteTable(const model::Table& t, int level, std::ostream& out) {
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
  j["cells"] = nullptr;
  j["records"] = nullptr;
  WriteWithSlots(j, level,
                 {{"cells", [&] { WriteArrayOf(t.cells, &CellJson, level + 1, out); }},
                  {"records", [&] { WriteArrayOf(t.records, &RecordJson, level + 1, out); }}},
                 out);
}

}  // namespace

void WriteJson(const model::Document& doc, std::ostream& out) {
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
  j["tables"] = nullptr;  // spliced in below, one table at a time
  Json issues = Json::array();
  for (const auto& i : doc.issues) issues.push_back(IssueJson(i));
  j["issues"] = std::move(issues);
  WriteWithSlots(j, 0, {{"tables", [&] { WriteArray(doc.tables, 1, out, WriteTable); }}}, out);
  out << "\n";
}

std::string ToJson(const model::Document& doc) {
  std::ostringstream out;
  WriteJson(doc, out);
  return out.str();
}

namespace {

std::string OsReason() { return std::strerror(errno); }

// Streams the document into `path` as it is written (no temporary file).
bool WriteInPlace(const model::Document& doc, const std::string& path, std::string* error) {
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    if (error) *error = "cannot open " + path + " for writing: " + OsReason();
    return false;
  }
  WriteJson(doc, out);
  if (!out.flush()) {
    if (error) *error = "cannot write " + path + ": " + OsReason();
    return false;
  }
  return true;
}

}  // namespace

bool WriteJsonFile(const model::Document& doc, const std::string& path, std::string* error) {
  // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as it
  // is: renaming a temporary file over it would replace the device itself.
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return WriteInPlace(doc, path, error);
  // A regular file is replaced whole: readers never see half a document.
  const std::string tmp = path + ".tmp";
  if (!WriteInPlace(doc, tmp, error)) {
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
