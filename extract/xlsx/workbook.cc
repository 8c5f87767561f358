#include "extract/xlsx/workbook.h"

#include <cstdlib>
#include <cstring>
#include <map>

#include "extract/docx/safe_xml.h"
#include "extract/xlsx/sml.h"

namespace cnbudget::xlsx {
namespace {

constexpr const char* kContentTypes = "[Content_Types].xml";
constexpr const char* kDefaultWorkbook = "xl/workbook.xml";

bool EndsWith(const std::string& s, const char* suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// Relationships of a part: id -> (type, target part), internal targets only.
struct Relationship {
  std::string type, part;
};
using Relationships = std::map<std::string, Relationship>;

std::string RelsPartOf(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  return folder + "_rels/" + part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
}

// Reads the relationships of `source` ("" for the package root). A missing
// rels part is no relationships; an unsafe one is an error.
std::optional<Issue> ReadRelationships(const SafeZip& zip, const std::string& source,
                                       Relationships* out) {
  const std::string rels_part = source.empty() ? "_rels/.rels" : RelsPartOf(source);
  if (!zip.Has(rels_part)) return std::nullopt;
  std::string bytes;
  std::optional<Issue> error = zip.Read(rels_part, &bytes);
  docx::XmlDocPtr doc;
  if (!error) doc = docx::ParseSmallPart(bytes, rels_part, &error);
  if (error) return error;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  for (const xmlNode* c = root != nullptr ? root->children : nullptr; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE ||
        std::strcmp(reinterpret_cast<const char*>(c->name), "Relationship") != 0 ||
        Attr(c, "TargetMode").value_or("") == "External")
      continue;
    (*out)[Attr(c, "Id").value_or("")] = {Attr(c, "Type").value_or(""),
                                          ResolveTarget(source, Attr(c, "Target").value_or(""))};
  }
  return std::nullopt;
}

std::string PartOfType(const Relationships& rels, const char* type_suffix) {
  for (const auto& [id, rel] : rels)
    if (EndsWith(rel.type, type_suffix)) return rel.part;
  return "";
}

// "'表1'!$4:$5" or "Sheet1!$A:$B,Sheet1!$1:$2" -> the row range, 0-based.
std::vector<int> PrintTitleRows(const std::string& formula) {
  std::size_t at = 0;
  while ((at = formula.find('!', at)) != std::string::npos) {
    ++at;
    const std::size_t end = formula.find(',', at);
    std::string range = formula.substr(at, end == std::string::npos ? std::string::npos : end - at);
    std::string rows;
    for (const char ch : range)
      if (ch != '$') rows += ch;
    const std::size_t colon = rows.find(':');
    if (colon == std::string::npos || rows.empty() ||
        rows.find_first_not_of("0123456789:") != std::string::npos || rows.size() > 15)
      continue;
    const int first = std::atoi(rows.substr(0, colon).c_str());
    const int last = std::atoi(rows.substr(colon + 1).c_str());
    if (first >= 1 && last >= first) return {first - 1, last - 1};
  }
  return {};
}

void ReadSheets(const xmlNode* root, const Relationships& rels, Workbook* out) {
  for (const xmlNode* list = root->children; list != nullptr; list = list->next) {
    if (!IsS(list, "sheets")) continue;
    for (const xmlNode* s = list->children; s != nullptr; s = s->next) {
      if (!IsS(s, "sheet")) continue;
      SheetEntry entry;
      entry.name = Attr(s, "name").value_or("");
      const std::string state = Attr(s, "state").value_or("visible");
      entry.hidden = state == "hidden" || state == "veryHidden";
      const auto rel = rels.find(RelAttr(s, "id").value_or(""));
      if (rel != rels.end()) entry.part = rel->second.part;
      out->sheets.push_back(std::move(entry));
    }
  }
}

void ReadPrintTitles(const xmlNode* root, Workbook* out) {
  for (const xmlNode* list = root->children; list != nullptr; list = list->next) {
    if (!IsS(list, "definedNames")) continue;
    for (const xmlNode* d = list->children; d != nullptr; d = d->next) {
      if (!IsS(d, "definedName") || Attr(d, "name").value_or("") != "_xlnm.Print_Titles")
        continue;
      const int sheet = IntAttr(d, "localSheetId", -1);
      if (sheet < 0 || static_cast<std::size_t>(sheet) >= out->sheets.size()) continue;
      std::string formula;
      for (const xmlNode* t = d->children; t != nullptr; t = t->next)
        if (t->content != nullptr) formula += reinterpret_cast<const char*>(t->content);
      out->sheets[static_cast<std::size_t>(sheet)].print_title_rows = PrintTitleRows(formula);
    }
  }
}

}  // namespace

bool IsWorkbookPackage(const SafeZip& zip) {
  std::string types;
  if (zip.Has(kContentTypes) && !zip.Read(kContentTypes, &types)) {
    if (types.find("spreadsheetml.sheet.main") != std::string::npos ||
        types.find("spreadsheetml.template.main") != std::string::npos ||
        types.find("ms-excel.sheet.macroEnabled.main") != std::string::npos)
      return true;
    if (types.find("wordprocessingml.document.main") != std::string::npos) return false;
  }
  return zip.Has(kDefaultWorkbook) && !zip.Has("word/document.xml");
}

std::string ResolveTarget(const std::string& source_part, const std::string& target) {
  std::string path;
  if (!target.empty() && target.front() == '/') {
    path = target.substr(1);
  } else {
    const std::size_t slash = source_part.rfind('/');
    path = (slash == std::string::npos ? "" : source_part.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& seg : parts) out += (out.empty() ? "" : "/") + seg;
  return out;
}

std::optional<Issue> ReadWorkbook(const SafeZip& zip, Workbook* out, std::vector<Issue>* warnings) {
  Relationships root_rels;
  if (auto error = ReadRelationships(zip, "", &root_rels)) {
    if (error->code != "xml_malformed") return error;
    error->severity = Severity::kWarning;
    error->message += " (looking for xl/workbook.xml instead)";
    warnings->push_back(std::move(*error));
  }
  out->part = PartOfType(root_rels, "/officeDocument");
  if (out->part.empty() || !zip.Has(out->part)) out->part = kDefaultWorkbook;
  if (!zip.Has(out->part))
    return MakeError("missing_part", "not a valid XLSX: the package has no " + out->part +
                                         " (the workbook part)");
  Relationships rels;
  if (auto error = ReadRelationships(zip, out->part, &rels)) return error;
  std::string bytes;
  std::optional<Issue> error = zip.Read(out->part, &bytes);
  docx::XmlDocPtr doc;
  if (!error) doc = docx::ParseSmallPart(bytes, out->part, &error);
  if (error) return error;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || !IsS(root, "workbook"))
    return MakeError("missing_part", out->part + " is not a SpreadsheetML workbook");
  ReadSheets(root, rels, out);
  ReadPrintTitles(root, out);
  out->shared_strings_part = PartOfType(rels, "/sharedStrings");
  out->styles_part = PartOfType(rels, "/styles");
  return std::nullopt;
}

}  // namespace cnbudget::xlsx
