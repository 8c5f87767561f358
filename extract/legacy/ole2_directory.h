// What an OLE2 compound file (Microsoft's "Compound File Binary" container
// of Word 97-2003, Excel 97-2003, PowerPoint, MSI...) holds, judged by the
// names of the streams at its top level. Only the directory is read: the
// content itself is left to LibreOffice (office_converter.h).
#pragma once

#include <string>

namespace cnbudget::legacy {

enum class Ole2Kind {
  kWord,     // a "WordDocument" stream: Word 97-2003 (.doc)
  kExcel,    // a "Workbook" (BIFF8) or "Book" (BIFF5) stream: Excel (.xls)
  kOther,    // a valid compound file holding neither (PowerPoint, MSI, ...)
  kDamaged,  // not a compound file, or its header or directory is broken
};

// Reads the header, the sector allocation table and the directory of the
// file at `path`, every chain bounded by the file's size (a damaged or
// hostile file cannot loop or allocate past it). Streams inside sub-storages
// (an Excel chart embedded in a Word file) do not count.
Ole2Kind ClassifyOle2(const std::string& path);

// "Word 97-2003" / "Excel 97-2003" / "OLE2", for messages.
const char* Ole2KindName(Ole2Kind kind);

}  // namespace cnbudget::legacy
