#include "tools/review_command.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "review/review.h"
#include "review/review_index.h"
#include "tools/limit_flags.h"
#include "tools/pipeline.h"

namespace cnbudget {
namespace {

struct ReviewArgs {
  std::string input, output;
  ExtractOptions options;
  review::ReviewOptions review;
  bool no_images = false;
  bool timings = false;
};

int RunReview(ReviewArgs& args) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  std::vector<TextLine> lines;
  const model::Document doc = ConvertFile(args.input, args.options, &lines);
  const review::ReviewInput input{doc, lines};
  const double model_seconds = std::chrono::duration<double>(Clock::now() - start).count();

  args.review.page_images = !args.no_images;
  review::ReviewTimings timings;
  std::string error;
  if (!review::WriteReview(input, args.input, args.output, args.review, &timings, &error)) {
    std::fprintf(stderr, "cnbudget review: %s\n", error.c_str());
    return kReviewOutputError;
  }
  const std::string index = (std::filesystem::path(args.output) / "index.html").string();
  std::printf("%s: %zu tables, %zu issues\n", index.c_str(), input.doc.tables.size(),
              input.doc.issues.size());
  if (args.timings)
    std::printf("timings: model %.3f s, rasterize %.3f s, png %.3f s, html %.3f s\n",
                model_seconds, timings.render.rasterize, timings.render.encode, timings.html);
  if (!HasError(input.doc)) return kReviewOk;
  for (const Issue& i : input.doc.issues)
    if (i.severity == Severity::kError)
      std::fprintf(stderr, "cnbudget: %s: %s\n", args.input.c_str(), i.message.c_str());
  return kReviewBadInput;
}

}  // namespace

bool WriteBatchReview(const model::Document& doc, const std::vector<TextLine>& lines,
                      const std::string& input, const std::string& review_dir,
                      std::string* error) {
  const std::string dir =
      (std::filesystem::path(review_dir) / review::ReviewFolderName(doc)).string();
  review::ReviewTimings ignored;
  return review::WriteReview({doc, lines}, input, dir, {}, &ignored, error) &&
         review::WriteReviewSummary(doc, dir, error);
}

void AddReviewCommand(CLI::App& app, std::vector<Subcommand>* commands) {
  auto args = std::make_shared<ReviewArgs>();
  CLI::App* review = app.add_subcommand(
      "review", "Write a static HTML report of one file: pages, detected tables, issues");
  review->add_option("FILE", args->input, "PDF, DOCX or XLSX file")->required();
  review->add_option("-o,--output", args->output, "report folder (index.html and page images)")
      ->required();
  review->add_option("--dpi", args->review.render.dpi, "resolution of the page images")
      ->check(CLI::Range(24.0, 300.0))
      ->capture_default_str();
  review->add_flag("--no-images", args->no_images, "no page images (grid and issues only)");
  review->add_flag("--timings", args->timings,
                   "print seconds spent converting, rendering, encoding PNG and writing HTML");
  AddInputLimitFlags(review, &args->options);
  commands->push_back({review, [args] { return RunReview(*args); }});
}

}  // namespace cnbudget
