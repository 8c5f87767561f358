#include "mapping/government.h"

#include <re2/re2.h>

#include "mapping/text_match.h"

namespace cnbudget::mapping {
namespace {

bool Revenue(std::string_view t) { return Has(t, "收入") && !Has(t, "收支") && !Has(t, "支出"); }
bool Expenditure(std::string_view t) { return Has(t, "支出") && !Has(t, "收支") && !Has(t, "收入"); }

// "<prefix>_balance" / "<prefix>_revenue" / "<prefix>_expenditure" / "<prefix>"
// by what the title covers.
std::string BySide(std::string_view t, const std::string& prefix) {
  if (Has(t, "平衡")) return prefix + "_balance";
  if (Revenue(t)) return prefix + "_revenue";
  if (Expenditure(t)) return prefix + "_expenditure";
  return prefix;
}

}  // namespace

bool IsGovernmentReportTitle(std::string_view t) {
  if (Has(t, "部门") || Has(t, "单位预算") || Has(t, "单位决算")) return false;
  bool budget_words = Has(t, "预算") || Has(t, "决算");
  if (!budget_words) return false;
  if (StartsWith(t, "关于") || Has(t, "的报告")) return true;
  return Has(t, "预算草案") || Has(t, "决算草案") || Has(t, "总预算") || Has(t, "总决算") ||
         Has(t, "本级预算") || Has(t, "本级决算") || Has(t, "预算执行情况");
}

std::optional<std::string> GovernmentOfTitle(std::string_view title) {
  std::string t(title);
  const size_t about = t.rfind("关于");
  if (about != std::string::npos) t = t.substr(about + std::string_view("关于").size());
  static const RE2 kGovernment(R"(^(.{1,12}?(?:自治区|自治州|省|市|县|区|旗|盟)))");
  std::string name;
  if (!RE2::PartialMatch(t, kGovernment, &name)) return std::nullopt;
  if (Has(name, "年") || Has(name, "预算") || Has(name, "决算")) return std::nullopt;
  return name;
}

std::optional<std::string> GovernmentOfCoverLine(std::string_view line) {
  // "在长沙市第十六届人民代表大会第一次会议上", "长沙市财政局".
  static const RE2 kSession(
      R"(在(.{1,12}?(?:自治区|自治州|省|市|县|区|旗|盟))第.{1,4}届人民代表大会)");
  static const RE2 kBureau(R"(^(.{1,12}?(?:自治区|自治州|省|市|县|区|旗|盟))财政(?:局|厅)$)");
  std::string l(line), name;
  if (RE2::PartialMatch(l, kSession, &name) || RE2::FullMatch(l, kBureau, &name)) {
    if (Has(name, "年")) return std::nullopt;
    return name;
  }
  return std::nullopt;
}

std::optional<int> ReportYear(std::string_view title) {
  // "2022年预算草案", "与2022年全市和市本级预算草案": the draft's year.
  static const RE2 kDraftYear(R"((\d{4})年度?[^\d年。，]{0,12}预算草案)");
  static const RE2 kYear(R"((\d{4})年)");
  int year = 0;
  std::string t(title);
  if (!RE2::PartialMatch(t, kDraftYear, &year) && !RE2::PartialMatch(t, kYear, &year)) return std::nullopt;
  if (year < 1990 || year > 2100) return std::nullopt;
  return year;
}

bool IsGovernmentOnlyTitle(std::string_view t) {
  if (Has(t, "执行情况") || Has(t, "社会保险基金") || Has(t, "债务") || Has(t, "债券") ||
      Has(t, "转移支付") || Has(t, "税收返还") || Has(t, "收支平衡"))
    return true;
  return (Has(t, "一般公共预算") || Has(t, "政府性基金") || Has(t, "国有资本经营")) && Revenue(t) &&
         !Has(t, "财政拨款");
}

std::optional<std::string> GovernmentStandardForTitle(std::string_view t) {
  if (!EndsWith(t, "表") && !Has(t, "表(")) return std::nullopt;
  if (Has(t, "债券")) return "gov.debt_bonds";
  if (Has(t, "债务")) return Has(t, "限额") || Has(t, "余额") ? "gov.debt_balance" : "gov.debt";
  if (Has(t, "三公")) return "gov.three_public";
  const bool fund = Has(t, "政府性基金");
  if (Has(t, "转移支付") || Has(t, "税收返还")) return fund ? "gov.fund_transfers" : "gov.general_public_transfers";
  if (Has(t, "社会保险基金")) return BySide(t, "gov.social_insurance");
  if (Has(t, "国有资本经营")) return BySide(t, "gov.state_capital");
  if (fund) return BySide(t, "gov.fund");
  if (Has(t, "一般公共预算")) {
    if (Has(t, "基本支出")) return "gov.general_public_basic_expenditure";
    return BySide(t, "gov.general_public");
  }
  return std::nullopt;
}

std::optional<std::string> CoverageOfTitle(std::string_view t) {
  if (Has(t, "本级")) return "own_level";
  if (Has(t, "全市") || Has(t, "全省") || Has(t, "全县") || Has(t, "全区")) return "whole_area";
  return std::nullopt;
}

std::optional<std::string> StageOfTitle(std::string_view t) {
  if (Has(t, "执行")) return "execution";
  if (Has(t, "决算")) return "final";
  if (Has(t, "预算")) return "budget";
  return std::nullopt;
}

}  // namespace cnbudget::mapping
