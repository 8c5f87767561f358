// Run properties inherited from styles: which paragraph and character styles
// of word/styles.xml make text bold, and what size they give it, so that a
// run without its own w:b or w:sz still gets what its style (or the style
// that one is based on, or the document defaults) says.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <unordered_map>

namespace cnbudget::docx {

class StyleSheet {
 public:
  // Reads the w:style elements and w:docDefaults of a parsed styles.xml.
  void Load(const xmlNode* styles_root);

  // Whether text in style `style_id` is bold by the style chain; nullopt when
  // no style in the chain says.
  std::optional<bool> Bold(const std::string& style_id) const;

  // Font size in half points by the style chain; 0 when no style says.
  int HalfPoints(const std::string& style_id) const;

  // The paragraph style of paragraphs that name none (w:default="1").
  const std::string& default_paragraph_style() const { return default_paragraph_style_; }

  // Bold and size from the document defaults (w:rPrDefault); size 0 if unset.
  bool default_bold() const { return default_bold_; }
  int default_half_points() const { return default_half_points_; }

 private:
  struct Style {
    std::optional<bool> bold;
    int half_points = 0;
    std::string based_on;
  };
  // The first style up the chain from `style_id` for which `has` is true.
  template <typename Has>
  const Style* Find(const std::string& style_id, Has has) const;

  std::unordered_map<std::string, Style> styles_;
  std::string default_paragraph_style_;
  bool default_bold_ = false;
  int default_half_points_ = 0;
};

}  // namespace cnbudget::docx
