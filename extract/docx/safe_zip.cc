#include "extract/docx/safe_zip.h"

#include <zip.h>

#include <array>

namespace cnbudget {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

std::string Mebibytes(std::uint64_t bytes) {
  return std::to_string(bytes / (1024 * 1024)) + " MiB";
}

// The checks shared by the declared sizes and the running count: `inflated`
// bytes out of `compressed` bytes on disk.
std::optional<Issue> CheckSizes(const std::string& name, std::uint64_t inflated,
                                std::uint64_t compressed, const ZipLimits& limits,
                                const char* how) {
  if (inflated > limits.max_entry_bytes)
    return MakeError("zip_entry_too_large",
                     "zip part " + name + " " + how + " more than " +
                         Mebibytes(limits.max_entry_bytes) +
                         " when inflated; refused as a possible zip bomb");
  if (inflated > limits.ratio_floor_bytes &&
      inflated / (compressed == 0 ? 1 : compressed) >= limits.max_ratio)
    return MakeError("zip_ratio_too_high",
                     "zip part " + name + " " + how + " " + std::to_string(inflated) +
                         " bytes from " + std::to_string(compressed) +
                         " compressed bytes (a ratio of " +
                         std::to_string(limits.max_ratio) +
                         ":1 or more); refused as a possible zip bomb");
  return std::nullopt;
}

}  // namespace

SafeZip::~SafeZip() {
  if (archive_ != nullptr) zip_discard(archive_);
}

std::optional<Issue> SafeZip::Open(const std::string& path, const ZipLimits& limits) {
  limits_ = limits;
  int code = 0;
  archive_ = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (archive_ != nullptr) return std::nullopt;
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string detail = zip_error_strerror(&error);
  zip_error_fini(&error);
  if (code == ZIP_ER_OPEN || code == ZIP_ER_READ || code == ZIP_ER_MEMORY)
    return MakeError("unreadable_file", "the file cannot be read: " + detail);
  return MakeError("not_a_zip",
                   "not a valid DOCX: the zip package cannot be opened (" + detail +
                       "); the file may be truncated or not a zip archive");
}

bool SafeZip::Has(const std::string& name) const {
  return archive_ != nullptr && zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::optional<Issue> SafeZip::Read(const std::string& name, std::string* out) const {
  out->clear();
  const zip_int64_t index =
      archive_ == nullptr ? -1 : zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0)
    return MakeError("missing_part", "not a valid DOCX: the package has no " + name);

  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      (st.valid & (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) !=
          (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE))
    return MakeError("zip_entry_unreadable", "zip part " + name + " has no readable sizes");
  if (auto issue = CheckSizes(name, st.size, st.comp_size, limits_, "declares"))
    return issue;

  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr)
    return MakeError("zip_entry_unreadable",
                     "zip part " + name + " cannot be opened: " +
                         zip_strerror(archive_) + " (encrypted or unsupported compression?)");

  // The declared size is only a hint (it may lie); reserve at most one chunk
  // ahead and let the running count enforce the caps.
  std::array<char, kChunkBytes> chunk;
  std::optional<Issue> result;
  std::uint64_t total = 0;
  while (true) {
    const zip_int64_t n = zip_fread(file, chunk.data(), chunk.size());
    if (n < 0) {
      result = MakeError("zip_entry_unreadable", "zip part " + name +
                                                     " is corrupt: " + zip_file_strerror(file));
      break;
    }
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if ((result = CheckSizes(name, total, st.comp_size, limits_, "inflates to"))) break;
    out->append(chunk.data(), static_cast<std::size_t>(n));
  }
  zip_fclose(file);
  if (result) {
    out->clear();
    out->shrink_to_fit();
  }
  return result;
}

}  // namespace cnbudget
