// PdfDocument on hand-made PDFs: glyph geometry, runs, rulings, rotation,
// crop box, fake bold, images, bad input.
#include "extract/pdf/pdf_document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "tests/pdf_reader/pdf_writer.h"

namespace cnbudget::pdf {
namespace {

using testing::MakePdf;
using testing::TestPage;
using testing::WriteTempFile;

// Opens a one-page PDF made of `page` and reads its page 1.
PageContent ReadOnePage(const std::string& name, const TestPage& page,
                        std::vector<Issue>* warnings = nullptr) {
  std::string path = WriteTempFile(name, MakePdf({page}));
  Issue error;
  auto doc = PdfDocument::Open(path, &error);
  EXPECT_NE(doc, nullptr) << error.code << ": " << error.message;
  if (!doc) return PageContent();
  EXPECT_EQ(doc->page_count(), 1);
  return doc->ReadPage(1, warnings);
}

std::vector<std::string> RunTexts(const PageContent& page) {
  std::vector<std::string> texts;
  for (const TextRun& run : page.runs) texts.push_back(run.text);
  return texts;
}

TEST(PdfDocumentTest, GlyphsHaveTopLeftGeometry) {
  TestPage page;
  page.content = "BT /F1 12 Tf 72 700 Td (Hello World) Tj ET\n"
                 "BT /F1 12 Tf 72 680 Td (Total 123) Tj ET";
  PageContent content = ReadOnePage("text.pdf", page);
  EXPECT_EQ(content.number, 1);
  EXPECT_DOUBLE_EQ(content.width, 612);
  EXPECT_DOUBLE_EQ(content.height, 792);
  ASSERT_EQ(content.glyphs.size(), 18u);  // 20 characters minus 2 spaces
  const Glyph& h = content.glyphs[0];
  EXPECT_EQ(h.text, "H");
  EXPECT_NEAR(h.box.x0, 72, 0.01);
  EXPECT_NEAR(h.box.x1, 72 + 0.722 * 12, 0.01);  // Helvetica 'H' advance
  EXPECT_LT(h.box.y0, 792 - 700 - 6);            // baseline at y = 92, ascent above
  EXPECT_GT(h.box.y1, 92);                       // descent below the baseline
  EXPECT_DOUBLE_EQ(h.font_size, 12);
  EXPECT_EQ(h.direction, 0);
  EXPECT_FALSE(h.bold);
  EXPECT_EQ(RunTexts(content), (std::vector<std::string>{"Hello World", "Total 123"}));
  EXPECT_DOUBLE_EQ(content.image_coverage, 0);
}

TEST(PdfDocumentTest, BoldFromFontNameAndFillStrokeRendering) {
  TestPage page;
  page.content = "BT /F2 12 Tf 72 700 Td (Bold) Tj ET\n"
                 "q BT 2 Tr /F1 12 Tf 72 650 Td (Fake) Tj ET Q\n"  // Tr is graphics state
                 "BT /F1 12 Tf 72 600 Td (Plain) Tj ET";
  PageContent content = ReadOnePage("bold.pdf", page);
  ASSERT_EQ(content.runs.size(), 3u);
  EXPECT_TRUE(content.runs[0].bold);
  EXPECT_TRUE(content.runs[1].bold);
  EXPECT_FALSE(content.runs[2].bold);
}

TEST(PdfDocumentTest, FakeBoldDuplicatesAreDropped) {
  TestPage page;
  page.content = "BT /F1 12 Tf 72 700 Td (AB) Tj ET\n"
                 "BT /F1 12 Tf 72.3 700 Td (AB) Tj ET\n"
                 "BT /F1 12 Tf 72 650 Td (AA) Tj ET";  // a real repeat stays
  PageContent content = ReadOnePage("fakebold.pdf", page);
  ASSERT_EQ(content.glyphs.size(), 4u);
  EXPECT_EQ(RunTexts(content), (std::vector<std::string>{"AB", "AA"}));
  EXPECT_TRUE(content.runs[0].bold);
  EXPECT_FALSE(content.runs[1].bold);
  EXPECT_NEAR(content.glyphs[0].box.x0, 72, 0.01);  // the first drawing is kept
}

TEST(PdfDocumentTest, RotatedPageIsReadAsDisplayed) {
  TestPage page;
  page.rotate = 90;
  // "AB" runs down the displayed page; "CD" is drawn turned so that it reads
  // left to right once the page is rotated, as landscape tables are.
  page.content = "BT /F1 12 Tf 72 700 Td (AB) Tj ET\n"
                 "BT /F1 12 Tf 0 1 -1 0 500 100 Tm (CD) Tj ET";
  PageContent content = ReadOnePage("rotate.pdf", page);
  EXPECT_DOUBLE_EQ(content.width, 792);
  EXPECT_DOUBLE_EQ(content.height, 612);
  ASSERT_EQ(content.glyphs.size(), 4u);
  const Glyph& a = content.glyphs[0];
  EXPECT_EQ(a.direction, 90);
  EXPECT_NEAR(a.box.y0, 72, 0.01);
  EXPECT_LT(a.box.x0, 700);
  EXPECT_GT(a.box.x1, 700);
  const Glyph& c = content.glyphs[2];
  EXPECT_EQ(c.text, "C");
  EXPECT_EQ(c.direction, 0);
  EXPECT_NEAR(c.box.x0, 100, 0.01);
  EXPECT_LT(c.box.y0, 500);
  EXPECT_GT(c.box.y1, 500);
  EXPECT_EQ(RunTexts(content), (std::vector<std::string>{"AB", "CD"}));
  EXPECT_EQ(content.runs[0].direction, 90);
  EXPECT_EQ(content.runs[1].direction, 0);
  EXPECT_EQ(content.reading_turn, 0);  // too few sideways glyphs to turn the page
}

TEST(PdfDocumentTest, DiagonalWatermarkTextIsIgnored) {
  TestPage page;
  page.content = "BT /F1 40 Tf 0.7071 0.7071 -0.7071 0.7071 200 300 Tm (DRAFT) Tj ET\n"
                 "BT /F1 12 Tf 72 700 Td (Table) Tj ET";
  PageContent content = ReadOnePage("watermark.pdf", page);
  EXPECT_EQ(RunTexts(content), (std::vector<std::string>{"Table"}));
}

TEST(PdfDocumentTest, SidewaysPageIsTurnedToRead) {
  TestPage page;  // portrait, no /Rotate, text running down the page
  page.content = "BT /F1 12 Tf 0 -1 1 0 100 700 Tm (Sideways text here) Tj ET\n"
                 "1 w 150 100 m 150 700 l S";
  PageContent content = ReadOnePage("sideways.pdf", page);
  EXPECT_EQ(content.reading_turn, 90);
  EXPECT_DOUBLE_EQ(content.width, 792);
  EXPECT_DOUBLE_EQ(content.height, 612);
  EXPECT_EQ(RunTexts(content), (std::vector<std::string>{"Sideways text here"}));
  ASSERT_FALSE(content.glyphs.empty());
  const Glyph& s = content.glyphs[0];
  EXPECT_EQ(s.direction, 0);
  EXPECT_NEAR(s.box.x0, 92, 0.01);  // displayed (100, 92) turned: (92, 612 - 100)
  EXPECT_LT(s.box.y0, 512);
  EXPECT_GT(s.box.y1, 512);
  ASSERT_EQ(content.rulings.size(), 1u);  // the vertical line is now horizontal
  EXPECT_TRUE(content.rulings[0].horizontal());
  EXPECT_NEAR(content.rulings[0].y0, 612 - 150, 0.01);
  EXPECT_NEAR(content.rulings[0].x0, 92, 0.01);
  EXPECT_NEAR(content.rulings[0].x1, 692, 0.01);
}

TEST(PdfDocumentTest, PageWithTextRunningUpIsTurnedTheOtherWay) {
  TestPage page;
  page.content = "BT /F1 12 Tf 0 1 -1 0 500 100 Tm (Sideways text here) Tj ET";
  PageContent content = ReadOnePage("sideways_up.pdf", page);
  EXPECT_EQ(content.reading_turn, 270);
  EXPECT_DOUBLE_EQ(content.width, 792);
  EXPECT_EQ(RunTexts(content), (std::vector<std::string>{"Sideways text here"}));
  ASSERT_FALSE(content.glyphs.empty());
  EXPECT_EQ(content.glyphs[0].direction, 0);
  EXPECT_NEAR(content.glyphs[0].box.x0, 100, 0.01);  // displayed (500, 692) turned
  EXPECT_LT(content.glyphs[0].box.y0, 500);
  EXPECT_GT(content.glyphs[0].box.y1, 500);
}

TEST(PdfDocumentTest, CropBoxIsTheOrigin) {
  TestPage page;
  page.crop_box = "100 100 500 700";
  page.content = "BT /F1 12 Tf 150 650 Td (X) Tj ET\n"
                 "1 w 0 400 m 612 400 l S";
  PageContent content = ReadOnePage("crop.pdf", page);
  EXPECT_DOUBLE_EQ(content.width, 400);
  EXPECT_DOUBLE_EQ(content.height, 600);
  ASSERT_EQ(content.glyphs.size(), 1u);
  EXPECT_NEAR(content.glyphs[0].box.x0, 50, 0.01);
  ASSERT_EQ(content.rulings.size(), 1u);  // clipped to the crop box
  const Ruling& r = content.rulings[0];
  EXPECT_TRUE(r.horizontal());
  EXPECT_DOUBLE_EQ(r.x0, 0);
  EXPECT_DOUBLE_EQ(r.x1, 400);
  EXPECT_NEAR(r.y0, 300, 0.01);
}

// 2 x 2 cells of 100 x 50 pt at x 100..300, y (displayed) 192..292.
void ExpectTwoByTwoGrid(const PageContent& content, double tolerance) {
  std::vector<Ruling> h, v;
  for (const Ruling& r : content.rulings) (r.horizontal() ? h : v).push_back(r);
  ASSERT_EQ(h.size(), 3u);
  ASSERT_EQ(v.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(h[i].y0, 192 + 50 * i, tolerance);
    EXPECT_NEAR(h[i].x0, 100, tolerance);
    EXPECT_NEAR(h[i].x1, 300, tolerance);
    EXPECT_NEAR(v[i].x0, 100 + 100 * i, tolerance);
    EXPECT_NEAR(v[i].y0, 192, tolerance);
    EXPECT_NEAR(v[i].y1, 292, tolerance);
  }
}

TEST(PdfDocumentTest, StrokedRectanglesBecomeMergedRulings) {
  TestPage page;
  page.content = "0.5 w 100 500 100 50 re 200 500 100 50 re 100 550 100 50 re 200 550 100 50 re S\n"
                 "100 100 m 300 300 l S";  // a diagonal is not a ruling
  ExpectTwoByTwoGrid(ReadOnePage("grid_stroked.pdf", page), 0.01);
}

TEST(PdfDocumentTest, ThinFilledRectanglesBecomeRulings) {
  TestPage page;
  page.content =
      "0 0 0 rg 99.75 499.75 200.5 0.5 re 99.75 549.75 200.5 0.5 re 99.75 599.75 200.5 0.5 re f\n"
      "99.75 499.75 0.5 100.5 re f 199.75 499.75 0.5 100.5 re f 299.75 499.75 0.5 100.5 re f\n"
      "0.8 g 100 300 200 20 re f\n"  // a shaded cell: a fill, not rulings
      "1 g 50 50 500 100 re f";      // white: ignored
  PageContent content = ReadOnePage("grid_filled.pdf", page);
  ExpectTwoByTwoGrid(content, 0.3);
  ASSERT_EQ(content.fills.size(), 1u);
  EXPECT_NEAR(content.fills[0].x0, 100, 0.01);
  EXPECT_NEAR(content.fills[0].y0, 792 - 320, 0.01);
}

TEST(PdfDocumentTest, FilledFrameBecomesFourRulings) {
  TestPage page;  // outer rectangle minus inner rectangle, even-odd filled
  page.content = "0 g 99 499 202 102 re 100 500 200 100 re f*";
  PageContent content = ReadOnePage("frame.pdf", page);
  ASSERT_EQ(content.rulings.size(), 4u);
  EXPECT_TRUE(content.fills.empty());
  EXPECT_NEAR(content.rulings[0].y0, 792 - 600.5, 0.01);
  EXPECT_NEAR(content.rulings[0].x0, 99, 0.01);
  EXPECT_NEAR(content.rulings[0].x1, 301, 0.01);
  EXPECT_NEAR(content.rulings[2].x0, 99.5, 0.01);
}

TEST(PdfDocumentTest, ShadingsAreNotRulings) {
  TestPage page;
  page.extra_resources =
      "/Shading << /Sh1 << /ShadingType 2 /ColorSpace /DeviceGray /Coords [0 0 0 200] "
      "/Function << /FunctionType 2 /Domain [0 1] /C0 [0] /C1 [1] /N 1 >> >> >>";
  page.content = "q 100 100 400 200 re W n /Sh1 sh Q";
  PageContent content = ReadOnePage("shading.pdf", page);
  EXPECT_TRUE(content.rulings.empty());
  EXPECT_TRUE(content.fills.empty());
}

TEST(PdfDocumentTest, ImageCoverage) {
  TestPage page;
  page.content = std::string("q 306 0 0 792 0 0 cm BI /W 2 /H 2 /CS /G /BPC 8 ID ") +
                 "\x80\x80\x80\x80" + " EI Q\nBT /F1 12 Tf 400 700 Td (after) Tj ET";
  PageContent content = ReadOnePage("image.pdf", page);
  EXPECT_NEAR(content.image_coverage, 0.5, 0.001);
  EXPECT_EQ(RunTexts(content), (std::vector<std::string>{"after"}));  // stream read past EI
}

TEST(PdfDocumentTest, NumbersDrawnInPiecesJoinButSeparateNumbersDoNot) {
  TestPage page;
  // Helvetica 10 pt: '1' and '8' are 5.56 wide, ',' and '.' 2.78; each piece
  // is followed by a 6 pt gap (0.6 em, wider than a run gap).
  page.content = "BT /F1 10 Tf 100 600 Td (1,) Tj 14.34 0 Td (858.) Tj 25.46 0 Td (41) Tj ET\n"
                 "BT /F1 10 Tf 100 550 Td (12) Tj 17.12 0 Td (34) Tj ET\n"
                 "BT /F1 10 Tf 100 500 Td [(ab) -200 (cd)] TJ ET";  // 2 pt gap: a word space
  PageContent content = ReadOnePage("numbers.pdf", page);
  EXPECT_EQ(RunTexts(content), (std::vector<std::string>{"1,858.41", "12", "34", "ab cd"}));
}

TEST(PdfDocumentTest, RulingBetweenGlyphsSplitsRun) {
  TestPage page;
  page.content = "BT /F1 10 Tf 100 400 Td (12) Tj 12.12 0 Td (34) Tj ET\n"
                 "0.5 w 111.62 390 m 111.62 415 l S\n"
                 "BT /F1 10 Tf 100 300 Td (12) Tj 12.12 0 Td (34) Tj ET";
  PageContent content = ReadOnePage("split.pdf", page);
  EXPECT_EQ(RunTexts(content), (std::vector<std::string>{"12", "34", "1234"}));
}

TEST(PdfDocumentTest, PageOutOfRangeWarns) {
  std::string path = WriteTempFile("range.pdf", MakePdf({TestPage()}));
  Issue error;
  auto doc = PdfDocument::Open(path, &error);
  ASSERT_NE(doc, nullptr);
  std::vector<Issue> warnings;
  PageContent content = doc->ReadPage(2, &warnings);
  EXPECT_EQ(content.number, 2);
  EXPECT_TRUE(content.glyphs.empty());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "pdf_page_out_of_range");
  EXPECT_EQ(warnings[0].severity, Severity::kWarning);
}

TEST(PdfDocumentTest, BadFilesGiveCleanErrors) {
  struct Case {
    std::string name, bytes, code;
  } cases[] = {
      {"empty.pdf", "", "pdf_damaged"},
      {"garbage.pdf", "this is not a PDF at all\n", "pdf_damaged"},
      {"nopages.pdf", MakePdf({}), "pdf_no_pages"},
  };
  for (const Case& c : cases) {
    Issue error;
    auto doc = PdfDocument::Open(WriteTempFile(c.name, c.bytes), &error);
    EXPECT_EQ(doc, nullptr) << c.name;
    EXPECT_EQ(error.code, c.code) << c.name << ": " << error.message;
    EXPECT_EQ(error.severity, Severity::kError) << c.name;
  }
  Issue error;
  EXPECT_EQ(PdfDocument::Open("/nonexistent/dir/file.pdf", &error), nullptr);
  EXPECT_EQ(error.code, "unreadable_file");
  std::string dir = WriteTempFile("probe.pdf", "");
  dir = dir.substr(0, dir.rfind('/'));
  EXPECT_EQ(PdfDocument::Open(dir, &error), nullptr);  // a directory
  EXPECT_EQ(error.code, "unreadable_file");
}

TEST(PdfDocumentTest, TruncatedFileIsRepairedOrRejected) {
  TestPage page;
  page.content = "BT /F1 12 Tf 72 700 Td (Hello) Tj ET";
  std::string bytes = MakePdf({page});
  bytes.resize(bytes.find("xref"));  // no cross-reference table, no trailer
  Issue error;
  auto doc = PdfDocument::Open(WriteTempFile("noxref.pdf", bytes), &error);
  // Poppler can rebuild the xref from the objects; then the text must be there.
  if (doc) {
    EXPECT_EQ(RunTexts(doc->ReadPage(1, nullptr)), (std::vector<std::string>{"Hello"}));
  } else {
    EXPECT_EQ(error.code, "pdf_damaged");
  }
}

// A wrong xref offset for the page object: Poppler opens the file without
// complaint and rebuilds the xref only when page 1 is fetched. The repair
// callback then runs long after Open returned (fuzz_pdf found it writing to
// Open's dead stack frame); the repair must be reported once, by ReadPage.
TEST(PdfDocumentTest, XrefRebuiltWhileReadingAPageIsReportedOnce) {
  TestPage page;
  page.content = "BT /F1 12 Tf 72 700 Td (Hello) Tj ET";
  std::string bytes = MakePdf({page});
  char page_entry[32];  // object 5 is the page (see pdf_writer.cc)
  std::snprintf(page_entry, sizeof page_entry, "%010zu 00000 n", bytes.find("5 0 obj"));
  const size_t at = bytes.find(page_entry);
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, 10, "0000000009");
  Issue error;
  auto doc = PdfDocument::Open(WriteTempFile("late_repair.pdf", bytes), &error);
  ASSERT_NE(doc, nullptr) << error.message;
  EXPECT_TRUE(doc->open_warnings().empty());
  std::vector<Issue> warnings;
  EXPECT_EQ(RunTexts(doc->ReadPage(1, &warnings)), (std::vector<std::string>{"Hello"}));
  auto repaired = [](const std::vector<Issue>& issues) {
    return std::count_if(issues.begin(), issues.end(),
                         [](const Issue& i) { return i.code == "pdf_repaired"; });
  };
  EXPECT_EQ(repaired(warnings), 1);
  warnings.clear();
  doc->ReadPage(1, &warnings);
  EXPECT_EQ(repaired(warnings), 0);
}

}  // namespace
}  // namespace cnbudget::pdf
