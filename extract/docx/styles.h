// Bold from styles: which paragraph and character styles of word/styles.xml
// make their text bold, so that a run without its own w:b still counts as
// bold when its style (or the style that one is based on) says so.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <unordered_map>

namespace cnbudget::docx {

class BoldStyles {
 public:
  // Reads the w:style elements and w:docDefaults of a parsed styles.xml.
  void Load(const xmlNode* styles_root);

  // Whether text in style `style_id` is bold by the style chain; nullopt when
  // no style in the chain says.
  std::optional<bool> Bold(const std::string& style_id) const;

  // Bold from the document defaults (w:rPrDefault).
  bool default_bold() const { return default_bold_; }

 private:
  struct Style {
    std::optional<bool> bold;
    std::string based_on;
  };
  std::unordered_map<std::string, Style> styles_;
  bool default_bold_ = false;
};

}  // namespace cnbudget::docx
