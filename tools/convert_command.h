// `cnbudget convert INPUT... --db out.sqlite`: see tools/batch_runner.h.
// Also registers the hidden `batch-worker` subcommand the batch runs in each
// worker process.
#pragma once

#include <vector>

#include "tools/batch_subcommand.h"

namespace cnbudget {

void AddConvertCommand(CLI::App& app, std::vector<Subcommand>* commands);

}  // namespace cnbudget
