// Hostile inputs through the real binary: each ends with an exact outcome
// (exit status, error code and message, or success) and within hard CPU and
// memory limits (see run_cli.h). The files are built at test time.
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/hostile/hostile_files.h"
#include "tests/hostile/run_cli.h"

namespace cnbudget::hostile {
namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;

// Ran to its end (not killed by the CPU or address-space limit) with a
// peak RSS under the bound.
void ExpectBounded(const CliRun& run) {
  EXPECT_TRUE(run.exited) << Describe(run);
  EXPECT_LT(run.max_rss_kb, kPeakRssLimitMb * 1024) << Describe(run);
}

nlohmann::json Parse(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// Spec section 4: exit 2, `tables: []`, and exactly one issue of severity
// error with this code and message.
void ExpectErrorJson(const CliRun& run, const std::string& code, const std::string& message) {
  ExpectBounded(run);
  EXPECT_EQ(run.exit_status, kExitBadInput) << Describe(run);
  const nlohmann::json doc = Parse(run.out);
  ASSERT_TRUE(doc.is_object()) << Describe(run);
  EXPECT_EQ(doc["tables"], nlohmann::json::array()) << Describe(run);
  int errors = 0;
  for (const auto& issue : doc["issues"]) {
    if (issue["severity"] != "error") continue;
    ++errors;
    EXPECT_EQ(issue["code"], code) << Describe(run);
    EXPECT_EQ(issue["message"], message) << Describe(run);
  }
  EXPECT_EQ(errors, 1) << Describe(run);
}

// Success: exit 0 and no error issue; returns the document.
nlohmann::json ExpectSuccess(const CliRun& run) {
  ExpectBounded(run);
  EXPECT_EQ(run.exit_status, kExitOk) << Describe(run);
  nlohmann::json doc = Parse(run.out);
  EXPECT_TRUE(doc.is_object()) << Describe(run);
  if (doc.is_object()) {
    for (const auto& issue : doc["issues"]) EXPECT_NE(issue["severity"], "error") << issue;
  }
  return doc;
}

CliRun Extract(const fs::path& file, const fs::path& cwd,
               const std::vector<std::string>& flags = {},
               const std::vector<std::string>& env = {}) {
  std::vector<std::string> args = {"extract", file.string()};
  args.insert(args.end(), flags.begin(), flags.end());
  return RunCli(args, cwd, env);
}

bool HasWarning(const nlohmann::json& doc, const std::string& code) {
  for (const auto& issue : doc["issues"])
    if (issue["code"] == code) return true;
  return false;
}

// ---- DOCX: XML ------------------------------------------------------------

constexpr char kSecret[] = "TOP-SECRET-7f3a9c";

TEST(HostileCli, XxeToLocalFileIsRefusedAndNeverRead) {
  const fs::path dir = FreshDir("xxe");
  const fs::path secret = WriteFile(dir / "secret.txt", kSecret);
  const std::string prolog = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file://" +
                             secret.string() + "\">]>";
  const fs::path file = WriteFile(
      dir / "xxe.docx",
      MakeDocx(DocumentXml("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", prolog)));
  const CliRun run = Extract(file, dir);
  ExpectErrorJson(run, "xml_entity_refused",
                  "word/document.xml declares XML entities (a DOCTYPE with <!ENTITY>); refused "
                  "without resolving them, as a possible XXE attack");
  EXPECT_EQ(run.out.find(kSecret), std::string::npos);
  EXPECT_EQ(run.err.find(kSecret), std::string::npos);
}

TEST(HostileCli, ExternalDtdIsNeverLoaded) {
  // No <!ENTITY> in the part itself: the entity would come from the external
  // subset, which is not loaded, so &xxe; is an undefined reference and the
  // part is malformed.
  const fs::path dir = FreshDir("xxe_dtd");
  WriteFile(dir / "secret.txt", kSecret);
  const fs::path dtd = WriteFile(
      dir / "evil.dtd", "<!ENTITY xxe SYSTEM \"file://" + (dir / "secret.txt").string() + "\">");
  const fs::path file = WriteFile(
      dir / "dtd.docx",
      MakeDocx(DocumentXml("<w:p><w:r><w:t>before &xxe; after</w:t></w:r></w:p>",
                           "<!DOCTYPE w:document SYSTEM \"file://" + dtd.string() + "\">")));
  const CliRun run = Extract(file, dir);
  ExpectErrorJson(run, "xml_malformed",
                  "word/document.xml is not well-formed XML: Entity 'xxe' not defined (line 2)");
  EXPECT_EQ(run.out.find(kSecret), std::string::npos);
  EXPECT_EQ(run.err.find(kSecret), std::string::npos);
}

TEST(HostileCli, BillionLaughsIsRefused) {
  std::string prolog = "<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">";
  for (int i = 1; i < 10; ++i)
    prolog += "<!ENTITY lol" + std::to_string(i) + " \"" +
              [&] {
                std::string ten;
                for (int k = 0; k < 10; ++k) ten += "&lol" + std::to_string(i - 1) + ";";
                return ten;
              }() +
              "\">";
  prolog += "]>";
  const fs::path dir = FreshDir("laughs");
  const fs::path file = WriteFile(
      dir / "laughs.docx", MakeDocx(DocumentXml("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", prolog)));
  ExpectErrorJson(Extract(file, dir), "xml_entity_refused",
                  "word/document.xml declares XML entities (a DOCTYPE with <!ENTITY>); refused "
                  "without resolving them, as a possible XXE attack");
}

// ---- DOCX: zip --------------------------------------------------------------

TEST(HostileCli, ZipBombIsRefusedBeforeInflating) {
  // 1 GiB of zeros in about 1 MiB: refused on the size the directory
  // declares, before a byte is inflated.
  const fs::path dir = FreshDir("zip_bomb");
  ZipEntry bomb{"word/document.xml", "", 1ull << 30};
  std::string bytes = MakeZip({{"[Content_Types].xml", "<Types/>"}, bomb});
  EXPECT_LT(bytes.size(), 2u << 20);
  const fs::path file = WriteFile(dir / "bomb.docx", bytes);
  ExpectErrorJson(Extract(file, dir), "zip_entry_too_large",
                  "zip part word/document.xml declares more than 256 MiB when inflated; "
                  "refused as a possible zip bomb");
}

TEST(HostileCli, PathTraversalNamesAreNeverWrittenNorFollowed) {
  // Entries named to escape an unpacking folder, and a relationship that
  // points outside the package at a real file: the package is read in
  // memory, nothing is written, and the main part is word/document.xml.
  const fs::path root = FreshDir("traversal");
  const fs::path cwd = root / "a" / "b";
  fs::create_directories(cwd);
  const fs::path secret = WriteFile(root / "secret.xml", kSecret);
  const std::string evil = DocumentXml("<w:p><w:r><w:t>EVIL-ENTRY</w:t></w:r></w:p>");
  const std::string docx = MakeDocx(
      DocumentXml(TableXml(2, 2)),
      {{"../../evil.xml", evil}, {"/tmp/cnbudget-evil.xml", evil}, {"..\\..\\evil2.xml", evil}},
      "../../../../../../../.." + secret.string());
  const fs::path file = WriteFile(cwd / "traversal.docx", docx);
  const nlohmann::json doc = ExpectSuccess(Extract(file, cwd));
  ASSERT_EQ(doc["tables"].size(), 1u);
  EXPECT_EQ(doc["tables"][0]["n_rows"], 2);
  const std::string dump = doc.dump();
  EXPECT_EQ(dump.find(kSecret), std::string::npos);
  EXPECT_EQ(dump.find("EVIL-ENTRY"), std::string::npos);
  EXPECT_FALSE(fs::exists(root / "evil.xml"));
  EXPECT_FALSE(fs::exists(cwd / "evil.xml"));
  EXPECT_FALSE(fs::exists("/tmp/cnbudget-evil.xml"));
  EXPECT_EQ(ReadFile(secret), kSecret);
}

TEST(HostileCli, TraversalNamedMainPartIsReadFromInsideThePackage) {
  // When the relationship names "../../evil.xml" and the zip has an entry of
  // that very name, the entry is what is read: a name, never a path.
  const fs::path root = FreshDir("traversal_main");
  const fs::path cwd = root / "a" / "b";
  fs::create_directories(cwd);
  WriteFile(root / "evil.xml", kSecret);  // where a path would lead
  const std::string inside = DocumentXml(TableXml(3, 2));
  const fs::path file = WriteFile(
      cwd / "t.docx", MakeDocx(DocumentXml(""), {{"../../evil.xml", inside}}, "../../evil.xml"));
  const nlohmann::json doc = ExpectSuccess(Extract(file, cwd));
  ASSERT_EQ(doc["tables"].size(), 1u);
  EXPECT_EQ(doc["tables"][0]["n_rows"], 3);
  EXPECT_EQ(doc.dump().find(kSecret), std::string::npos);
}

// ---- DOCX: size and shape -------------------------------------------------------

TEST(HostileCli, TenThousandNestedTablesHitTheXmlDepthLimit) {
  const fs::path dir = FreshDir("nested");
  const fs::path file =
      WriteFile(dir / "nested.docx", MakeDocx(DocumentXml(NestedTablesXml(10000))));
  ExpectErrorJson(Extract(file, dir), "xml_malformed",
                  "word/document.xml is not well-formed XML: Excessive depth in document: 256 "
                  "use XML_PARSE_HUGE option (line 2)");
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(HostileCli, HundredThousandRowTableConverts) {
  const fs::path dir = FreshDir("rows");
  const fs::path file =
      WriteFile(dir / "rows.docx", MakeDocx(DocumentXml(TableXml(100000, 1))));
  const CliRun run = Extract(file, dir);
  ExpectBounded(run);
  EXPECT_EQ(run.exit_status, kExitOk) << Describe(run);
  // The 30 MB of JSON is checked as text: parsing it here would cost more
  // than the conversion (a minute in a sanitizer build).
  EXPECT_EQ(Count(run.out, "\"severity\": \"error\""), 0u) << Describe(run);
  EXPECT_EQ(Count(run.out, "\"n_rows\": "), 1u) << Describe(run);
  EXPECT_EQ(Count(run.out, "\"n_rows\": 100000,"), 1u) << Describe(run);
  EXPECT_EQ(Count(run.out, "\"n_cols\": 1,"), 1u) << Describe(run);
}

// ---- PDF ------------------------------------------------------------------

// A page tree holding `pages` pages (in groups of 500 under intermediate
// nodes), all sharing one empty content stream.
std::string ManyPagesPdf(int pages) {
  const int per_node = 500, nodes = (pages + per_node - 1) / per_node;
  // 1 catalog, 2 root, 3 content, 4..3+nodes intermediate, then the pages.
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                      StreamObject("")};
  std::string root_kids;
  for (int n = 0; n < nodes; ++n) {
    const int first = 4 + nodes + n * per_node;
    const int count = std::min(per_node, pages - n * per_node);
    std::string kids;
    for (int k = 0; k < count; ++k) kids += std::to_string(first + k) + " 0 R ";
    objects.push_back("<< /Type /Pages /Parent 2 0 R /Kids [" + kids + "] /Count " +
                      std::to_string(count) + " >>");
    root_kids += std::to_string(4 + n) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + root_kids + "] /Count " + std::to_string(pages) +
               " /MediaBox [0 0 612 792] >>";
  for (int n = 0; n < nodes; ++n) {
    const int count = std::min(per_node, pages - n * per_node);
    for (int k = 0; k < count; ++k)
      objects.push_back("<< /Type /Page /Parent " + std::to_string(4 + n) +
                        " 0 R /Contents 3 0 R >>");
  }
  return MakePdfFromObjects(objects);
}

TEST(HostileCli, PdfWithTwoHundredThousandPagesIsRefused) {
  const fs::path dir = FreshDir("pages");
  const fs::path file = WriteFile(dir / "pages.pdf", ManyPagesPdf(200000));
  ExpectErrorJson(Extract(file, dir), "pdf_too_many_pages",
                  "the PDF has 200000 pages, more than the limit of 5000 (--max-pages)");
}

TEST(HostileCli, MaxPagesFlagDrivesThePageLimit) {
  const fs::path dir = FreshDir("pages_flag");
  const fs::path file = WriteFile(dir / "pages.pdf", ManyPagesPdf(30));
  ExpectErrorJson(Extract(file, dir, {"--max-pages", "20"}), "pdf_too_many_pages",
                  "the PDF has 30 pages, more than the limit of 20 (--max-pages)");
  const nlohmann::json doc = ExpectSuccess(Extract(file, dir, {"--max-pages", "30"}));
  EXPECT_EQ(doc["source"]["pages"], 30);
}

TEST(HostileCli, PdfClaimingTwoHundredThousandPagesIsRefused) {
  // The page tree's /Count lies (one real page). Poppler trusts no /Count
  // above the number of objects and reports no pages at all.
  const fs::path dir = FreshDir("claimed_pages");
  const fs::path file = WriteFile(
      dir / "claimed.pdf",
      MakePdfFromObjects({"<< /Type /Catalog /Pages 2 0 R >>",
                          "<< /Type /Pages /Kids [3 0 R] /Count 200000 >>",
                          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                          "/Contents 4 0 R >>",
                          StreamObject("BT /F1 12 Tf 72 700 Td (hello) Tj ET")}));
  ExpectErrorJson(Extract(file, dir), "pdf_no_pages",
                  "the PDF has no pages (first problem: Page count (200000) larger than "
                  "number of objects (5))");
}

// A page whose content draws the Form XObject /X, with the form's own
// content given.
std::string FormPdf(const std::string& form_content) {
  return MakePdfFromObjects(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
       "/Resources << /XObject << /X 5 0 R >> >> >>",
       StreamObject("q /X Do Q"),
       StreamObject(form_content,
                    "/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                    "/Resources << /XObject << /X 5 0 R >> >>")});
}

TEST(HostileCli, FormXObjectDrawingItselfIsBounded) {
  const fs::path dir = FreshDir("self_form");
  const fs::path file = WriteFile(dir / "self.pdf", FormPdf("0 0 m 10 10 l S /X Do"));
  const nlohmann::json doc = ExpectSuccess(Extract(file, dir));
  EXPECT_EQ(doc["source"]["pages"], 1);
}

TEST(HostileCli, FormXObjectDrawnTwicePerLevelIsBounded) {
  // Twice per level: a recursion cap alone still leaves 2^depth draws.
  const fs::path dir = FreshDir("double_form");
  const fs::path file = WriteFile(dir / "double.pdf", FormPdf("0 0 m 10 10 l S /X Do /X Do"));
  const nlohmann::json doc = ExpectSuccess(Extract(file, dir));
  EXPECT_EQ(doc["source"]["pages"], 1);
}

TEST(HostileCli, HugeCompressedContentStreamIsBounded) {
  // 1,500,000 horizontal rules (about 30 MB of operators) from a small
  // file: past the reader's cap of 1,000,000 segments per page.
  std::string thousand;
  for (int i = 0; i < 1000; ++i) thousand += "10 10 m 100 10 l S\n";
  std::string content;
  for (int i = 0; i < 1500; ++i) content += thousand;
  const std::string packed = Deflate(content);
  const fs::path dir = FreshDir("huge_content");
  const fs::path file = WriteFile(
      dir / "huge.pdf",
      MakePdfFromObjects({"<< /Type /Catalog /Pages 2 0 R >>",
                          "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                          "/Contents 4 0 R >>",
                          StreamObject(packed, "/Filter /FlateDecode")}));
  const nlohmann::json doc = ExpectSuccess(Extract(file, dir));
  EXPECT_TRUE(HasWarning(doc, "pdf_page_truncated")) << doc["issues"];
}

TEST(HostileCli, UserPasswordPdfIsRefused) {
  const fs::path dir = FreshDir("encrypted");
  const fs::path file = WriteFile(dir / "locked.pdf", MakeEncryptedPdf("secret", "owner"));
  ExpectErrorJson(Extract(file, dir), "pdf_encrypted",
                  "the PDF is encrypted and needs a user password");
}

TEST(HostileCli, OwnerPasswordOnlyPdfOpens) {
  // The same encryption with an empty user password: proves the file above
  // is refused for its password, not for a broken encryption dictionary.
  const fs::path dir = FreshDir("owner_only");
  const fs::path file = WriteFile(dir / "owner.pdf", MakeEncryptedPdf("", "owner"));
  const nlohmann::json doc = ExpectSuccess(Extract(file, dir));
  EXPECT_EQ(doc["source"]["pages"], 1);
}

TEST(HostileCli, TruncatedPdfIsAnswered) {
  std::string content = "BT /F1 12 Tf 72 700 Td (hello) Tj ET";
  const std::string whole = MakePdfFromObjects(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
       StreamObject(content)});
  const fs::path dir = FreshDir("truncated");
  // Cut inside the page tree: no catalog can be repaired from what is left.
  const fs::path early = WriteFile(dir / "early.pdf", whole.substr(0, whole.find("2 0 obj") + 12));
  ExpectErrorJson(Extract(early, dir), "pdf_damaged",
                  "not a readable PDF, or too damaged to repair (first problem: Couldn't find "
                  "trailer dictionary)");
  // Cut inside the cross-reference table (a download that stopped short):
  // the trailer is lost and with it the catalog.
  const fs::path in_xref =
      WriteFile(dir / "in_xref.pdf", whole.substr(0, whole.find("0000000000 65535") + 30));
  ExpectErrorJson(Extract(in_xref, dir), "pdf_damaged",
                  "not a readable PDF, or too damaged to repair (first problem: Couldn't find "
                  "trailer dictionary)");
  // Cut after the trailer: Poppler rebuilds the table from the objects, and
  // says so.
  const fs::path late =
      WriteFile(dir / "late.pdf", whole.substr(0, whole.find("startxref") + 12));
  const nlohmann::json doc = ExpectSuccess(Extract(late, dir));
  EXPECT_EQ(doc["source"]["pages"], 1);
  EXPECT_TRUE(HasWarning(doc, "pdf_repaired")) << doc["issues"];
}

// ---- files that are not documents ---------------------------------------------

TEST(HostileCli, EmptyFile) {
  const fs::path dir = FreshDir("empty");
  const fs::path file = WriteFile(dir / "empty.pdf", "");
  ExpectErrorJson(Extract(file, dir), "empty_file", "the file is empty (0 bytes)");
}

TEST(HostileCli, DirectoryPassedAsFile) {
  const fs::path dir = FreshDir("directory");
  fs::create_directories(dir / "folder.pdf");
  ExpectErrorJson(Extract(dir / "folder.pdf", dir), "not_a_file",
                  "the path is a directory, not a file");
}

TEST(HostileCli, FifoPassedAsFileIsRefusedWithoutReading) {
  // Opening a FIFO for reading blocks until a writer comes: the file is
  // refused on its type first. --timeout turns a regression into a failed
  // assert instead of a hung test.
  const fs::path dir = FreshDir("fifo");
  const fs::path fifo = dir / "pipe.pdf";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  ExpectErrorJson(Extract(fifo, dir, {"--timeout", "20"}), "not_a_file",
                  "not a regular file (a device, FIFO or socket)");
}

TEST(HostileCli, FileOverMaxFileMbIsRefused) {
  const fs::path dir = FreshDir("too_large");
  const fs::path file = WriteFile(dir / "big.pdf", "%PDF-1.4\n" + std::string(3 << 20, ' '));
  ExpectErrorJson(Extract(file, dir, {"--max-file-mb", "2"}), "file_too_large",
                  "the file is 4 MiB, more than the limit of 2 MiB (--max-file-mb)");
}

// ---- time and memory limits of `extract` ------------------------------------------

TEST(HostileCli, ExtractTimeoutGivesErrorJson) {
  const fs::path dir = FreshDir("timeout");
  const fs::path file = WriteFile(dir / "slow_hang.pdf", "%PDF-1.4\n");
  ExpectErrorJson(Extract(file, dir, {"--timeout", "1"}, {"CNBUDGET_TEST_HOOK=hang:slow_hang"}),
                  "timeout", "timed out after 1 s");
}

TEST(HostileCli, ExtractMemoryLimitGivesErrorJson) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer builds cannot apply RLIMIT_AS (see README, Limits)";
#endif
  const fs::path dir = FreshDir("memory");
  const fs::path file = WriteFile(dir / "big_oom.pdf", "%PDF-1.4\n");
  ExpectErrorJson(
      Extract(file, dir, {"--max-memory", "300"}, {"CNBUDGET_TEST_HOOK=oom:big_oom"}),
      "out_of_memory", "out of memory (limit 300 MB)");
}

// ---- a batch goes on after a limit ------------------------------------------------

TEST(HostileCli, BatchRecordsLimitFailuresAndGoesOn) {
  const fs::path dir = FreshDir("batch");
  WriteFile(dir / "in" / "a_big.pdf", "%PDF-1.4\n" + std::string(3 << 20, ' '));
  WriteFile(dir / "in" / "b_pages.pdf", ManyPagesPdf(30));
  WriteFile(dir / "in" / "c_good.docx", MakeDocx(DocumentXml(TableXml(2, 2))));
  const CliRun run = RunCli({"convert", (dir / "in").string(), "--db", (dir / "out.sqlite").string(),
                             "--json-dir", (dir / "json").string(), "--jobs", "1",
                             "--max-file-mb", "2", "--max-pages", "20"},
                            dir);
  ExpectBounded(run);
  EXPECT_EQ(run.exit_status, 3) << Describe(run);
  const nlohmann::json big = Parse(ReadFile(dir / "json" / "a_big.pdf.json"));
  const nlohmann::json pages = Parse(ReadFile(dir / "json" / "b_pages.pdf.json"));
  const nlohmann::json good = Parse(ReadFile(dir / "json" / "c_good.docx.json"));
  ASSERT_TRUE(big.is_object() && pages.is_object() && good.is_object()) << Describe(run);
  EXPECT_EQ(big["issues"][0]["code"], "file_too_large");
  EXPECT_EQ(pages["issues"][0]["code"], "pdf_too_many_pages");
  EXPECT_EQ(good["tables"].size(), 1u);
}

}  // namespace
}  // namespace cnbudget::hostile
