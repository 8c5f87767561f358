#include "tests/pdf_reader/pdf_writer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace cnbudget::pdf::testing {

std::string MakePdf(const std::vector<TestPage>& pages) {
  // Objects: 1 catalog, 2 page tree, 3-4 fonts, then (page, content) pairs.
  std::vector<std::string> objects;
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (size_t i = 0; i < pages.size(); ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) +
                    " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    const TestPage& p = pages[i];
    char media[128];
    std::snprintf(media, sizeof media, "[0 0 %g %g]", p.width, p.height);
    std::string page = "<< /Type /Page /Parent 2 0 R /MediaBox " + std::string(media);
    if (!p.crop_box.empty()) page += " /CropBox [" + p.crop_box + "]";
    if (p.rotate != 0) page += " /Rotate " + std::to_string(p.rotate);
    page += " /Resources << /Font << /F1 3 0 R /F2 4 0 R >> " + p.extra_resources + " >> /Contents " +
            std::to_string(6 + 2 * i) +
            " 0 R >>";
    objects.push_back(page);
    objects.push_back("<< /Length " + std::to_string(p.content.size()) + " >>\nstream\n" +
                      p.content + "\nendstream");
  }
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string WriteTempFile(const std::string& name, const std::string& bytes) {
  // One directory per process: ctest may run several tests at once.
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("cnbudget_pdf_reader_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::filesystem::path path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

}  // namespace cnbudget::pdf::testing
