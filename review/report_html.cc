// ReportHtml: the whole index.html, document facts and issues first, then
// one section per table (table_html.h).
#include <set>

#include "review/assets.h"
#include "review/html_text.h"
#include "review/review.h"
#include "review/table_html.h"

namespace cnbudget::review {
namespace {

std::string Int(int v) { return std::to_string(v); }

std::string Head(const model::Document& doc, const std::string& nonce) {
  const std::string title = doc.document.unit ? *doc.document.unit : doc.source.path;
  // Only the report's own script and style run, even if some document text
  // escaped its escaping; images come from the folder itself.
  return "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "img-src 'self' file: data:; style-src 'nonce-" + nonce + "'; script-src 'nonce-" +
         nonce + "'\"><meta name=\"viewport\" content=\"width=device-width\">"
         "<title>cnbudget review · " + Escape(title) + "</title><style nonce=\"" + nonce + "\">" +
         kReviewCss + "</style><script nonce=\"" + nonce + "\">" + kReviewErrorScript +
         "</script></head>";
}

void AppendMeta(const model::Document& doc, std::string* html) {
  const model::DocumentMeta& m = doc.document;
  std::string line;
  const auto add = [&](const std::string& name, const std::optional<std::string>& v) {
    if (v) line += "<span><b>" + name + "</b> " + Escape(*v) + "</span>";
  };
  add("unit", m.unit);
  add("year", m.year ? std::optional<std::string>(Int(*m.year)) : std::nullopt);
  add("kind", m.kind);
  add("family", m.family);
  add("scope", m.scope);
  add("money", m.currency_unit);
  add("published", m.published);
  add("format", doc.source.format.empty() ? std::nullopt : std::optional(doc.source.format));
  add("pages", doc.source.pages ? std::optional<std::string>(Int(*doc.source.pages)) : std::nullopt);
  *html += "<p class=\"meta\">" + line + "</p><p class=\"source\"><b>file</b> " +
           Escape(doc.source.path) + " <b>sha256</b> <code>" + Escape(doc.source.sha256) +
           "</code></p>";
}

void AppendNav(const model::Document& doc, std::string* html) {
  *html += "<nav><a href=\"#issues\">Issues (" + Int(static_cast<int>(doc.issues.size())) +
           ")</a>";
  for (const model::Table& t : doc.tables)
    *html += "<a href=\"#t" + Int(t.index) + "\" class=\"" + VerifiedWord(t) + "\">" +
             Int(t.index) + " " + Escape(t.standard ? *t.standard : "?") + "</a>";
  *html += "</nav>";
}

std::string IssueWhere(const Issue& i) {
  std::string where;
  if (i.table) where = "table " + Int(*i.table);
  if (i.r) where += " row " + Int(*i.r);
  if (i.c) where += " column " + Int(*i.c);
  if (i.page) where += (where.empty() ? "page " : ", page ") + Int(*i.page);
  return where;
}

void AppendIssue(const Issue& i, int n, std::string* html) {
  *html += "<li class=\"issue " + std::string(SeverityName(i.severity)) + "\" data-issue=\"" +
           Int(n) + "\"";
  const auto attr = [&](const char* name, const std::optional<int>& v) {
    if (v) *html += std::string(" data-") + name + "=\"" + Int(*v) + "\"";
  };
  attr("table", i.table);
  attr("r", i.r);
  attr("c", i.c);
  attr("page", i.page);
  if (i.bbox)
    *html += " data-bbox=\"" + std::to_string(i.bbox->x0) + " " + std::to_string(i.bbox->y0) +
             " " + std::to_string(i.bbox->x1) + " " + std::to_string(i.bbox->y1) + "\"";
  if (i.expected) *html += " data-expected=\"" + Escape(*i.expected) + "\"";
  if (i.found) *html += " data-found=\"" + Escape(*i.found) + "\"";
  *html += " tabindex=\"0\"><span class=\"sev\">" + std::string(SeverityName(i.severity)) +
           "</span> <code>" + Escape(i.code) + "</code> ";
  if (const std::string where = IssueWhere(i); !where.empty()) {
    const std::string target = i.table ? "#t" + Int(*i.table) : "#issues";
    *html += "<a href=\"" + target + "\">" + where + "</a> ";
  }
  *html += "<span class=\"msg\">" + Escape(i.message) + "</span>";
  if (i.expected || i.found)
    *html += " <span class=\"ef\">expected " + Escape(i.expected.value_or("(blank)")) +
             ", found " + Escape(i.found.value_or("(blank)")) + "</span>";
  *html += "</li>";
}

void AppendIssues(const model::Document& doc, std::string* html) {
  *html += "<section id=\"issues\"><h2>Issues (" + Int(static_cast<int>(doc.issues.size())) +
           ")</h2>";
  if (doc.issues.empty()) *html += "<p>None.</p>";
  *html += "<ol class=\"issues\">";
  for (std::size_t n = 0; n < doc.issues.size(); ++n)
    AppendIssue(doc.issues[n], static_cast<int>(n), html);
  *html += "</ol></section>";
}

// Scanned pages without a table: their OCR'd text boxes.
void AppendScanPages(const ReviewInput& input, const std::map<int, PageImage>& images,
                     std::string* html) {
  std::set<int> table_pages;
  for (const model::Table& t : input.doc.tables)
    for (const model::Cell& cell : t.cells) table_pages.insert(cell.page);
  std::string figures;
  for (const auto& [page, image] : images)
    if (image.image_only && !table_pages.count(page))
      AppendFigure(image, nullptr, input.lines, &figures);
  if (!figures.empty())
    *html += "<section id=\"scans\"><h2>Scanned pages without a table</h2><div class=\"pages\">" +
             figures + "</div></section>";
}

}  // namespace

std::string ReportHtml(const ReviewInput& input, const std::map<int, PageImage>& images,
                       const std::string& nonce) {
  const model::Document& doc = input.doc;
  std::string html = Head(doc, nonce);
  html += "<body><header><h1>" +
          Escape(doc.document.unit ? *doc.document.unit : doc.source.path) + "</h1>";
  AppendMeta(doc, &html);
  html += "<p class=\"legend\"><span class=\"k hdr\"></span>header cell "
          "<span class=\"k data\"></span>data cell <span class=\"k line\"></span>OCR text line "
          "<span class=\"k hl\"></span>issue · click a cell or an issue</p>"
          "<div id=\"review-status\" data-state=\"loading\">loading…</div></header>";
  AppendNav(doc, &html);
  html += "<main>";
  AppendIssues(doc, &html);
  for (const model::Table& t : doc.tables) AppendTable(t, images, input.lines, &html);
  AppendScanPages(input, images, &html);
  html += "</main><aside id=\"cell-info\" hidden></aside><script nonce=\"" + nonce + "\">" +
          kReviewScript + "</script></body></html>\n";
  return html;
}

}  // namespace cnbudget::review
