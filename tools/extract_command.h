// `cnbudget extract FILE [-o OUT.json]`: one file to canonical JSON.
//
// The file is converted in a worker process (the batch's, tools/batch_pool.h)
// under the --timeout and --max-memory limits, so a hang or a memory blow-up
// still ends in the error JSON of spec section 4 ("timeout",
// "out_of_memory") instead of a killed or stuck command. With both limits at
// 0 it converts in-process (handy under a debugger).
#pragma once

#include <vector>

#include "tools/batch_subcommand.h"

namespace cnbudget {

// Exit statuses of `cnbudget extract`.
constexpr int kExtractOk = 0;
constexpr int kExtractOutputError = 1;  // usage, or the JSON could not be written
constexpr int kExtractBadInput = 2;     // the JSON carries an error issue

void AddExtractCommand(CLI::App& app, std::vector<Subcommand>* commands);

}  // namespace cnbudget
