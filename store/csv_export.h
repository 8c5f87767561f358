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

// One field quoted per RFC 4180 when it holds a comma, quote, CR or LF.
std::string CsvField(const std::string& text);

}  // namespace cnbudget::store
