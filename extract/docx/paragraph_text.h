// The text of WordprocessingML paragraphs, as Word shows it.
//
// Kept: w:t, w:tab ("\t"), w:br/w:cr ("\n"), w:sym, w:noBreakHyphen, field
// results (w:fldSimple content, runs between fldChar "separate" and "end"),
// and the content of w:hyperlink, w:smartTag, w:sdt, w:ins, w:customXml and
// math runs. Dropped: deleted text (w:del, w:moveFrom, w:delText), field
// codes (w:instrText, runs between fldChar "begin" and "separate"), hidden
// runs (w:vanish), ruby annotations (w:rt) and the mc:Fallback copy of
// alternate content. Text boxes (w:txbxContent) are not
// part of the paragraph's text: they are handed back for the caller to read
// as blocks of their own.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "extract/docx/numbering.h"
#include "extract/docx/styles.h"

namespace cnbudget::docx {

struct ParagraphText {
  std::string text;                       // raw, not normalized
  bool has_text = false;                  // some text that is not white space
  bool all_bold = true;                   // every run with such text is bold
  double font_size = 0;                   // largest run size (pt, own or by style), 0 if none
  std::vector<const xmlNode*> textboxes;  // w:txbxContent met in the paragraph
};

// What paragraphs are read with: the document's styles and its numbering
// state (shared by the body and every cell: list counters run through the
// whole document). Either may be null.
struct ReadContext {
  const StyleSheet* styles = nullptr;
  Numbering* numbering = nullptr;
};

// Reads paragraphs of one story (the body, or one table cell). A complex
// field may open in one paragraph and close in a later one (a table of
// contents does), so the reader keeps the field state between calls.
class InlineReader {
 public:
  explicit InlineReader(const ReadContext& context)
      : styles_(context.styles), numbering_(context.numbering) {}

  // Reads the w:p element `p`, its numbering label (if any) first.
  ParagraphText Read(const xmlNode* p);

 private:
  void Walk(const xmlNode* node, ParagraphText* out);
  void ReadRun(const xmlNode* run, ParagraphText* out);
  void Emit(const std::string& piece, bool bold, ParagraphText* out) const;
  void OnFieldChar(const xmlNode* fld_char);
  bool RunBold(const xmlNode* run_properties) const;
  int RunHalfPoints(const xmlNode* run_properties) const;
  bool InFieldCode() const;

  std::string NumberingLabel(const xmlNode* p);

  const StyleSheet* styles_;
  Numbering* numbering_;
  std::string paragraph_style_;
  // One entry per open complex field: false while in its code part, true
  // once its result part started.
  std::vector<bool> field_in_result_;
};

}  // namespace cnbudget::docx
