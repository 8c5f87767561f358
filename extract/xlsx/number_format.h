// Number formats: a stored number as a spreadsheet displays it.
//
// Budgets use a small part of the format language: General, fixed decimals
// ("0.00"), thousands ("#,##0.00"), percent ("0.00%"), sign sections
// ("#,##0.00;-#,##0.00", accounting "_(* #,##0_);_(* \(#,##0\);_(* \"-\"_)"),
// text ("@") and quoted literals ("0.00\"元\""). Those are rendered exactly,
// with decimal-string arithmetic (decimal_text.h). Dates, times, fractions,
// scientific notation and conditional sections are not rendered: the stored
// value is returned as it is, which is still the right number.
#pragma once

#include <string>

namespace cnbudget::xlsx {

// The format code of a built-in numFmtId (0 -> "General", 4 -> "#,##0.00");
// "" for ids with no locale-independent code (dates of East Asian locales).
std::string BuiltinFormatCode(int id);

// `stored` as `format_code` displays it: DisplayNumber("1528.7499999999998",
// "#,##0.00") == "1,528.75". Unparseable stored text comes back unchanged.
std::string DisplayNumber(const std::string& stored, const std::string& format_code);

}  // namespace cnbudget::xlsx
