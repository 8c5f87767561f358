// Text from a document made safe to put into HTML.
//
// Every string a PDF, DOCX or XLSX carries is untrusted: a cell may hold
// "<script>" or a quote that would end an attribute. The report writes such
// text only through these functions.
#pragma once

#include <string>
#include <string_view>

namespace cnbudget::review {

// Valid UTF-8 with no control characters but "\n" and "\t": invalid bytes
// and other controls (NUL, ESC, U+007F..U+009F) become U+FFFD.
std::string CleanUtf8(std::string_view text);

// CleanUtf8, then & < > " ' as character references: safe both between
// tags and inside a double- or single-quoted attribute value.
std::string Escape(std::string_view text);

}  // namespace cnbudget::review
