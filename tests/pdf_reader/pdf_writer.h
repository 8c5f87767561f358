// Test helper: writes tiny hand-made PDFs so the reader tests need no fixture
// files. Every page has the standard-14 fonts (not embedded) Helvetica as
// /F1 and Helvetica-Bold as /F2.
#pragma once

#include <string>
#include <vector>

namespace cnbudget::pdf::testing {

struct TestPage {
  std::string content;               // the page's content stream
  double width = 612, height = 792;  // MediaBox [0 0 width height]
  int rotate = 0;                    // /Rotate
  std::string crop_box;              // e.g. "100 100 500 700"; empty: none
  std::string extra_resources;       // e.g. "/Shading << /Sh1 ... >>"
};

// Returns the bytes of a PDF with the given pages.
std::string MakePdf(const std::vector<TestPage>& pages);

// Writes `bytes` to a fresh file under the test temp dir; returns its path.
std::string WriteTempFile(const std::string& name, const std::string& bytes);

}  // namespace cnbudget::pdf::testing
