// cnbudget: command-line front end. Kept thin: each subcommand parses its
// flags and calls into the library (tools/pipeline.h and the writers).
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "tools/batch_pool.h"
#include "tools/convert_command.h"
#include "tools/export_command.h"
#include "tools/extract_command.h"
#include "tools/review_command.h"

#ifndef CNBUDGET_VERSION
#define CNBUDGET_VERSION "unknown"
#endif

namespace {

int RunCli(int argc, char** argv) {
  CLI::App app{"cnbudget: Chinese government budget documents (PDF, DOCX, XLSX, DOC, XLS) to data"};
  app.set_version_flag("--version", std::string(CNBUDGET_VERSION));
  app.require_subcommand(1);

  std::vector<cnbudget::Subcommand> commands;
  cnbudget::AddExtractCommand(app, &commands);
  cnbudget::AddConvertCommand(app, &commands);
  cnbudget::AddExportCommand(app, &commands);
  cnbudget::AddReviewCommand(app, &commands);

  CLI11_PARSE(app, argc, argv);
  for (const cnbudget::Subcommand& command : commands)
    if (command.app->parsed()) return command.run();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Workers are forked copies of this process running RunCli again.
  cnbudget::SetWorkerEntry(&RunCli);
  return RunCli(argc, argv);
}
