// The extractors read files, not memory: fuzz targets for them write each
// input to one scratch file per process and extract that.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace cnbudget::fuzz {

// Replaces the scratch file's contents with `data` and returns its path
// ($TMPDIR or /tmp, named after the process id, removed at a normal exit;
// a crashed run leaves it behind). Aborts if the file cannot be written: a
// fuzz run that silently tests nothing is worse than one that stops.
const std::string& WriteScratchFile(const std::uint8_t* data, std::size_t size);

}  // namespace cnbudget::fuzz
