#include "extract/docx/package.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <mutex>

#include "extract/docx/safe_xml.h"

namespace cnbudget::docx {
namespace {

constexpr const char* kRootRels = "_rels/.rels";
constexpr const char* kDefaultMainPart = "word/document.xml";

bool EndsWith(const std::string& s, const char* suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string s = reinterpret_cast<const char*>(value);
  xmlFree(value);
  return s;
}

// Package-relative target of a root relationship: "/word/a.xml" and
// "word/a.xml" and "./word/a.xml" all name the part "word/a.xml".
std::string PartName(std::string target) {
  while (!target.empty() && target.front() == '/') target.erase(0, 1);
  while (target.rfind("./", 0) == 0) target.erase(0, 2);
  return target;
}

// The officeDocument target named by _rels/.rels, or "" when none.
std::string OfficeDocumentTarget(const xmlDoc* rels) {
  const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(rels));
  if (root == nullptr) return "";
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE ||
        std::strcmp(reinterpret_cast<const char*>(c->name), "Relationship") != 0)
      continue;
    // Transitional and strict type URIs both end this way.
    if (EndsWith(Attribute(c, "Type"), "/officeDocument") &&
        Attribute(c, "TargetMode") != "External")
      return PartName(Attribute(c, "Target"));
  }
  return "";
}

}  // namespace

std::string PartFolder(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::optional<Issue> FindMainPart(const SafeZip& zip, std::string* part,
                                  std::vector<Issue>* warnings) {
  *part = kDefaultMainPart;
  if (zip.Has(kRootRels)) {
    std::string bytes;
    std::optional<Issue> error = zip.Read(kRootRels, &bytes);
    XmlDocPtr rels;
    if (!error) rels = ParseSmallPart(bytes, kRootRels, &error);
    if (error && error->code != "xml_malformed") return error;
    if (error) {
      error->severity = Severity::kWarning;
      error->message += " (looking for word/document.xml instead)";
      warnings->push_back(std::move(*error));
    } else {
      const std::string target = OfficeDocumentTarget(rels.get());
      if (!target.empty() && zip.Has(target)) *part = target;
    }
  }
  if (!zip.Has(*part))
    return MakeError("missing_part", "not a valid DOCX: the package has no " + *part +
                                         " (the main document part)");
  return std::nullopt;
}

std::optional<Issue> OpenPackage(const std::string& path, const ExtractOptions& options,
                                 SafeZip* zip) {
  static std::once_flag libxml_ready;
  std::call_once(libxml_ready, xmlInitParser);
  ZipLimits limits;
  limits.max_entry_bytes = options.max_zip_entry_bytes;
  limits.max_ratio = options.max_zip_ratio;
  return zip->Open(path, limits);
}

}  // namespace cnbudget::docx
