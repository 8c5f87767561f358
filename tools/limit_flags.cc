#include "tools/limit_flags.h"

#include <unistd.h>

#include <memory>

namespace cnbudget {

void AddInputLimitFlags(CLI::App* app, ExtractOptions* options) {
  app->add_option_function<std::uint64_t>(
         "--max-file-mb",
         [options](std::uint64_t mb) { options->max_file_bytes = mb << 20; },
         "largest input file accepted, MiB (0: none)")
      ->default_str(std::to_string(options->max_file_bytes >> 20))
      ->check(CLI::Range(std::uint64_t{0}, std::uint64_t{1} << 30));
  app->add_option("--max-pages", options->max_pages,
                  "most pages a PDF may have (at most 100000)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
}

void AddOcrThreadsFlag(CLI::App* app, ExtractOptions* options) {
  app->add_option("--ocr-threads", options->ocr_threads,
                  "threads that OCR the pages of a scanned PDF (0: one per core)")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
}

void AddWorkerLimitFlags(CLI::App* app, WorkerLimits* limits) {
  app->add_option("--timeout", limits->timeout_seconds,
                  "seconds per document before its worker is killed (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app->add_option("--max-memory", limits->max_memory_mb,
                  "address-space limit per worker, MB (0: none; not applied under ASan)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app->add_option("--ocr-page-seconds", limits->ocr_page_seconds,
                  "seconds added to --timeout for each scanned page read by OCR (0: none)")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str();
}

std::vector<std::string> WorkerFlags(const ExtractOptions& options) {
  return {"--max-file-mb", std::to_string(options.max_file_bytes >> 20), "--max-pages",
          std::to_string(options.max_pages), "--ocr-threads", std::to_string(options.ocr_threads)};
}

std::string SelfExecutable() {
  char buf[4096];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return std::string(buf, static_cast<std::size_t>(n));
}

}  // namespace cnbudget
