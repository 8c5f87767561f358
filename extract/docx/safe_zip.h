// SafeZip: read parts of an untrusted zip package (a DOCX) with hard caps.
//
// Every part read is bounded twice: by the size the zip directory declares and
// by the bytes actually inflated, counted while reading in chunks, so a zip
// bomb (or a directory that lies about sizes) is refused as soon as a cap is
// passed, with little memory used. Errors are returned as Issues, never
// thrown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/issue.h"

struct zip;

namespace cnbudget {

struct ZipLimits {
  std::uint64_t max_entry_bytes = 256ull << 20;  // inflated size of one part
  std::uint64_t max_ratio = 200;                 // inflated / compressed
  // Below this many inflated bytes the ratio is not checked: a tiny part that
  // compresses very well (a run of spaces) is harmless and common.
  std::uint64_t ratio_floor_bytes = 1ull << 20;
};

class SafeZip {
 public:
  SafeZip() = default;
  ~SafeZip();
  SafeZip(const SafeZip&) = delete;
  SafeZip& operator=(const SafeZip&) = delete;

  // Opens `path` as a zip archive. On failure returns an error Issue with
  // code "not_a_zip" (no readable zip directory) or "unreadable_file".
  std::optional<Issue> Open(const std::string& path, const ZipLimits& limits);

  // True when the archive has a part named `name` (ASCII case-insensitive).
  bool Has(const std::string& name) const;

  // Reads the whole inflated part `name` into *out. On failure returns an
  // error Issue: "missing_part", "zip_entry_too_large", "zip_ratio_too_high"
  // or "zip_entry_unreadable" (encrypted, corrupt, CRC mismatch).
  std::optional<Issue> Read(const std::string& name, std::string* out) const;

 private:
  zip* archive_ = nullptr;
  ZipLimits limits_;
};

}  // namespace cnbudget
