#include "review/review_index.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "review/assets.h"
#include "review/html_text.h"

namespace cnbudget::review {
namespace {

namespace fs = std::filesystem;

// Longest stem kept in a folder name, in bytes (cut at a character).
constexpr std::size_t kMaxStemBytes = 80;

std::string SafeStem(const std::string& path) {
  std::string stem = CleanUtf8(fs::path(path).stem().string());
  std::string out;
  for (std::size_t i = 0; i < stem.size();) {
    std::size_t length = 1;
    const auto lead = static_cast<unsigned char>(stem[i]);
    if (lead >= 0xF0) length = 4;
    else if (lead >= 0xE0) length = 3;
    else if (lead >= 0xC0) length = 2;
    if (out.size() + length > kMaxStemBytes) break;
    const bool ascii_unsafe = length == 1 && !std::isalnum(lead) && lead != '-' && lead != '_' &&
                              lead != '.';
    out += ascii_unsafe ? std::string("_") : stem.substr(i, length);
    i += length;
  }
  while (!out.empty() && out.front() == '.') out.front() = '_';
  return out.empty() ? "document" : out;
}

struct Entry {
  std::string folder;
  nlohmann::json summary;
};

std::vector<Entry> ReadEntries(const std::string& dir) {
  std::vector<Entry> entries;
  std::error_code ec;
  for (const fs::directory_entry& sub : fs::directory_iterator(dir, ec)) {
    if (!sub.is_directory(ec)) continue;
    std::ifstream in(sub.path() / "summary.json");
    if (!in) continue;
    nlohmann::json summary = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (summary.is_object()) entries.push_back({sub.path().filename().string(), summary});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.summary.value("file", "") < b.summary.value("file", "");
  });
  return entries;
}

std::string Field(const nlohmann::json& summary, const char* key) {
  if (!summary.contains(key) || summary[key].is_null()) return "";
  const nlohmann::json& v = summary[key];
  return Escape(v.is_string() ? v.get<std::string>() : v.dump());
}

std::string IndexHtml(const std::vector<Entry>& entries) {
  std::string html =
      "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\"><title>cnbudget review</title><style>" +
      std::string(kReviewCss) +
      "table.list{border-collapse:collapse;margin:12px 20px}table.list td,table.list th{border:1px "
      "solid #ccc;padding:3px 8px;text-align:left}</style></head><body><header><h1>cnbudget "
      "review</h1><p>" + std::to_string(entries.size()) +
      " documents</p></header><table class=\"list\"><tr><th>file</th><th>unit</th><th>year</th>"
      "<th>tables</th><th>checks failing</th><th>issues</th></tr>";
  for (const Entry& e : entries) {
    // Folder names are escaped like any text: they come from file names.
    html += "<tr><td><a href=\"" + Escape(e.folder) + "/index.html\">" + Field(e.summary, "file") +
            "</a></td><td>" + Field(e.summary, "unit") + "</td><td>" + Field(e.summary, "year") +
            "</td><td>" + Field(e.summary, "tables") + "</td><td>" +
            Field(e.summary, "tables_failing") + "</td><td>" + Field(e.summary, "issues") +
            "</td></tr>";
  }
  return html + "</table></body></html>\n";
}

}  // namespace

std::string ReviewFolderName(const model::Document& doc) {
  return SafeStem(doc.source.path) + "-" + doc.source.sha256.substr(0, 12);
}

bool WriteReviewSummary(const model::Document& doc, const std::string& report_dir,
                        std::string* error) {
  int failing = 0;
  for (const model::Table& t : doc.tables) failing += t.verified == false ? 1 : 0;
  nlohmann::ordered_json summary;
  summary["file"] = CleanUtf8(doc.source.path);
  summary["unit"] = doc.document.unit ? nlohmann::ordered_json(CleanUtf8(*doc.document.unit))
                                      : nlohmann::ordered_json();
  summary["year"] = doc.document.year ? nlohmann::ordered_json(*doc.document.year)
                                      : nlohmann::ordered_json();
  summary["tables"] = doc.tables.size();
  summary["tables_failing"] = failing;
  summary["issues"] = doc.issues.size();
  std::ofstream out(fs::path(report_dir) / "summary.json", std::ios::trunc);
  out << summary.dump(2) << "\n";
  out.close();
  if (!out) *error = "cannot write " + (fs::path(report_dir) / "summary.json").string();
  return static_cast<bool>(out);
}

bool WriteReviewIndex(const std::string& dir, std::string* error) {
  const fs::path path = fs::path(dir) / "index.html";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << IndexHtml(ReadEntries(dir));
  out.close();
  if (!out) *error = "cannot write " + path.string();
  return static_cast<bool>(out);
}

}  // namespace cnbudget::review
