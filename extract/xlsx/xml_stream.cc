#include "extract/xlsx/xml_stream.h"

#include <libxml/xmlreader.h>

#include <climits>
#include <memory>

#include "extract/docx/safe_xml.h"

namespace cnbudget::xlsx {
namespace {

struct ReaderFree {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

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
  const xmlNode* node = xmlTextReaderCurrentNode(reader);
  const xmlDoc* doc = node != nullptr ? node->doc : nullptr;
  return doc != nullptr &&
         (docx::DeclaresEntities(doc->intSubset) || docx::DeclaresEntities(doc->extSubset));
}

}  // namespace

std::optional<Issue> StreamPart(const std::string& xml, const std::string& part,
                                const WantSubtree& want, const OnSubtree& on_subtree) {
  if (auto refused = docx::RefuseEntityDeclarations(xml, part)) return refused;
  if (xml.size() > static_cast<std::size_t>(INT_MAX))
    return MakeError("zip_entry_too_large", part + " is too large to parse");
  std::unique_ptr<xmlTextReader, ReaderFree> reader(xmlReaderForMemory(
      xml.data(), static_cast<int>(xml.size()), part.c_str(), nullptr, docx::SafeXmlOptions()));
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

}  // namespace cnbudget::xlsx
