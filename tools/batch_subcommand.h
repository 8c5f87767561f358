// A subcommand registered on the CLI by its own module, so main.cc stays a
// list of one-line registrations.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace cnbudget {

struct Subcommand {
  CLI::App* app = nullptr;  // parsed() tells whether the user chose it
  std::function<int()> run;  // runs it; returns the process exit status
};

}  // namespace cnbudget
