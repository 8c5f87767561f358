#include "mapping/identify.h"

#include <re2/re2.h>

#include <map>
#include <vector>

#include "mapping/text_match.h"

namespace cnbudget::mapping {
namespace {

// Strips trailing annotations that follow a title: "(续)", "(续表)",
// "(2023年)", "(2023年度)", "(一)", "(功能科目)".
std::string StripTitleTail(std::string_view s) {
  static const RE2 kTail(R"(^(.*?表)(?:\([^()]{1,10}\)|续表?|\d{4}年度?)*$)");
  std::string head;
  if (RE2::FullMatch(s, kTail, &head)) return head;
  return std::string(s);
}

std::optional<std::string> FinalStandard(std::string_view t) {
  if (Has(t, "三公")) return "final.three_public";
  if (Has(t, "政府采购")) return "final.procurement";
  if (Has(t, "机关运行经费")) return "final.operating_costs";
  if (Has(t, "政府性基金")) return "final.gov_fund";
  if (Has(t, "国有资本经营")) return "final.state_capital";
  if (Has(t, "一般公共预算")) {
    if (Has(t, "基本支出")) return "final.general_public_basic";
    return "final.general_public";
  }
  if (Has(t, "财政拨款收入支出") || Has(t, "财政拨款收支")) return "final.fiscal_summary";
  if (Has(t, "收入支出决算总表") || Has(t, "收支决算总表") || Has(t, "收入支出决算表"))
    return "final.summary";
  if (Has(t, "收入决算")) return "final.income";
  if (Has(t, "支出决算")) return "final.expenditure";
  return std::nullopt;
}

std::optional<std::string> BudgetStandard(std::string_view t) {
  if (Has(t, "三公")) return "budget.three_public";
  // 政府采购 (procurement plans) and 机关运行经费 (running costs of the
  // offices) are tables of their own, named before the words they share.
  if (Has(t, "政府采购")) return "budget.procurement";
  if (Has(t, "机关运行经费")) return "budget.operating_costs";
  // The fiscal expenditure tables "财政拨款（基本）支出预算表" of older
  // templates share words with the standard ones.
  if (Has(t, "财政拨款") && !Has(t, "收支") && !Has(t, "收入支出") && !Has(t, "三公") &&
      !Has(t, "委托业务") && !Has(t, "政府性基金") && !Has(t, "国有资本"))
    return std::nullopt;
  if (Has(t, "委托业务")) return "budget.entrusted";
  if (Has(t, "结转结余") || Has(t, "结转和结余")) return "budget.carryover";
  if (Has(t, "政府性基金")) return "budget.gov_fund";
  if (Has(t, "国有资本经营")) return "budget.state_capital";
  if (Has(t, "一般公共预算")) {
    if (Has(t, "基本支出")) return "budget.general_public_basic";
    if (Has(t, "项目支出")) return "budget.general_public_project";
    if (Has(t, "支出")) return "budget.general_public";
    return std::nullopt;
  }
  if (Has(t, "财政拨款收支") || Has(t, "财政拨款收入支出")) return "budget.fiscal_summary";
  if (Has(t, "收支总") || Has(t, "收支预算总") || Has(t, "收入支出总") || Has(t, "收支情况表"))
    return "budget.summary";
  if (Has(t, "收入总体") || Has(t, "收入预算") || Has(t, "收入总表") || Has(t, "收入情况表"))
    return "budget.income";
  if (Has(t, "支出总体") || Has(t, "支出预算总") || Has(t, "支出总表") || Has(t, "支出预算表"))
    return "budget.expenditure";
  return std::nullopt;
}

std::optional<std::string> PerformanceStandard(std::string_view t) {
  bool whole = Has(t, "整体");
  bool project = Has(t, "项目");
  if (Has(t, "自评")) {
    if (whole) return "performance.unit_self_eval";
    if (project) return "performance.project_self_eval";
    return std::nullopt;
  }
  if (Has(t, "目标")) {
    if (whole) return "performance.unit_target";
    if (project) return "performance.project_target";
  }
  return std::nullopt;
}

}  // namespace

bool LooksLikeTitle(std::string_view s) {
  if (s.empty() || CodePoints(s) > 60) return false;
  if (Has(s, "。") || Has(s, "，") || Has(s, "；") || Has(s, ";")) return false;
  std::string t = StripTitleTail(s);
  // "详见下表", "见附表": sentences pointing at a table.
  if (EndsWith(t, "下表") || EndsWith(t, "附表") || EndsWith(t, "此表") || EndsWith(t, "本表")) return false;
  return EndsWith(t, "表");
}

std::optional<std::string> StandardForTitle(std::string_view title) {
  if (!LooksLikeTitle(title)) return std::nullopt;
  std::string t = StripTitleTail(title);
  // "为空表" sentences and "公开表" section headings are not titles.
  if (EndsWith(t, "空表") || EndsWith(t, "公开表")) return std::nullopt;
  if (Has(t, "绩效")) return PerformanceStandard(t);
  if (Has(t, "决算")) return FinalStandard(t);
  return BudgetStandard(t);
}

namespace {

// Squashed texts of the first rows of a table, one string per cell.
std::vector<std::string> HeaderTexts(const RawTable& t, int rows) {
  std::vector<std::string> out;
  for (const RawCell& c : t.cells)
    if (c.r < rows) out.push_back(Squash(c.raw));
  return out;
}

bool AnyIs(const std::vector<std::string>& v, std::string_view s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}
bool AnyHas(const std::vector<std::string>& v, std::string_view s) {
  for (const auto& x : v)
    if (Has(x, s)) return true;
  return false;
}

}  // namespace

std::optional<std::string> StandardForHeader(const RawTable& t, bool final_accounts) {
  std::vector<std::string> h = HeaderTexts(t, 4);
  if (h.empty()) return std::nullopt;
  // Performance forms: target tables and self-evaluations.
  if (AnyHas(h, "绩效") || AnyHas(h, "一级指标") || AnyHas(h, "指标值")) {
    bool eval = AnyHas(h, "自评") || AnyHas(h, "得分") || AnyHas(h, "实际完成值");
    bool whole = AnyHas(h, "部门名称") || AnyHas(h, "整体");
    bool project = AnyHas(h, "项目名称");
    if (eval) return whole ? "performance.unit_self_eval" : "performance.project_self_eval";
    if (project && !whole) return "performance.project_target";
    if (whole) return "performance.unit_target";
    return std::nullopt;
  }
  std::string p = final_accounts ? "final." : "budget.";
  if (AnyHas(h, "因公出国")) return p + "three_public";
  if (AnyIs(h, "财政拨款收入") && AnyIs(h, "财政拨款支出")) return p + "fiscal_summary";
  if (AnyIs(h, "收入") && AnyIs(h, "支出")) return p + "summary";
  if (AnyHas(h, "非财政拨款") && AnyIs(h, "小计")) return final_accounts ? std::nullopt
                                                                       : std::optional<std::string>("budget.carryover");
  if (AnyHas(h, "人员经费") && AnyHas(h, "公用经费") && AnyHas(h, "经济分类"))
    return p + "general_public_basic";
  if (!final_accounts && AnyHas(h, "项目支出合计") && AnyHas(h, "工资福利支出"))
    return std::string("budget.general_public_project");
  if (AnyHas(h, "财政专户") || AnyHas(h, "单位资金") || AnyHas(h, "事业收入"))
    return p + "income";
  bool spend_split = AnyHas(h, "基本支出") && AnyHas(h, "项目支出");
  if (spend_split) {
    if (AnyIs(h, "一般公共预算支出")) return p + "general_public";
    if (AnyIs(h, "政府性基金预算支出")) return p + "gov_fund";
    if (AnyIs(h, "国有资本经营预算支出")) return p + "state_capital";
    if (AnyIs(h, "支出预算") || AnyIs(h, "本年支出")) return p + "expenditure";
  }
  return std::nullopt;
}

}  // namespace cnbudget::mapping
