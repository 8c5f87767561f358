// ExtractDocx: a DOCX package to Layout blocks (see extract/extract.h).
//
// The package is opened with SafeZip (capped inflation), the main document
// part is streamed by ReadDocumentXml, and the styles and numbering parts,
// when present and sound, add bold and size hints and list labels: a broken
// helper part costs a warning, never the document.
#include <string>

#include "extract/docx/document_reader.h"
#include "extract/docx/numbering.h"
#include "extract/docx/package.h"
#include "extract/docx/safe_xml.h"
#include "extract/docx/safe_zip.h"
#include "extract/docx/styles.h"
#include "extract/extract.h"

namespace cnbudget {
namespace {

Layout Failed(Layout layout, Issue issue) {
  layout.blocks.clear();
  layout.issues.push_back(std::move(issue));
  return layout;
}

// Parses an optional helper part (styles, numbering). A problem there is
// reported as a warning saying what is lost; the document is still read.
docx::XmlDocPtr ParseHelperPart(const SafeZip& zip, const std::string& part, const char* lost,
                                Layout* layout) {
  if (!zip.Has(part)) return nullptr;
  std::string bytes;
  std::optional<Issue> error = zip.Read(part, &bytes);
  docx::XmlDocPtr doc;
  if (!error) doc = docx::ParseSmallPart(bytes, part, &error);
  if (!error) return doc;
  error->severity = Severity::kWarning;
  error->message += std::string(" (ignored: ") + lost + ")";
  layout->issues.push_back(std::move(*error));
  return nullptr;
}

}  // namespace

Layout ExtractDocx(const std::string& path, const ExtractOptions& options) {
  Layout layout;
  layout.format = "docx";
  SafeZip zip;
  if (auto error = docx::OpenPackage(path, options, &zip)) return Failed(std::move(layout), *error);
  std::string main_part;
  if (auto error = docx::FindMainPart(zip, &main_part, &layout.issues))
    return Failed(std::move(layout), *error);

  const std::string folder = docx::PartFolder(main_part);
  docx::StyleSheet styles;
  if (auto doc = ParseHelperPart(zip, folder + "styles.xml",
                                 "bold and sizes given by styles are lost", &layout))
    styles.Load(xmlDocGetRootElement(doc.get()));
  docx::Numbering numbering;
  if (auto doc = ParseHelperPart(zip, folder + "numbering.xml",
                                 "automatic list numbers are lost", &layout))
    numbering.Load(xmlDocGetRootElement(doc.get()));
  const docx::ReadContext context{&styles, &numbering};

  std::string xml;
  if (auto error = zip.Read(main_part, &xml)) return Failed(std::move(layout), *error);
  if (auto error = docx::ReadDocumentXml(xml, main_part, context, &layout.blocks))
    return Failed(std::move(layout), *error);
  return layout;
}

}  // namespace cnbudget
