// ExtractLegacyOffice: a Word or Excel 97-2003 file is converted by
// LibreOffice to DOCX or XLSX and read by the same readers as those, so the
// output is the same model; an info issue says it was converted.
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

#include "extract/extract.h"
#include "extract/legacy/office_converter.h"
#include "extract/legacy/ole2_directory.h"

namespace cnbudget {
namespace {

namespace fs = std::filesystem;

// Without a document budget (an in-process run) the converter still gets a
// limit: a file that makes LibreOffice loop must not hang the caller.
constexpr double kConverterSecondsWithoutBudget = 300;

// A private folder for one conversion, removed with everything in it.
class WorkFolder {
 public:
  WorkFolder() {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "cnbudget-legacy-XXXXXX").string();
    if (!ec && mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~WorkFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  WorkFolder(const WorkFolder&) = delete;
  WorkFolder& operator=(const WorkFolder&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Layout Failed(const char* format, Issue error) {
  Layout layout;
  layout.format = format;
  layout.issues.push_back(std::move(error));
  return layout;
}

}  // namespace

Layout ExtractLegacyOffice(const std::string& path, const ExtractOptions& options) {
  using legacy::Ole2Kind;
  const Ole2Kind kind = legacy::ClassifyOle2(path);
  if (kind == Ole2Kind::kDamaged)
    return Failed("", MakeError("ole2_damaged",
                                "an OLE2 compound file (the container of Word and Excel 97-2003) "
                                "whose header or directory is damaged"));
  if (kind == Ole2Kind::kOther)
    return Failed("", MakeError("unsupported_format",
                                "an OLE2 compound file that is neither a Word nor an Excel 97-2003 "
                                "document (PowerPoint, an installer, a mail message...)"));
  const bool word = kind == Ole2Kind::kWord;
  const char* format = word ? "doc" : "xls";
  WorkFolder folder;
  if (folder.path().empty())
    return Failed(format, MakeError("legacy_conversion_failed",
                                    "cannot create a temporary folder for the conversion"));
  const double seconds =
      options.budget ? options.budget->RemainingSeconds() : kConverterSecondsWithoutBudget;
  const legacy::Conversion conversion =
      legacy::ConvertWithLibreOffice(path, kind, folder.path(), seconds);
  if (conversion.error) return Failed(format, *conversion.error);
  Layout layout = word ? ExtractDocx(conversion.output, options)
                       : ExtractXlsx(conversion.output, options);
  layout.format = format;
  if (!layout.failed()) {
    Issue converted;
    converted.severity = Severity::kInfo;
    converted.code = "legacy_converted";
    converted.message = std::string("a ") + legacy::Ole2KindName(kind) +
                        " file (OLE2), converted to " + (word ? "DOCX" : "XLSX") +
                        " by LibreOffice before reading; what the conversion does not carry "
                        "over is not read";
    layout.issues.insert(layout.issues.begin(), std::move(converted));
  }
  return layout;
}

}  // namespace cnbudget
