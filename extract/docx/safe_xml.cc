#include "extract/docx/safe_xml.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <climits>
#include <cstring>

namespace cnbudget::docx {
namespace {

struct ReaderFree {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

// Keeps the first parse error for the message.
void RecordError(void* arg, xmlError* error) {
  auto* first = static_cast<std::string*>(arg);
  if (!first->empty() || error == nullptr || error->message == nullptr) return;
  *first = error->message;
  while (!first->empty() && first->back() == '\n') first->pop_back();
  *first += " (line " + std::to_string(error->line) + ")";
}

Issue Malformed(const std::string& part, const std::string& detail) {
  return MakeError("xml_malformed", part + " is not well-formed XML" +
                                        (detail.empty() ? "" : ": " + detail));
}

Issue EntityRefused(const std::string& part) {
  return MakeError("xml_entity_refused",
                   part + " declares or uses XML entities; refused without resolving them, "
                          "as a possible XXE attack");
}

bool DocumentDeclaresEntities(xmlTextReader* reader) {
  // Not xmlTextReaderCurrentDoc: it would hand the document's ownership to
  // us (and leak it on an early return).
  const xmlNode* node = xmlTextReaderCurrentNode(reader);
  const xmlDoc* doc = node != nullptr ? node->doc : nullptr;
  return doc != nullptr &&
         (DeclaresEntities(doc->intSubset) || DeclaresEntities(doc->extSubset));
}

}  // namespace

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

std::optional<Issue> StreamPart(const std::string& xml, const std::string& part,
                                const WantSubtree& want, const OnSubtree& on_subtree) {
  if (auto refused = RefuseEntityDeclarations(xml, part)) return refused;
  if (xml.size() > static_cast<std::size_t>(INT_MAX))
    return MakeError("zip_entry_too_large", part + " is too large to parse");
  std::unique_ptr<xmlTextReader, ReaderFree> reader(xmlReaderForMemory(
      xml.data(), static_cast<int>(xml.size()), part.c_str(), nullptr, SafeXmlOptions()));
  if (reader == nullptr) return Malformed(part, "the parser could not start");
  std::string first_error;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), RecordError, &first_error);

  int status = xmlTextReaderRead(reader.get());
  while (status == 1) {
    const int type = xmlTextReaderNodeType(reader.get());
    if (type == XML_READER_TYPE_DOCUMENT_TYPE && DocumentDeclaresEntities(reader.get()))
      return EntityRefused(part);
    if (type == XML_READER_TYPE_ENTITY_REFERENCE) return EntityRefused(part);
    if (type == XML_READER_TYPE_ELEMENT &&
        want(xmlTextReaderDepth(reader.get()), xmlTextReaderCurrentNode(reader.get()))) {
      const xmlNode* subtree = xmlTextReaderExpand(reader.get());
      if (subtree == nullptr) break;  // a parse error inside the subtree
      if (!on_subtree(subtree)) return std::nullopt;
      status = xmlTextReaderNext(reader.get());
      continue;
    }
    status = xmlTextReaderRead(reader.get());
  }
  if (status != 0 || !first_error.empty()) return Malformed(part, first_error);
  return std::nullopt;
}

}  // namespace cnbudget::docx
