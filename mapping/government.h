// Government-level budget reports: the report to the people's congress on a
// government's budget or final accounts ("关于X市2022年预算执行情况和2023年
// 预算草案的报告") and the tables attached to it, whose templates the Ministry
// of Finance's rules for local budget disclosure fix. They are another family
// than the departmental disclosures (部门预算/决算公开): a table of one family
// never gets a standard id of the other.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cnbudget::mapping {

// True for a squashed cover title of a government report: 关于…的报告 on a
// budget, its execution or final accounts, a 预算草案 / 决算草案, or a
// 总预算 / 总决算 / 本级预算 / 本级决算, and no 部门 / 单位 disclosure.
bool IsGovernmentReportTitle(std::string_view title);

// The government a report title names ("关于杭州市及市本级2022年…" -> 杭州市,
// "市十四届人大三次会议文件(15)关于广州市市级…" -> 广州市): the text after the
// last 关于 up to the first 省/市/自治区/自治州/县/区/旗/盟.
std::optional<std::string> GovernmentOfTitle(std::string_view title);

// The government a report's cover names outside its title: the session of
// the people's congress it was given at ("在长沙市第十六届人民代表大会") or
// the finance bureau that wrote it ("长沙市财政局"). Squashed text.
std::optional<std::string> GovernmentOfCoverLine(std::string_view line);

// The budget year of a report title: the year of its 预算草案 (a
// "2022年预算执行情况和2023年预算草案" report is the 2023 budget), else the
// first year the title prints.
std::optional<int> ReportYear(std::string_view title);

// The government-level standard id of a squashed table title, or nullopt
// when the title names no government template. Ids: gov.general_public_revenue,
// gov.general_public_expenditure, gov.general_public_basic_expenditure,
// gov.general_public (收支), gov.general_public_balance, gov.general_public_transfers,
// gov.fund_revenue, gov.fund_expenditure, gov.fund (收支), gov.fund_balance,
// gov.fund_transfers,
// gov.state_capital_revenue, gov.state_capital_expenditure, gov.state_capital,
// gov.social_insurance_revenue, gov.social_insurance_expenditure,
// gov.social_insurance, gov.debt_balance, gov.debt_bonds, gov.debt,
// gov.three_public.
std::optional<std::string> GovernmentStandardForTitle(std::string_view title);

// True when a title can only be a government-level table, whatever the
// document: 执行情况, 社会保险基金, 债务/债券, 转移支付/税收返还, 收支平衡, an
// 一般公共预算 / 政府性基金 / 国有资本经营 revenue table (收入 without 财政拨款).
bool IsGovernmentOnlyTitle(std::string_view title);

// What a government table's title says it covers: "own_level" (本级),
// "whole_area" (全市/全省/全县/全区), or nullopt.
std::optional<std::string> CoverageOfTitle(std::string_view title);

// The stage a table title states: "execution" (执行), "final" (决算),
// "budget" (预算), or nullopt.
std::optional<std::string> StageOfTitle(std::string_view title);

}  // namespace cnbudget::mapping
