// `cnbudget review FILE -o DIR`: converts one file and writes its review
// report (review/review.h), a static HTML folder to check the extraction
// against the page.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/layout.h"
#include "core/model.h"
#include "extract/extract.h"
#include "tools/batch_subcommand.h"

namespace cnbudget {

// Exit statuses of `cnbudget review`.
constexpr int kReviewOk = 0;
constexpr int kReviewOutputError = 1;  // the report could not be written
constexpr int kReviewBadInput = 2;     // written, but the file could not be read

void AddReviewCommand(CLI::App& app, std::vector<Subcommand>* commands);

// Writes the report of `doc` (converted from `input`, with the layout's text
// `lines`) into review_dir/<ReviewFolderName>/ with its summary.json: for
// `convert --review-dir`, in the batch worker. Returns false and sets *error
// when the report cannot be written.
bool WriteBatchReview(const model::Document& doc, const std::vector<TextLine>& lines,
                      const std::string& input, const std::string& review_dir,
                      std::string* error);

}  // namespace cnbudget
