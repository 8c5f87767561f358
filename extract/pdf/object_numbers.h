// The largest object number a PDF file names, found by a streaming scan of
// its bytes before Poppler opens it.
//
// Poppler sizes its cross-reference table by the largest object number it
// meets (in "N G obj", a trailer's /Size, an xref subsection "first count"),
// about 40 bytes an entry: a 4 KB file naming object 30,000,000 took 1.2 GB
// and seconds to build and free (found by fuzz_pdf). Real files number their
// objects from 1 up, a few per kilobyte at most, so a number far past the
// file's size is refused before anything is allocated for it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/issue.h"

namespace cnbudget::pdf {

// The largest object number named in the file (0 when none), reading it in
// bounded chunks. Numbers past 2^40 count as 2^40.
std::uint64_t LargestObjectNumber(const std::string& path);

// Object numbers accepted for a file of `bytes` bytes: one per 8 bytes, and
// at least 500,000 (20 MB of table).
std::uint64_t MaxObjectNumberFor(std::uint64_t bytes);

// The error for a file naming an implausible object number, or nothing.
std::optional<Issue> RefuseImplausibleObjectNumbers(const std::string& path);

}  // namespace cnbudget::pdf
