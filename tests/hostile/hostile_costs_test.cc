// Inputs crafted to cost minutes, gigabytes or undefined behaviour (issue
// 15, items 1-3), built at test time and read through the library: each
// must end quickly with its data bounded and a warning saying what was left.
#include <random>
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "tests/hostile/hostile_files.h"

namespace cnbudget::hostile {
namespace {

bool HasIssue(const Layout& layout, const std::string& code, const std::string& part = "") {
  for (const Issue& i : layout.issues)
    if (i.code == code && i.message.find(part) != std::string::npos) return true;
  return false;
}

std::string Issues(const Layout& layout) {
  std::string s;
  for (const Issue& i : layout.issues) s += i.code + ": " + i.message + "\n";
  return s;
}

std::size_t CellCount(const Layout& layout) {
  std::size_t n = 0;
  for (const Block& b : layout.blocks)
    if (const auto* t = std::get_if<RawTable>(&b)) n += t->cells.size();
  return n;
}

// A one-page PDF (612 x 792 unless media_box says otherwise) drawing
// `content`, with the image XObject /Im1 when image is not empty.
std::string OnePagePdf(const std::string& content, const std::string& image = "",
                       const std::string& media_box = "[0 0 612 792]") {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox " + media_box +
          " /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 "
          "/BaseFont /Helvetica >> >>" +
          (image.empty() ? "" : " /XObject << /Im1 5 0 R >>") + " >> >>",
      StreamObject(content)};
  if (!image.empty()) objects.push_back(image);
  return MakePdfFromObjects(objects);
}

// An 8-bit gray image XObject of width x height whose (deflated) samples
// are `samples`; a stream shorter than the image is legal and cheap to
// write, but a renderer still walks every declared pixel.
std::string GrayImage(int width, int height, const std::string& samples) {
  return StreamObject(Deflate(samples), "/Type /XObject /Subtype /Image /Width " +
                                            std::to_string(width) + " /Height " +
                                            std::to_string(height) +
                                            " /ColorSpace /DeviceGray /BitsPerComponent 8 "
                                            "/Filter /FlateDecode");
}

constexpr char kFullPageImage[] = "q 612 0 0 792 0 0 cm /Im1 Do Q";

// ---- 1: coordinates far outside any page ---------------------------------

TEST(HostileCosts, TextAtAstronomicalCoordinatesIsDroppedNotComputedWith) {
  // 1e20 (and a matrix that overflows to inf) reached a float-to-int64 cast
  // in the fake-bold check: undefined behaviour (the sanitizer build has
  // float-cast-overflow and aborts on it).
  const std::string e300 = "1" + std::string(300, '0');  // PDF numbers have no exponent
  const auto file = WriteFile(
      FreshDir("huge_tm") / "tm.pdf",
      OnePagePdf("BT /F1 12 Tf 1 0 0 1 100000000000000000000.0 100000000000000000000.0 Tm "
                 "(far) Tj ET BT /F1 12 Tf " + e300 + " 0 0 " + e300 + " " + e300 + " " + e300 +
                 " Tm (inf) Tj ET BT /F1 12 Tf 1 0 0 1 72 700 Tm (near) Tj ET"));
  const Layout layout = ExtractFile(file.string());
  ASSERT_FALSE(layout.failed()) << Issues(layout);
  std::string lines;
  for (const Block& b : layout.blocks)
    if (const auto* line = std::get_if<TextLine>(&b)) lines += line->text + "|";
  EXPECT_EQ(lines, "near|") << Issues(layout);
}

TEST(HostileCosts, PageOfAstronomicalSizeIsNotReadAndSaysSo) {
  const auto file = WriteFile(
      FreshDir("huge_box") / "box.pdf",
      OnePagePdf("BT /F1 12 Tf 1 0 0 1 50000000000000000000.0 50000000000000000000.0 Tm (x) Tj "
                 "ET 0 0 m 100000000000000000000.0 0 l S",
                 "", "[0 0 100000000000000000000.0 100000000000000000000.0]"));
  const Layout layout = ExtractFile(file.string());
  ASSERT_FALSE(layout.failed()) << Issues(layout);
  EXPECT_TRUE(HasIssue(layout, "pdf_page_box_absurd", "page 1 claims a size of")) << Issues(layout);
  EXPECT_TRUE(layout.blocks.empty());
}

// ---- 2: small files that cost minutes -------------------------------------

// A valid one-page PDF whose trailer, xref table or object header names a
// huge object number: Poppler sized its cross-reference table by it (40
// bytes an entry: 1.2 GB and seconds for a 4 KB file, found by fuzz_pdf).
std::string HugeObjectNumberPdf(const std::string& where) {
  const std::string page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>";
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  const std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>",
                                            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page};
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  if (where == "object") pdf += "30000001 0 obj\n<< >>\nendobj\n";
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 4\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    const std::string digits = std::to_string(offset);
    pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
  }
  if (where == "subsection") pdf += "29999990 1\n0000000009 00000 n \n";
  pdf += "trailer\n<< /Size " + std::string(where == "size" ? "30000000" : "4") +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

TEST(HostileCosts, HugeObjectNumbersAreRefusedBeforeTheTableIsBuilt) {
  for (const char* where : {"size", "subsection", "object"}) {
    const auto file =
        WriteFile(FreshDir(std::string("objects_") + where) / "o.pdf", HugeObjectNumberPdf(where));
    const Layout layout = ExtractFile(file.string());
    ASSERT_EQ(layout.issues.size(), 1u) << where << "\n" << Issues(layout);
    EXPECT_EQ(layout.issues[0].code, "pdf_too_many_objects") << where;
    EXPECT_NE(layout.issues[0].message.find("at most 500000 for its size"), std::string::npos)
        << layout.issues[0].message;
  }
}

TEST(HostileCosts, OrdinaryObjectNumbersPass) {
  const auto file = WriteFile(FreshDir("objects_ok") / "o.pdf", HugeObjectNumberPdf("none"));
  const Layout layout = ExtractFile(file.string());
  EXPECT_FALSE(layout.failed()) << Issues(layout);
  EXPECT_EQ(layout.pages, 1);
}

TEST(HostileCosts, ImageOfHugeDeclaredSizeIsNeverDecoded) {
  // 40,000 x 40,000 pixels declared in a stream of a few bytes: rendering
  // the page for OCR decoded all 1.6 G pixels (~48 s a page).
  const auto file = WriteFile(FreshDir("huge_image") / "image.pdf",
                              OnePagePdf(kFullPageImage, GrayImage(40000, 40000, "\x80")));
  const Layout layout = ExtractFile(file.string());
  ASSERT_FALSE(layout.failed()) << Issues(layout);
#ifdef CNBUDGET_OCR_ENABLED
  EXPECT_TRUE(HasIssue(layout, "pages_not_read", "million pixels")) << Issues(layout);
#endif
  EXPECT_FALSE(HasIssue(layout, "ocr_used")) << Issues(layout);
}

#ifdef CNBUDGET_OCR_ENABLED
TEST(HostileCosts, PageOfNoiseStopsAtThePerPageOcrLimit) {
  // Random gray: OCR read it as one huge text block for about a minute.
  std::mt19937 random(15);
  std::string samples(900 * 1200, '\0');
  for (char& c : samples) c = static_cast<char>(random() & 0xff);
  const auto file = WriteFile(FreshDir("noise") / "noise.pdf",
                              OnePagePdf(kFullPageImage, GrayImage(900, 1200, samples)));
  ExtractOptions options;
  options.ocr_page_max_seconds = 1;
  const Layout layout = ExtractFile(file.string(), options);
  ASSERT_FALSE(layout.failed()) << Issues(layout);
  EXPECT_TRUE(HasIssue(layout, "ocr_page_incomplete", "page(s) 1 were read by OCR only in part"))
      << Issues(layout);
}
#endif

// The bytes of an XLSX whose workbook lists `sheets` sheets, all pointing
// at the one worksheet part (two rows: a label and a number).
std::string SheetsSharingOnePart(int sheets) {
  std::string list;
  for (int i = 0; i < sheets; ++i)
    list += "<sheet name=\"S" + std::to_string(i) + "\" sheetId=\"" + std::to_string(i + 1) +
            "\" r:id=\"rId1\"/>";
  const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
  return MakeZip(
      {{"[Content_Types].xml",
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
        "content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"},
       {"_rels/.rels",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
        "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
        "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"xl/workbook.xml\"/></Relationships>"},
       {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook " + ns +
                               " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/"
                               "2006/relationships\"><sheets>" +
                               list + "</sheets></workbook>"},
       {"xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
        "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
        "schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
       {"xl/worksheets/sheet1.xml",
        "<?xml version=\"1.0\"?><worksheet " + ns +
            "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>合计</t></is></c>"
            "<c r=\"B1\"><v>12.5</v></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is>"
            "<t>支出</t></is></c><c r=\"B2\"><v>3</v></c></row></sheetData></worksheet>"}});
}

TEST(HostileCosts, WorksheetPartNamedByEverySheetIsReadOnce) {
  // 256 sheets naming one part read it 256 times (120 s for a large part).
  const auto file = WriteFile(FreshDir("xlsx_repeat") / "repeat.xlsx", SheetsSharingOnePart(256));
  const Layout layout = ExtractFile(file.string());
  ASSERT_FALSE(layout.failed()) << Issues(layout);
  EXPECT_EQ(layout.format, "xlsx");
  EXPECT_EQ(CellCount(layout), 4u) << "the part's four cells, once";
  EXPECT_TRUE(HasIssue(layout, "xlsx_sheet_repeated", "255 sheet(s) ('S1', ... 'S255')"))
      << Issues(layout);
}

// ---- 3: memory proportional to what is kept --------------------------------

TEST(HostileCosts, DocumentPastTheCellCapIsCutAtARowAndSaysSo) {
  // Two tables of 600 x 3 cells; a cap of 1,000 cells keeps the first 333
  // rows of the first table and drops the second.
  const std::string body = TableXml(600, 3) + "<w:p/>" + TableXml(600, 3);
  const auto file = WriteFile(FreshDir("cap") / "cap.docx", MakeDocx(DocumentXml(body)));
  ExtractOptions options;
  options.max_cells = 1000;
  const Layout layout = ExtractFile(file.string(), options);
  ASSERT_FALSE(layout.failed()) << Issues(layout);
  EXPECT_EQ(CellCount(layout), 999u);
  int tables = 0;
  for (const Block& b : layout.blocks)
    if (const auto* t = std::get_if<RawTable>(&b)) {
      ++tables;
      EXPECT_EQ(t->n_rows, 333);
    }
  EXPECT_EQ(tables, 1);
  EXPECT_TRUE(HasIssue(layout, "document_truncated", "more than 1000 cells")) << Issues(layout);
}

TEST(HostileCosts, DocumentUnderTheCellCapIsUntouched) {
  const auto file =
      WriteFile(FreshDir("under_cap") / "ok.docx", MakeDocx(DocumentXml(TableXml(300, 3))));
  ExtractOptions options;
  options.max_cells = 900;
  const Layout layout = ExtractFile(file.string(), options);
  EXPECT_EQ(CellCount(layout), 900u);
  EXPECT_FALSE(HasIssue(layout, "document_truncated")) << Issues(layout);
}

}  // namespace
}  // namespace cnbudget::hostile
