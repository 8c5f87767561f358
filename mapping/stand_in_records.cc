// Stand-in for records.cc / checks.cc, linked only while those are not in
// the library's source list (see CMakeLists.txt): no records, no checks.
#include "mapping/checks.h"
#include "mapping/records.h"

namespace cnbudget {
#ifndef CNBUDGET_HAVE_RECORDS
std::vector<model::Record> BuildRecords(const model::Table&, std::vector<Issue>*) { return {}; }
#endif
#ifndef CNBUDGET_HAVE_CHECKS
void CheckArithmetic(model::Document&) {}
#endif
}  // namespace cnbudget
