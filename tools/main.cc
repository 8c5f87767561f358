// cnbudget: command-line front end. Kept thin: each subcommand parses its
// flags and calls into the library (tools/pipeline.h and the writers).
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "tools/convert_command.h"
#include "tools/export_command.h"
#include "tools/json_writer.h"
#include "tools/pipeline.h"

#ifndef CNBUDGET_VERSION
#define CNBUDGET_VERSION "unknown"
#endif

namespace {

// Exit statuses: 0 ok, 1 usage or output error, 2 the input could not be converted.
constexpr int kExitOk = 0;
constexpr int kExitOutputError = 1;
constexpr int kExitBadInput = 2;

int RunExtract(const std::string& input, const std::string& output) {
  cnbudget::model::Document doc = cnbudget::ConvertFile(input);
  if (output.empty() || output == "-") {
    std::cout << cnbudget::ToJson(doc);
  } else {
    std::string error;
    if (!cnbudget::WriteJsonFile(doc, output, &error)) {
      std::cerr << "cnbudget: " << error << "\n";
      return kExitOutputError;
    }
  }
  if (cnbudget::HasError(doc)) {
    for (const auto& i : doc.issues)
      if (i.severity == cnbudget::Severity::kError)
        std::cerr << "cnbudget: " << input << ": " << i.message << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cnbudget: Chinese government budget documents (PDF, DOCX) to data"};
  app.set_version_flag("--version", std::string(CNBUDGET_VERSION));
  app.require_subcommand(1);

  std::string input, output;
  CLI::App* extract = app.add_subcommand("extract", "Convert one file to canonical JSON");
  extract->add_option("FILE", input, "PDF or DOCX file")->required();
  extract->add_option("-o,--output", output, "output JSON file (default: stdout)");

  std::vector<cnbudget::Subcommand> commands;
  cnbudget::AddConvertCommand(app, &commands);
  cnbudget::AddExportCommand(app, &commands);

  CLI11_PARSE(app, argc, argv);
  if (extract->parsed()) return RunExtract(input, output);
  for (const cnbudget::Subcommand& command : commands)
    if (command.app->parsed()) return command.run();
  return kExitOk;
}
