#include "tools/batch_walker.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <system_error>

namespace cnbudget {
namespace {

namespace fs = std::filesystem;

std::string LowerExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return ext;
}

void AddFile(const fs::path& path, const std::string& relative, BatchInputs* out,
             std::set<std::string>* seen) {
  const std::string absolute = fs::absolute(path).lexically_normal().string();
  if (!seen->insert(absolute).second) return;
  if (IsConvertibleName(absolute)) {
    out->files.push_back({absolute, relative});
  } else {
    out->skipped.push_back(absolute);
  }
}

void WalkFolder(const fs::path& root, BatchInputs* out, std::set<std::string>* seen) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_error;
    if (!it->is_regular_file(type_error)) continue;
    AddFile(it->path(), it->path().lexically_relative(root).string(), out, seen);
  }
}

}  // namespace

bool IsConvertibleName(const std::string& path) {
  const std::string ext = LowerExtension(fs::path(path));
  // .doc and .xls: legacy Office files, converted by LibreOffice in the
  // worker (the format itself is told by content, not by this name).
  return ext == ".pdf" || ext == ".docx" || ext == ".xlsx" || ext == ".doc" || ext == ".xls";
}

BatchInputs FindBatchInputs(const std::vector<std::string>& inputs) {
  BatchInputs out;
  std::set<std::string> seen;
  for (const std::string& input : inputs) {
    std::error_code ec;
    const fs::path path(input);
    if (fs::is_directory(path, ec)) {
      WalkFolder(path, &out, &seen);
    } else if (fs::exists(path, ec)) {
      AddFile(path, path.filename().string(), &out, &seen);
    } else {
      out.missing.push_back({fs::absolute(path).lexically_normal().string(),
                             path.filename().string()});
    }
  }
  auto by_path = [](const BatchInput& a, const BatchInput& b) { return a.path < b.path; };
  std::sort(out.files.begin(), out.files.end(), by_path);
  std::sort(out.skipped.begin(), out.skipped.end());
  return out;
}

}  // namespace cnbudget
