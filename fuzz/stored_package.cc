#include "fuzz/stored_package.h"

#include <zip.h>

#include <cstdlib>

namespace cnbudget::fuzz {

std::vector<std::string_view> SplitAtNul(std::string_view bytes) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t nul = bytes.find('\0', start);
    parts.push_back(bytes.substr(start, nul == std::string_view::npos ? nul : nul - start));
    if (nul == std::string_view::npos) return parts;
    start = nul + 1;
  }
}

void WriteStoredPackage(const std::string& path,
                        const std::vector<std::pair<std::string, std::string_view>>& entries) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!zip) std::abort();
  for (const auto& [name, data] : entries) {
    zip_source_t* source = zip_source_buffer(zip, data.data(), data.size(), 0);
    zip_int64_t index = source ? zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE) : -1;
    if (index < 0 || zip_set_file_compression(zip, index, ZIP_CM_STORE, 0) != 0) std::abort();
  }
  if (zip_close(zip) != 0) std::abort();
}

}  // namespace cnbudget::fuzz
