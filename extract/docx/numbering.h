// Automatic paragraph numbering: the label Word draws before a paragraph
// whose w:pPr/w:numPr points into word/numbering.xml ("一、", "表1", "(2)",
// "①"). The label is part of what a reader sees (a caption "表1", a row label
// "一、本年收入"), so it is kept as text. Bullets give no label.
#pragma once

#include <libxml/tree.h>

#include <array>
#include <map>
#include <string>
#include <unordered_map>

namespace cnbudget::docx {

class Numbering {
 public:
  static constexpr int kLevels = 9;

  // Reads the w:abstractNum and w:num elements of a parsed numbering.xml.
  void Load(const xmlNode* numbering_root);

  // The label of the next paragraph of list `num_id` at `level`, followed by
  // the level's separator (a space for a tab or space, nothing for
  // "nothing"); advances the list's counters as Word does (a level counts
  // up, deeper levels start again). Empty for bullets and unknown lists.
  std::string Next(int num_id, int level);

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";  // w:numFmt
    std::string text;                // w:lvlText, e.g. "%1、" or "表%1"
    std::string suffix = " ";        // from w:suff
  };
  struct List {
    std::array<Level, kLevels> levels;
  };
  struct Instance {
    int abstract_id = -1;
    std::map<int, int> start_overrides;  // level -> w:startOverride
    std::array<int, kLevels> counters{};  // 0 = level not used yet
  };

  std::unordered_map<int, List> lists_;         // by w:abstractNumId
  std::unordered_map<int, Instance> instances_;  // by w:numId
};

// A counter in a w:numFmt ("decimal", "chineseCounting", "upperLetter", ...);
// unknown formats fall back to decimal. Exposed for tests.
std::string FormatCounter(int value, const std::string& format);

}  // namespace cnbudget::docx
