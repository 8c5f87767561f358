// pdf_dump: prints what PdfDocument reads from PDF pages (runs, rulings,
// fills, image coverage), for debugging the reader and the table builders.
//
//   pdf_dump FILE [FIRST [LAST]] [--glyphs]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "extract/pdf/pdf_document.h"

namespace {

void DumpPage(const cnbudget::pdf::PageContent& page, bool glyphs) {
  std::printf(
      "=== page %d  %.1f x %.1f  glyphs %zu  runs %zu  rulings %zu  fills %zu  image %.3f  turn %d\n",
      page.number, page.width, page.height, page.glyphs.size(), page.runs.size(),
      page.rulings.size(), page.fills.size(), page.image_coverage, page.reading_turn);
  for (const auto& run : page.runs) {
    std::printf("run  %7.2f %7.2f %7.2f %7.2f  fs %5.2f%s  %s\n", run.box.x0, run.box.y0,
                run.box.x1, run.box.y1, run.font_size, run.bold ? " B" : "  ", run.text.c_str());
  }
  for (const auto& r : page.rulings) {
    std::printf("%s %7.2f %7.2f %7.2f %7.2f\n", r.horizontal() ? "hrul" : "vrul", r.x0, r.y0, r.x1,
                r.y1);
  }
  for (const auto& f : page.fills) {
    std::printf("fill %7.2f %7.2f %7.2f %7.2f\n", f.x0, f.y0, f.x1, f.y1);
  }
  if (!glyphs) return;
  for (const auto& g : page.glyphs) {
    std::printf("gly  %7.2f %7.2f %7.2f %7.2f  fs %5.2f dir %3d%s  %s\n", g.box.x0, g.box.y0,
                g.box.x1, g.box.y1, g.font_size, g.direction, g.bold ? " B" : "  ", g.text.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args;
  bool glyphs = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--glyphs") == 0) {
      glyphs = true;
    } else {
      args.push_back(argv[i]);
    }
  }
  if (args.empty()) {
    std::fprintf(stderr, "usage: pdf_dump FILE [FIRST [LAST]] [--glyphs]\n");
    return 2;
  }
  cnbudget::Issue error;
  auto doc = cnbudget::pdf::PdfDocument::Open(args[0], &error);
  if (!doc) {
    std::fprintf(stderr, "error %s: %s\n", error.code.c_str(), error.message.c_str());
    return 2;
  }
  int first = args.size() > 1 ? std::atoi(args[1].c_str()) : 1;
  int last = args.size() > 2 ? std::atoi(args[2].c_str()) : (args.size() > 1 ? first : doc->page_count());
  std::printf("pages %d\n", doc->page_count());
  for (const auto& w : doc->open_warnings()) std::printf("warning %s: %s\n", w.code.c_str(), w.message.c_str());
  for (int n = first; n <= last; ++n) {
    std::vector<cnbudget::Issue> warnings;
    DumpPage(doc->ReadPage(n, &warnings), glyphs);
    for (const auto& w : warnings) std::printf("warning %s: %s\n", w.code.c_str(), w.message.c_str());
  }
  return 0;
}
