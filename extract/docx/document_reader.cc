#include "extract/docx/document_reader.h"

#include <libxml/xmlreader.h>

#include <climits>
#include <memory>

#include "extract/docx/blocks.h"
#include "extract/docx/ooxml.h"
#include "extract/docx/paragraph_text.h"
#include "extract/docx/safe_xml.h"
#include "extract/docx/table_grid.h"

namespace cnbudget::docx {
namespace {

// Paragraphs become text lines; tables become RawTables.
class BodyReader : public BlockVisitor {
 public:
  BodyReader(const ReadContext& context, std::vector<Block>* blocks)
      : context_(context), inline_(context), blocks_(blocks) {}

  void OnParagraph(const xmlNode* p) override {
    ParagraphText t = inline_.Read(p);
    if (t.has_text) {
      TextLine line;
      line.text = std::move(t.text);
      line.bold = t.all_bold;
      line.font_size = t.font_size;
      blocks_->push_back(std::move(line));
    }
    for (const xmlNode* box : t.textboxes) VisitChildren(box, this);
  }

  void OnTable(const xmlNode* tbl) override { AppendTable(tbl, 0, context_, blocks_); }

 private:
  const ReadContext& context_;
  InlineReader inline_;
  std::vector<Block>* blocks_;
};

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

}  // namespace

std::optional<Issue> ReadDocumentXml(const std::string& xml, const std::string& part,
                                     const ReadContext& context, std::vector<Block>* blocks) {
  if (auto refused = RefuseEntityDeclarations(xml, part)) return refused;
  if (xml.size() > static_cast<std::size_t>(INT_MAX))
    return MakeError("zip_entry_too_large", part + " is too large to parse");

  std::unique_ptr<xmlTextReader, ReaderFree> reader(xmlReaderForMemory(
      xml.data(), static_cast<int>(xml.size()), part.c_str(), nullptr, SafeXmlOptions()));
  if (reader == nullptr) return Malformed(part, "the parser could not start");
  std::string first_error;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), RecordError, &first_error);

  BodyReader body(context, blocks);
  bool in_body = false, saw_body = false;
  int status = xmlTextReaderRead(reader.get());
  while (status == 1) {
    const int type = xmlTextReaderNodeType(reader.get());
    const int depth = xmlTextReaderDepth(reader.get());
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
      // Not xmlTextReaderCurrentDoc: it would hand the document's ownership
      // to us (and leak it on this early return).
      const xmlNode* node = xmlTextReaderCurrentNode(reader.get());
      const xmlDoc* doc = node != nullptr ? node->doc : nullptr;
      if (doc != nullptr && (DeclaresEntities(doc->intSubset) || DeclaresEntities(doc->extSubset)))
        return EntityRefused(part);
    } else if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
      return EntityRefused(part);
    } else if (type == XML_READER_TYPE_ELEMENT && depth == 1) {
      in_body = IsW(xmlTextReaderCurrentNode(reader.get()), "body");
      saw_body = saw_body || in_body;
    } else if (type == XML_READER_TYPE_ELEMENT && depth == 2 && in_body) {
      const xmlNode* block = xmlTextReaderExpand(reader.get());
      if (block == nullptr) break;  // a parse error inside the block
      VisitBlock(block, &body);
      status = xmlTextReaderNext(reader.get());
      continue;
    }
    status = xmlTextReaderRead(reader.get());
  }
  if (status != 0 || !first_error.empty()) return Malformed(part, first_error);
  if (!saw_body) return MakeError("missing_part", part + " has no w:body element");
  return std::nullopt;
}

}  // namespace cnbudget::docx
