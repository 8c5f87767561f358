// Finds the documents of a batch: files named on the command line and files
// under folders, walked recursively.
#pragma once

#include <string>
#include <vector>

namespace cnbudget {

struct BatchInput {
  std::string path;      // absolute, lexically normal
  std::string relative;  // path below the folder it was found in (the file name
                         // for a file named directly): names its --json-dir output
};

struct BatchInputs {
  std::vector<BatchInput> files;     // PDF and DOCX (by extension), sorted, no repeats
  std::vector<std::string> skipped;  // other files found under folders / named
  std::vector<BatchInput> missing;   // named on the command line but absent
};

// True for names ending in .pdf or .docx, in any letter case.
bool IsConvertibleName(const std::string& path);

// Walks inputs. Folders are followed recursively (symlinked folders are not,
// so a link loop cannot trap the walk); unreadable folders are passed over.
BatchInputs FindBatchInputs(const std::vector<std::string>& inputs);

}  // namespace cnbudget
