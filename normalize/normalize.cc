// Placeholder until the normalizer lands.
#include "normalize/normalize.h"

namespace cnbudget {
std::string NormalizeText(std::string_view raw) { return std::string(raw); }
NormalizedCell NormalizeCell(std::string_view raw) { return {NormalizeText(raw), {}, {}}; }
}  // namespace cnbudget
