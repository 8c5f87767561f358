#include "extract/docx/safe_xml.h"

#include <libxml/parser.h>

#include <cstring>

namespace cnbudget::docx {

int SafeXmlOptions() {
  // Not XML_PARSE_NOENT (substitution), XML_PARSE_DTDLOAD/DTDVALID (external
  // subsets) nor XML_PARSE_HUGE. NONET blocks http/ftp loads as a backstop.
  return XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
}

std::optional<Issue> RefuseEntityDeclarations(const std::string& bytes,
                                              const std::string& part) {
  static constexpr char kEntity[] = "<!ENTITY";
  if (bytes.find(kEntity) == std::string::npos) return std::nullopt;
  return MakeError("xml_entity_refused",
                   part + " declares XML entities (a DOCTYPE with <!ENTITY>); refused "
                          "without resolving them, as a possible XXE attack");
}

bool DeclaresEntities(const xmlDtd* dtd) {
  if (dtd == nullptr) return false;
  if (dtd->entities != nullptr || dtd->pentities != nullptr) return true;
  for (const xmlNode* c = dtd->children; c != nullptr; c = c->next)
    if (c->type == XML_ENTITY_DECL) return true;
  return false;
}

XmlDocPtr ParseSmallPart(const std::string& bytes, const std::string& part,
                         std::optional<Issue>* error) {
  if ((*error = RefuseEntityDeclarations(bytes, part))) return nullptr;
  XmlDocPtr doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), part.c_str(),
                              nullptr, SafeXmlOptions()));
  if (doc == nullptr) {
    const xmlError* last = xmlGetLastError();
    std::string detail = last != nullptr && last->message != nullptr ? last->message : "";
    while (!detail.empty() && detail.back() == '\n') detail.pop_back();
    *error = MakeError("xml_malformed", part + " is not well-formed XML: " + detail);
    return nullptr;
  }
  if (DeclaresEntities(doc->intSubset) || DeclaresEntities(doc->extSubset)) {
    *error = MakeError("xml_entity_refused",
                       part + " declares XML entities; refused without resolving them");
    return nullptr;
  }
  return doc;
}

}  // namespace cnbudget::docx
