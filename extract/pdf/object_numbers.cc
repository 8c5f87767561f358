#include "extract/pdf/object_numbers.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

namespace cnbudget::pdf {
namespace {

constexpr std::uint64_t kCeiling = 1ull << 40;
constexpr std::size_t kChunk = 1 << 20;
constexpr std::size_t kMaxToken = 32;  // longer words are not numbers we need

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool IsDelimiter(char c) {
  return std::strchr("()<>[]{}/%", c) != nullptr;
}

// Whitespace- and delimiter-separated words; a name keeps its '/'.
// Only what the three patterns need is remembered: the last two words.
class Scanner {
 public:
  void Feed(const char* data, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) Take(data[i]);
  }
  void Finish() { EndWord(); }
  std::uint64_t largest() const { return largest_; }

 private:
  void Take(char c) {
    if (IsSpace(c)) {
      EndWord();
    } else if (IsDelimiter(c)) {
      EndWord();
      if (c == '/') word_ = "/";
    } else if (word_.size() < kMaxToken) {
      word_ += c;
    } else {
      too_long_ = true;
    }
  }

  static std::optional<std::uint64_t> Number(const std::string& w) {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (w.empty() || w.size() > 13 || !std::all_of(w.begin(), w.end(), digit)) return {};
    return std::min<std::uint64_t>(std::stoull(w), kCeiling);
  }

  void Note(std::uint64_t n) { largest_ = std::max(largest_, std::min(n, kCeiling)); }

  void EndWord() {
    if (word_.empty()) return;
    std::string w = too_long_ ? std::string("?") : std::move(word_);
    word_.clear();
    too_long_ = false;
    if (w == "obj") {
      if (Number(prev2_) && Number(prev1_)) Note(*Number(prev2_));
    } else if (prev1_ == "/Size") {
      if (auto n = Number(w)) Note(*n);
    }
    Xref(w);
    prev2_ = std::move(prev1_);
    prev1_ = std::move(w);
  }

  // A classic xref table: "xref", then subsections of a "first count" line
  // and count entries of three words ("0000000009 00000 n"), then "trailer".
  void Xref(const std::string& w) {
    const auto n = Number(w);
    switch (xref_) {
      case XrefState::kOutside:
        if (w == "xref") xref_ = XrefState::kFirst;
        return;
      case XrefState::kFirst:
        xref_ = n ? XrefState::kCount : XrefState::kOutside;
        if (n) first_ = *n;
        return;
      case XrefState::kCount:
        if (!n) {
          xref_ = XrefState::kOutside;
          return;
        }
        Note(first_ + *n);
        entries_left_ = *n;
        entry_word_ = 0;
        xref_ = entries_left_ > 0 ? XrefState::kEntries : XrefState::kFirst;
        return;
      case XrefState::kEntries:
        if (++entry_word_ < 3) return;
        entry_word_ = 0;
        // A damaged table: stop reading it as one.
        if (w != "n" && w != "f") xref_ = XrefState::kOutside;
        else if (--entries_left_ == 0) xref_ = XrefState::kFirst;
        return;
    }
  }

  enum class XrefState { kOutside, kFirst, kCount, kEntries };

  std::string word_, prev1_, prev2_;
  bool too_long_ = false;
  XrefState xref_ = XrefState::kOutside;
  std::uint64_t first_ = 0, entries_left_ = 0;
  int entry_word_ = 0;
  std::uint64_t largest_ = 0;
};

}  // namespace

std::uint64_t LargestObjectNumber(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  Scanner scanner;
  std::vector<char> buffer(kChunk);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    scanner.Feed(buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  scanner.Finish();
  return scanner.largest();
}

std::uint64_t MaxObjectNumberFor(std::uint64_t bytes) {
  return std::max<std::uint64_t>(500000, bytes / 8);
}

std::optional<Issue> RefuseImplausibleObjectNumbers(const std::string& path) {
  std::error_code ec;
  const std::uint64_t bytes = std::filesystem::file_size(path, ec);
  if (ec) return std::nullopt;  // Poppler says what is wrong with it
  const std::uint64_t largest = LargestObjectNumber(path);
  if (largest <= MaxObjectNumberFor(bytes)) return std::nullopt;
  return MakeError("pdf_too_many_objects",
                   "the PDF names object number " + std::to_string(largest) + " in " +
                       std::to_string(bytes) + " bytes (at most " +
                       std::to_string(MaxObjectNumberFor(bytes)) +
                       " for its size): its cross-reference table is not built");
}

}  // namespace cnbudget::pdf
