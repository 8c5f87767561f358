#include "mapping/measures.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace cnbudget {
namespace {

// Header text reduced to what identifies a template column: no white space,
// quotes or leading "其中:", ASCII parentheses.
std::string Canonical(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char ch = static_cast<unsigned char>(s[i]);
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '"' || ch == '\'') {
      ++i;
      continue;
    }
    bool replaced = false;
    for (auto [from, to] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
             {"（", "("}, {"）", ")"}, {"“", ""}, {"”", ""}, {"：", ":"}, {"\u3000", ""}}) {
      if (s.substr(i).starts_with(from)) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out.push_back(s[i++]);
  }
  for (std::string_view prefix : {"其中:", "其中"})
    if (std::string_view(out).starts_with(prefix)) out.erase(0, prefix.size());
  // "2024年机关运行经费预算数": the year does not make another template column.
  if (out.size() > 7 && std::all_of(out.begin(), out.begin() + 4, [](char ch) { return ch >= '0' && ch <= '9'; })) {
    std::string_view rest = std::string_view(out).substr(4);
    for (std::string_view year : {"年度", "年"})
      if (rest.starts_with(year)) {
        out.erase(0, 4 + year.size());
        break;
      }
  }
  return out;
}

struct Entry {
  const char* header;
  const char* id;
};

// Leaf captions. Order matters only for readability: lookups are exact.
constexpr Entry kLeaves[] = {
    // totals
    {"合计", "total"}, {"总计", "total"}, {"小计", "total"}, {"项目支出合计", "total"},
    {"本年收入合计", "total"}, {"本年支出合计", "total"}, {"支出合计", "total"}, {"收入合计", "total"},
    {"财政拨款(补助)小计", "fiscal_total"}, {"财政拨款小计", "fiscal_total"},
    // amounts of a side or a year
    {"预算数", "budget_amount"}, {"金额", "amount"}, {"决算数", "final_amount"},
    {"年初预算数", "initial_budget"}, {"调整预算数", "adjusted_budget"}, {"全年预算数", "annual_budget"},
    {"行次", "line_number"},
    // Government-level reports (docs/model.md section 3a).
    {"执行数", "execution_amount"}, {"预计执行数", "execution_amount"}, {"完成数", "execution_amount"},
    {"为预算%", "percent_of_budget"}, {"为预算的%", "percent_of_budget"}, {"完成预算%", "percent_of_budget"},
    {"为调整预算%", "percent_of_budget"}, {"比上年增长%", "growth_percent"}, {"比上年增长", "growth_percent"},
    {"增长%", "growth_percent"}, {"增幅", "growth_percent"}, {"增减%", "growth_percent"},
    {"上年执行数", "prior_year_execution"}, {"上年决算数", "prior_year_final"},
    // funding sources
    {"一般公共预算", "general_public_budget"}, {"一般公共预算拨款", "general_public_budget"},
    {"一般公共预算财政拨款", "general_public_budget"}, {"一般公共预算支出", "general_public_budget"},
    {"政府性基金预算", "gov_fund_budget"}, {"政府性基金", "gov_fund_budget"},
    {"政府性基金预算拨款", "gov_fund_budget"}, {"政府性基金预算财政拨款", "gov_fund_budget"},
    {"政府性基金预算支出", "gov_fund_budget"},
    {"国有资本经营预算", "state_capital_budget"}, {"国有资本经营预算拨款", "state_capital_budget"},
    {"国有资本经营预算财政拨款", "state_capital_budget"}, {"国有资本经营预算支出", "state_capital_budget"},
    {"上级一般公共预算安排的转移支付", "general_public_transfer"},
    {"上级一般公共预算安排转移支付", "general_public_transfer"},
    {"上级政府性基金安排的转移支付", "gov_fund_transfer"}, {"上级政府性基金安排转移支付", "gov_fund_transfer"},
    {"上级国有资本经营预算安排的转移支付", "state_capital_transfer"},
    {"上级国有资本经营预算安排转移支付", "state_capital_transfer"},
    {"财政专户(教育收费)", "fiscal_special_account"}, {"财政专户管理资金", "fiscal_special_account"},
    {"财政专户核拨", "fiscal_special_account"}, {"财政专户", "fiscal_special_account"},
    {"财政专户管理资金收入", "fiscal_special_account"},
    {"单位资金", "unit_funds"}, {"财政拨款", "fiscal_appropriation"}, {"财政拨款收入", "fiscal_appropriation"},
    {"财政拨款结转", "fiscal_carryover"}, {"财政拨款结转结余", "fiscal_carryover"},
    {"非财政拨款结转结余", "non_fiscal_carryover"}, {"非财政拨款结转", "non_fiscal_carryover"},
    {"上年结转", "prior_year_carryover"}, {"上年结转结余", "prior_year_carryover"},
    {"上年结转结余资金", "prior_year_carryover"},
    {"年初结转和结余", "opening_balance"}, {"年末结转和结余", "closing_balance"},
    {"本年收入", "current_year_income"}, {"本年支出", "current_year_expenditure"},
    {"结余分配", "surplus_distribution"},
    // income kinds (final accounts and unit funds)
    {"上级补助收入", "superior_subsidy_income"}, {"事业收入", "public_service_income"},
    {"经营收入", "operating_income"}, {"事业单位经营收入", "unit_operating_income"},
    {"附属单位上缴收入", "subsidiary_remittance_income"}, {"其他收入", "other_income"},
    // expenditure kinds
    {"基本支出", "basic_expenditure"}, {"项目支出", "project_expenditure"},
    {"人员经费", "personnel_expenses"}, {"公用经费", "public_expenses"},
    {"上缴上级支出", "remittance_to_superior"}, {"经营支出", "operating_expenditure"},
    {"对附属单位补助支出", "subsidiary_subsidy_expenditure"},
    // economic classification
    {"工资福利支出", "wages_and_benefits"}, {"商品和服务支出", "goods_and_services"},
    {"对个人和家庭的补助", "household_subsidies"}, {"债务利息及费用支出", "debt_interest"},
    {"资本性支出(基本建设)", "capital_construction"}, {"资本性支出", "capital_expenditure"},
    {"对企业补助(基本建设)", "enterprise_subsidies_construction"}, {"对企业补助", "enterprise_subsidies"},
    {"对社会保障基金补助", "social_security_fund_subsidies"}, {"其他支出", "other_expenditure"},
    // 三公 columns (final accounts)
    {"因公出国(境)费", "outbound_travel"}, {"因公出国(境)费用", "outbound_travel"},
    {"公务用车购置及运行费", "official_vehicles"}, {"公务用车购置及运行维护费", "official_vehicles"},
    {"公务用车购置费", "vehicle_purchase"}, {"公务用车运行费", "vehicle_operation"},
    {"公务用车运行维护费", "vehicle_operation"}, {"公务接待费", "official_reception"},
    {"购置费", "vehicle_purchase"}, {"运行费", "vehicle_operation"}, {"运行维护费", "vehicle_operation"},
    {"三公经费", "three_public_total"}, {"财政拨款三公经费", "three_public_total"},
    // other controlled expenses shown beside the 三公 (Shanghai, Jiangsu)
    {"会议费", "meeting_expenses"}, {"培训费", "training_expenses"},
    {"机关运行经费", "admin_operating_expenses"}, {"机关运行经费支出", "admin_operating_expenses"},
    {"机关运行经费预算数", "admin_operating_expenses"}, {"单位预留机动经费", "unit_contingency_reserve"},
};

std::optional<std::string> LeafId(const std::string& leaf) {
  for (const Entry& e : kLeaves)
    if (leaf == e.header) return std::string(e.id);
  return std::nullopt;
}

// Ancestors that split one caption into several template columns.
std::string PrefixOf(const std::string& ancestor) {
  if (ancestor == "财政拨款") return "fiscal_";
  if (ancestor == "非财政拨款") return "non_fiscal_";
  if (ancestor == "预算数" || ancestor == "全年预算数") return "budget_";
  if (ancestor == "决算数") return "final_";
  return "";
}

bool IsSideAmount(const std::string& leaf) {
  return leaf == "预算数" || leaf == "决算数" || leaf == "金额";
}

}  // namespace

std::optional<std::string> MeasureForPath(const std::vector<std::string>& path) {
  if (path.empty()) return std::nullopt;
  std::vector<std::string> levels;
  for (const std::string& p : path) levels.push_back(Canonical(p));
  const std::string& leaf = levels.back();
  std::optional<std::string> id = LeafId(leaf);
  // "人员经费 / 决算数", "因公出国(境)费 / 预算数": the amount column under a
  // named column takes that column's id, prefixed by the kind of amount.
  if (IsSideAmount(leaf) && levels.size() >= 2) {
    std::vector<std::string> parent_path(path.begin(), path.end() - 1);
    std::optional<std::string> parent = MeasureForPath(parent_path);
    if (parent) return PrefixOf(leaf) + *parent;
  }
  if (!id) return std::nullopt;
  std::string prefix;
  for (size_t i = 0; i + 1 < levels.size(); ++i) {
    std::string p = PrefixOf(levels[i]);
    if (!p.empty()) prefix = p;
  }
  if (*id == "total" && levels.size() >= 2) {
    const std::string& parent = levels[levels.size() - 2];
    if (parent == "财政拨款(补助)") return "fiscal_total";
    if (parent == "本年支出") return "current_year_expenditure";
    if (parent == "本年收入") return "current_year_income";
    if (parent == "公务用车购置及运行费" || parent == "公务用车购置及运行维护费") return prefix + "official_vehicles";
    if (parent == "三公经费" || parent == "三公经费预算数")
      return prefix + "three_public_total";
  }
  if (prefix == "fiscal_" && *id == "fiscal_total") return *id;
  return prefix + *id;
}

}  // namespace cnbudget
