// Contract: for any Layout the generator makes from the bytes (valid UTF-8,
// cells starting inside their grid; see layout_generator.h), MapLayout never
// crashes, hangs or leaks, and the Document it fills can be written as JSON.
// Inputs over 16 KiB are skipped: the generator needs far fewer bytes for a
// many-table document.
#include <cstddef>
#include <cstdint>

#include "core/model.h"
#include "fuzz/layout_generator.h"
#include "mapping/mapper.h"
#include "tools/json_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kMaxInput = 16 << 10;
  if (size > kMaxInput) return 0;
  const cnbudget::Layout layout = cnbudget::fuzz::GenerateLayout(data, size);
  cnbudget::model::Document doc;
  cnbudget::MapLayout(layout, doc);
  // ToJson throws (and so fails the run) on text that is not valid UTF-8.
  (void)cnbudget::ToJson(doc);
  return 0;
}
