#include "fuzz/scratch_file.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace cnbudget::fuzz {
namespace {

std::string ScratchPath() {
  const char* dir = std::getenv("TMPDIR");
  std::string base = (dir && *dir) ? dir : "/tmp";
  return base + "/cnbudget-fuzz-" + std::to_string(::getpid()) + ".bin";
}

// Never destroyed: RemoveScratch runs from atexit, possibly after static
// objects are gone.
const std::string& Path() {
  static const std::string* const path = new std::string(ScratchPath());
  return *path;
}

void RemoveScratch() {
  std::error_code ec;
  std::filesystem::remove(Path(), ec);
}

}  // namespace

const std::string& WriteScratchFile(const std::uint8_t* data, std::size_t size) {
  static const bool cleanup_registered = std::atexit(RemoveScratch) == 0;
  (void)cleanup_registered;
  const std::string& path = Path();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f || (size > 0 && std::fwrite(data, 1, size, f) != size) || std::fclose(f) != 0) {
    std::perror(path.c_str());
    std::abort();
  }
  return path;
}

}  // namespace cnbudget::fuzz
