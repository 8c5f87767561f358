#include "tools/pipeline.h"

#include <sys/stat.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <system_error>
#include <variant>

#include <openssl/evp.h>

#include "mapping/mapper.h"

namespace cnbudget {

std::string Sha256OfFile(const std::string& path, std::uint64_t* bytes) {
  // Only regular files: a directory would hash as if empty, a FIFO would
  // block the read forever.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "";
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return "";
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  unsigned char buf[1 << 16];
  std::uint64_t total = 0;
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    EVP_DigestUpdate(ctx.get(), buf, n);
    total += n;
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), md, &len);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) {
    hex += kHex[md[i] >> 4];
    hex += kHex[md[i] & 15];
  }
  if (bytes) *bytes = total;
  return hex;
}

namespace {

// What tells a file's bytes changed: size, modification and change times
// (nanoseconds), and the inode (a save by rename makes a new one).
struct FileStamp {
  bool ok = false;
  struct stat st {};
  bool operator==(const FileStamp& o) const {
    return ok && o.ok && st.st_ino == o.st.st_ino && st.st_dev == o.st.st_dev &&
           st.st_size == o.st.st_size && st.st_mtim.tv_sec == o.st.st_mtim.tv_sec &&
           st.st_mtim.tv_nsec == o.st.st_mtim.tv_nsec && st.st_ctim.tv_sec == o.st.st_ctim.tv_sec &&
           st.st_ctim.tv_nsec == o.st.st_ctim.tv_nsec;
  }
};

FileStamp StampOf(const std::string& path) {
  FileStamp stamp;
  stamp.ok = ::stat(path.c_str(), &stamp.st) == 0;
  return stamp;
}

}  // namespace

bool HasError(const model::Document& doc) {
  for (const Issue& i : doc.issues)
    if (i.severity == Severity::kError) return true;
  return false;
}

model::Document ConvertFile(const std::string& path, const ExtractOptions& options,
                            std::vector<TextLine>* lines) {
  model::Document doc;
  doc.source.path = path;
  // The hash must name the bytes that were parsed: the file is stamped
  // before it is hashed and again after it was read; a change in between
  // (another program writing it) makes the answer an error, never the
  // tables of one content under the hash of another.
  const FileStamp before = StampOf(path);
  doc.source.sha256 = Sha256OfFile(path, &doc.source.bytes);
  try {
    Layout layout = ExtractFile(path, options);
    doc.source.format = layout.format;
    doc.source.pages = layout.pages;
    if (before.ok && !(StampOf(path) == before)) {
      doc.issues = {MakeError("file_changed",
                              "the file changed while it was being converted; convert it again")};
      return doc;
    }
    if (layout.failed()) {
      doc.issues = layout.issues;
      return doc;
    }
    MapLayout(layout, doc);
    if (lines)
      for (Block& block : layout.blocks)
        if (auto* line = std::get_if<TextLine>(&block)) lines->push_back(std::move(*line));
  } catch (const std::bad_alloc&) {
    doc.tables.clear();
    doc.issues.push_back(MakeError("out_of_memory", "ran out of memory while converting the file"));
  } catch (const std::exception& e) {
    // A library bug must not take the batch down; report it as this file's error.
    doc.tables.clear();
    doc.issues.push_back(MakeError("internal_error", std::string("internal error: ") + e.what()));
  }
  return doc;
}

}  // namespace cnbudget
