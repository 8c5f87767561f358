// Contract: for any bytes, ExtractPdf never crashes, hangs or leaks; it
// returns a Layout, and a file it cannot read is one error issue, not an
// exception. Inputs over 256 KiB are skipped: real documents are bigger, but
// the parser's damage paths are reached by small files and big ones only
// slow the fuzzer down.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "extract/extract.h"
#include "fuzz/scratch_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kMaxInput = 256 << 10;
  if (size > kMaxInput) return 0;
  const cnbudget::Layout layout =
      cnbudget::ExtractPdf(cnbudget::fuzz::WriteScratchFile(data, size), {});
  // A failed extraction carries its reason and nothing else.
  if (layout.failed() && !layout.blocks.empty()) std::abort();
  return 0;
}
