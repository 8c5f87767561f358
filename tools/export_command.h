// `cnbudget export --db out.sqlite --csv DIR`: see store/csv_export.h.
#pragma once

#include <vector>

#include "tools/batch_subcommand.h"

namespace cnbudget {

void AddExportCommand(CLI::App& app, std::vector<Subcommand>* commands);

}  // namespace cnbudget
