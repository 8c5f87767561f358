#include "extract/legacy/ole2_directory.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace cnbudget::legacy {
namespace {

// Values of the compound file format ([MS-CFB]) used here.
constexpr unsigned char kSignature[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
constexpr std::uint32_t kMaxRegularSector = 0xFFFFFFFA;
constexpr std::uint32_t kNoStream = 0xFFFFFFFF;
constexpr int kHeaderDifatEntries = 109;
constexpr int kDirectoryEntryBytes = 128;
// Real files have hundreds of entries; a chain longer than this is damage.
constexpr std::size_t kMaxDirectoryBytes = std::size_t{1} << 23;
constexpr std::uint8_t kStorage = 1, kStream = 2, kRoot = 5;

std::uint32_t U32(const unsigned char* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}
std::uint16_t U16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }

class CompoundFile {
 public:
  // Reads and checks the header; false when it is not a compound file.
  bool Open(const std::string& path) {
    in_.open(path, std::ios::binary);
    if (!in_) return false;
    in_.seekg(0, std::ios::end);
    const std::streamoff size = in_.tellg();
    if (size < 512) return false;
    file_bytes_ = static_cast<std::uint64_t>(size);
    header_.resize(512);
    if (!ReadAt(0, header_.data(), header_.size())) return false;
    if (std::memcmp(header_.data(), kSignature, 8) != 0) return false;
    if (U16(&header_[0x1C]) != 0xFFFE) return false;  // byte order mark
    const std::uint16_t shift = U16(&header_[0x1E]);
    if (shift != 9 && shift != 12) return false;      // 512- or 4096-byte sectors
    sector_bytes_ = 1u << shift;
    sectors_ = (file_bytes_ + sector_bytes_ - 1) / sector_bytes_ - 1;
    return true;
  }

  // The sector allocation table, from the header's list of its sectors and
  // the chain of further list sectors.
  bool ReadFat() {
    const std::uint32_t fat_sectors = U32(&header_[0x2C]);
    if (fat_sectors > sectors_) return false;
    std::vector<std::uint32_t> fat_ids;
    for (int i = 0; i < kHeaderDifatEntries && fat_ids.size() < fat_sectors; ++i)
      fat_ids.push_back(U32(&header_[0x4C + 4 * i]));
    std::uint32_t next = U32(&header_[0x44]);
    std::vector<unsigned char> sector;
    for (std::uint64_t hops = 0; fat_ids.size() < fat_sectors; ++hops) {
      if (next > kMaxRegularSector || hops > sectors_ || !ReadSector(next, &sector)) return false;
      for (std::uint32_t i = 0; i + 1 < sector_bytes_ / 4 && fat_ids.size() < fat_sectors; ++i)
        fat_ids.push_back(U32(&sector[4 * i]));
      next = U32(&sector[sector_bytes_ - 4]);
    }
    for (std::uint32_t id : fat_ids) {
      if (fat_.size() >= sectors_) break;  // entries past the file's end are never used
      if (!ReadSector(id, &sector)) return false;
      for (std::uint32_t i = 0; i < sector_bytes_ / 4; ++i) fat_.push_back(U32(&sector[4 * i]));
    }
    return true;
  }

  // Every directory entry, following the directory's sector chain.
  bool ReadDirectory(std::vector<unsigned char>* entries) {
    std::uint32_t id = U32(&header_[0x30]);
    std::vector<unsigned char> sector;
    std::vector<bool> seen(fat_.size(), false);  // a chain that comes back is a loop
    while (id <= kMaxRegularSector) {
      if (id >= fat_.size() || seen[id] || !ReadSector(id, &sector)) return false;
      seen[id] = true;
      if (entries->size() >= kMaxDirectoryBytes) return false;
      entries->insert(entries->end(), sector.begin(), sector.end());
      id = fat_[id];
    }
    return !entries->empty();
  }

 private:
  bool ReadAt(std::uint64_t offset, unsigned char* out, std::size_t n) {
    in_.clear();
    in_.seekg(static_cast<std::streamoff>(offset));
    in_.read(reinterpret_cast<char*>(out), static_cast<std::streamsize>(n));
    return in_.gcount() > 0;
  }

  // A short last sector (a truncated file) reads as zeros past its end.
  bool ReadSector(std::uint32_t id, std::vector<unsigned char>* out) {
    if (id >= sectors_) return false;
    out->assign(sector_bytes_, 0);
    return ReadAt((static_cast<std::uint64_t>(id) + 1) * sector_bytes_, out->data(), sector_bytes_);
  }

  std::ifstream in_;
  std::uint64_t file_bytes_ = 0;
  std::uint32_t sector_bytes_ = 512;
  std::uint64_t sectors_ = 0;
  std::vector<unsigned char> header_;
  std::vector<std::uint32_t> fat_;
};

struct Entry {
  std::string name;  // ASCII names only; others are left empty
  std::uint8_t type = 0;
  std::uint32_t left = kNoStream, right = kNoStream, child = kNoStream;
};

Entry EntryAt(const std::vector<unsigned char>& entries, std::size_t index) {
  const unsigned char* p = &entries[index * kDirectoryEntryBytes];
  Entry e;
  const std::uint16_t name_bytes = U16(p + 0x40);
  for (std::uint16_t i = 0; i + 2 < name_bytes && i < 62; i += 2) {
    const std::uint16_t c = U16(p + i);
    if (c == 0 || c >= 0x80) {
      e.name.clear();
      break;
    }
    e.name += static_cast<char>(c);
  }
  e.type = p[0x42];
  e.left = U32(p + 0x44);
  e.right = U32(p + 0x48);
  e.child = U32(p + 0x4C);
  return e;
}

bool SameName(const std::string& a, const char* b) {
  if (a.size() != std::strlen(b)) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;  // compound file names ignore case
  return true;
}

// The names of the streams and storages right under the root: the root's
// child and everything reachable through left/right siblings.
std::optional<std::vector<std::string>> TopLevelNames(const std::vector<unsigned char>& entries) {
  const std::size_t count = entries.size() / kDirectoryEntryBytes;
  const Entry root = EntryAt(entries, 0);
  if (root.type != kRoot) return std::nullopt;
  std::vector<std::string> names;
  std::vector<bool> seen(count, false);
  std::vector<std::uint32_t> stack = {root.child};
  while (!stack.empty()) {
    const std::uint32_t id = stack.back();
    stack.pop_back();
    if (id == kNoStream) continue;
    if (id >= count || seen[id]) return std::nullopt;  // out of range, or a cycle
    seen[id] = true;
    const Entry e = EntryAt(entries, id);
    if (e.type == kStream || e.type == kStorage) names.push_back(e.name);
    stack.push_back(e.left);
    stack.push_back(e.right);
  }
  return names;
}

}  // namespace

Ole2Kind ClassifyOle2(const std::string& path) {
  CompoundFile file;
  std::vector<unsigned char> entries;
  if (!file.Open(path) || !file.ReadFat() || !file.ReadDirectory(&entries))
    return Ole2Kind::kDamaged;
  const std::optional<std::vector<std::string>> names = TopLevelNames(entries);
  if (!names) return Ole2Kind::kDamaged;
  for (const std::string& name : *names)
    if (SameName(name, "WordDocument")) return Ole2Kind::kWord;
  for (const std::string& name : *names)
    if (SameName(name, "Workbook") || SameName(name, "Book")) return Ole2Kind::kExcel;
  return Ole2Kind::kOther;
}

const char* Ole2KindName(Ole2Kind kind) {
  switch (kind) {
    case Ole2Kind::kWord: return "Word 97-2003";
    case Ole2Kind::kExcel: return "Excel 97-2003";
    default: return "OLE2";
  }
}

}  // namespace cnbudget::legacy
