// Test helper: builds hostile input files byte by byte, at test time, so no
// big or dangerous file is committed. Zips are written by hand (local
// headers + central directory) because the names and sizes must be exactly
// as hostile as the test wants, which a well-behaved zip library refuses.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cnbudget::hostile {

struct ZipEntry {
  std::string name;   // written as is: "../../evil" and "/abs" included
  std::string data;   // stored deflated
  // When non-zero: the entry is this many zero bytes, deflated in a stream
  // (never held in memory), and `data` is ignored. The zip-bomb payload.
  std::uint64_t zeros = 0;
};

// The bytes of a zip archive holding `entries`, in order.
std::string MakeZip(const std::vector<ZipEntry>& entries);

// A minimal DOCX: [Content_Types].xml, _rels/.rels pointing at
// word/document.xml (or at rels_target when given), and `document_xml`.
// `extra` entries are appended.
std::string MakeDocx(const std::string& document_xml, const std::vector<ZipEntry>& extra = {},
                     const std::string& rels_target = "word/document.xml");

// A w:document with `body` inside w:body; `prolog` goes between the XML
// declaration and the root (a DOCTYPE).
std::string DocumentXml(const std::string& body, const std::string& prolog = "");

// A table of rows x cols cells with distinct texts made of letters ("a",
// "b", ... "ba"): no digits, so the normalizer has nothing to parse or warn
// about, and not so repetitive that the zip ratio cap (200:1) refuses it.
std::string TableXml(int rows, int cols);

// Tables nested `depth` levels deep (a w:tbl in the only cell of a w:tbl...).
std::string NestedTablesXml(int depth);

// The bytes of a PDF whose objects are numbered 1..n in order; object 1
// must be the catalog. trailer_extra goes into the trailer dictionary
// (e.g. "/Encrypt 9 0 R /ID [<...> <...>]").
std::string MakePdfFromObjects(const std::vector<std::string>& objects,
                               const std::string& trailer_extra = "");

// An indirect stream object body with /Length, plus extra dictionary keys.
std::string StreamObject(const std::string& data, const std::string& dict_extra = "");

// zlib (FlateDecode) compression of `data`.
std::string Deflate(const std::string& data);

// A one-page PDF encrypted with the standard security handler (revision 2,
// 40-bit RC4) and the given passwords; the page is empty. With an empty
// user password anyone may open it (owner password only).
std::string MakeEncryptedPdf(const std::string& user_password,
                             const std::string& owner_password);

// A fresh, empty directory for one test: TempDir()/hostile/<name>.
std::filesystem::path FreshDir(const std::string& name);

// Writes bytes to path (creating parent directories); returns path.
std::filesystem::path WriteFile(const std::filesystem::path& path, const std::string& bytes);

std::string ReadFile(const std::filesystem::path& path);

}  // namespace cnbudget::hostile
