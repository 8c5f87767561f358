#include "extract/docx/paragraph_text.h"

#include <cstdlib>

#include "extract/docx/ooxml.h"

namespace cnbudget::docx {
namespace {

// Fields nest, but never this deep in a real document; the cap keeps a
// hostile file from growing the stack without end.
constexpr std::size_t kMaxFieldDepth = 64;

// w:sym names its character as hex, e.g. w:char="F0B7".
char32_t SymbolCodePoint(const xmlNode* sym) {
  const std::string hex = WAttr(sym, "char").value_or("");
  char* end = nullptr;
  const unsigned long cp = std::strtoul(hex.c_str(), &end, 16);
  if (hex.empty() || *end != '\0') return 0xFFFD;
  return static_cast<char32_t>(cp);
}

// Elements whose content is never shown as text of the paragraph.
bool IsHiddenContainer(const xmlNode* node) {
  return IsW(node, "del") || IsW(node, "moveFrom") || IsW(node, "pPr") ||
         IsW(node, "rPr") || IsW(node, "sdtPr") || IsW(node, "sdtEndPr") ||
         IsW(node, "instrText") || IsW(node, "delText") || IsW(node, "delInstrText") ||
         IsW(node, "fldData") || IsW(node, "rt") || IsMc(node, "Fallback");
}

}  // namespace

ParagraphText InlineReader::Read(const xmlNode* p) {
  ParagraphText out;
  paragraph_style_ = styles_ != nullptr ? styles_->default_paragraph_style() : "";
  if (const xmlNode* style = WChild(WChild(p, "pPr"), "pStyle"))
    paragraph_style_ = WAttr(style, "val").value_or("");
  const std::string label = NumberingLabel(p);
  Walk(p, &out);
  if (!out.has_text) out.all_bold = false;
  if (out.has_text) out.text.insert(0, label);
  return out;
}

std::string InlineReader::NumberingLabel(const xmlNode* p) {
  const xmlNode* num_pr = WChild(WChild(p, "pPr"), "numPr");
  if (num_pr == nullptr || numbering_ == nullptr) return "";
  const int num_id = WIntChild(num_pr, "numId", 0);  // 0 switches numbering off
  if (num_id <= 0) return "";
  return numbering_->Next(num_id, WIntChild(num_pr, "ilvl", 0));
}

void InlineReader::Walk(const xmlNode* node, ParagraphText* out) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || IsHiddenContainer(c)) continue;
    if (IsW(c, "r")) {
      ReadRun(c, out);
    } else if (IsW(c, "txbxContent")) {
      out->textboxes.push_back(c);
    } else if (IsMc(c, "AlternateContent")) {
      // Alternatives show the same content: read the first choice only.
      for (const xmlNode* alt = c->children; alt != nullptr; alt = alt->next)
        if (IsMc(alt, "Choice")) {
          Walk(alt, out);
          break;
        }
    } else if (IsMath(c, "t")) {
      if (!InFieldCode()) Emit(NodeText(c), false, out);
    } else {
      // Hyperlinks, smart tags, content controls, insertions, simple fields,
      // drawings (which may hold a text box) and math: their runs count.
      Walk(c, out);
    }
  }
}

void InlineReader::ReadRun(const xmlNode* run, ParagraphText* out) {
  const xmlNode* rpr = WChild(run, "rPr");
  // Hidden text (w:vanish) is neither shown nor printed; its field
  // characters still count, so the run is walked for them.
  const bool hidden = IsOn(WChild(rpr, "vanish"));
  const bool bold = RunBold(rpr);
  const int half_points = RunHalfPoints(rpr);
  const std::size_t size_before = out->text.size();
  for (const xmlNode* c = run->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (IsW(c, "fldChar")) {
      OnFieldChar(c);
      continue;
    }
    if (InFieldCode() || hidden) continue;
    if (IsW(c, "t")) {
      Emit(NodeText(c), bold, out);
    } else if (IsW(c, "tab") || IsW(c, "ptab")) {
      Emit("\t", bold, out);
    } else if (IsW(c, "br")) {
      // Page and column breaks end a page, not a line of the text.
      const std::string type = WAttr(c, "type").value_or("textWrapping");
      if (type != "page" && type != "column") Emit("\n", bold, out);
    } else if (IsW(c, "cr")) {
      Emit("\n", bold, out);
    } else if (IsW(c, "sym")) {
      std::string s;
      AppendUtf8(SymbolCodePoint(c), &s);
      Emit(s, bold, out);
    } else if (IsW(c, "noBreakHyphen")) {
      Emit("-", bold, out);
    } else if (!IsHiddenContainer(c)) {
      Walk(c, out);  // drawings, pictures, alternate content inside the run
    }
  }
  if (half_points > 0 && out->text.size() > size_before)
    out->font_size = std::max(out->font_size, half_points / 2.0);
}

void InlineReader::Emit(const std::string& piece, bool bold, ParagraphText* out) const {
  if (piece.empty()) return;
  out->text += piece;
  if (IsBlank(piece)) return;
  out->has_text = true;
  out->all_bold = out->all_bold && bold;
}

void InlineReader::OnFieldChar(const xmlNode* fld_char) {
  const std::string type = WAttr(fld_char, "fldCharType").value_or("");
  if (type == "begin") {
    if (field_in_result_.size() < kMaxFieldDepth) field_in_result_.push_back(false);
  } else if (type == "separate") {
    if (!field_in_result_.empty()) field_in_result_.back() = true;
  } else if (type == "end") {
    if (!field_in_result_.empty()) field_in_result_.pop_back();
  }
}

int InlineReader::RunHalfPoints(const xmlNode* rpr) const {
  if (const int own = WIntChild(rpr, "sz", 0); own > 0) return own;
  if (styles_ == nullptr) return 0;
  if (const xmlNode* rstyle = WChild(rpr, "rStyle"))
    if (const int size = styles_->HalfPoints(WAttr(rstyle, "val").value_or("")); size > 0)
      return size;
  if (const int size = styles_->HalfPoints(paragraph_style_); size > 0) return size;
  return styles_->default_half_points();
}

bool InlineReader::InFieldCode() const {
  for (bool in_result : field_in_result_)
    if (!in_result) return true;
  return false;
}

bool InlineReader::RunBold(const xmlNode* rpr) const {
  if (const xmlNode* b = WChild(rpr, "b")) return IsOn(b);
  if (styles_ == nullptr) return false;
  if (const xmlNode* rstyle = WChild(rpr, "rStyle"))
    if (auto bold = styles_->Bold(WAttr(rstyle, "val").value_or(""))) return *bold;
  if (!paragraph_style_.empty())
    if (auto bold = styles_->Bold(paragraph_style_)) return *bold;
  return styles_->default_bold();
}

}  // namespace cnbudget::docx
