// The report's inline style and scripts (no external assets: the folder
// must open from disk and travel as a mail attachment).
#pragma once

namespace cnbudget::review {

extern const char kReviewCss[];
// Runs first, in <head>: records script errors in #review-status (and on
// <html data-review-error> before the body exists), so a headless browser's
// DOM dump shows whether the page loaded cleanly.
extern const char kReviewErrorScript[];
// Runs last: cell and issue clicks, highlights, and at window load sets
// #review-status data-state to "ready" (or "error" with what failed).
extern const char kReviewScript[];

}  // namespace cnbudget::review
