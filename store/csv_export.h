// CSV export of a batch database, for spreadsheets and scripts.
#pragma once

#include <string>

struct sqlite3;

namespace cnbudget::store {

// Writes into dir (created if missing) one CSV per kind of row:
//   documents.csv  every document row, history (superseded = 1) included
//   tables.csv     tables of current documents, with the document's path/unit/year
//   records.csv    the records_flat view (current documents)
//   issues.csv     the issues_flat view (current documents)
//   facts.csv      the facts view: headline figures, one row per document and figure
// UTF-8 with a byte-order mark (so spreadsheet programs detect UTF-8), a
// header line, RFC 4180 quoting and CRLF line ends; NULL is an empty field.
// Each file is written to a temporary name and renamed. Returns false and
// sets *error on failure.
bool ExportCsv(sqlite3* db, const std::string& dir, std::string* error);

// Writes into dir/tables/ (created if missing) one CSV per table of the
// current documents, named <document_id>-<table_index>.csv: the table's grid
// as printed (cell text; a spanned cell's text in its top-left position,
// the other positions empty), same encoding as ExportCsv. A digit string with
// a leading zero (a code such as 05) is written ="05", which spreadsheets
// read as text; every other field is written as it is.
bool ExportPerTableCsv(sqlite3* db, const std::string& dir, std::string* error);

// The field as text a spreadsheet keeps: ="0105" for a digit string with a
// leading zero, else CsvField(text).
std::string CsvTextField(const std::string& text);

// One field quoted per RFC 4180 when it holds a comma, quote, CR or LF.
std::string CsvField(const std::string& text);

}  // namespace cnbudget::store
