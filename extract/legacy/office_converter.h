// Legacy Office files to their XML successors with LibreOffice, run headless
// as a child process in a private folder.
//
// LibreOffice is optional, like Tesseract: without it a legacy file gets a
// `converter_missing` error naming the Debian package. The converter runs
// under the document's limits: it inherits the worker's address-space limit
// (LibreOffice 7.4 converts a .doc in ~215 MB resident, fine under 512 MB),
// gets the time left of the document's budget, and a CPU-time limit that
// stops it even if it outlives the worker.
#pragma once

#include <optional>
#include <string>

#include "core/issue.h"
#include "extract/legacy/ole2_directory.h"

namespace cnbudget::legacy {

struct Conversion {
  std::string output;          // the DOCX or XLSX written, when it worked
  std::optional<Issue> error;  // converter_missing, legacy_conversion_failed, timeout
};

// Converts `input` (a kWord or kExcel file) to DOCX or XLSX inside
// `work_dir` (an empty folder the caller owns and removes), within
// timeout_seconds of wall-clock time.
Conversion ConvertWithLibreOffice(const std::string& input, Ole2Kind kind,
                                  const std::string& work_dir, double timeout_seconds);

// The soffice executable found on PATH; empty when LibreOffice is missing.
std::string FindSoffice();

}  // namespace cnbudget::legacy
