#include "tests/mapping_front/truth_layout.h"

namespace cnbudget::testing {
namespace {

// Built in place: moving a temporary variant into the vector trips GCC 12's
// -Wmaybe-uninitialized false positive.
void AddLine(Layout& layout, std::string text) {
  std::get<TextLine>(layout.blocks.emplace_back(std::in_place_type<TextLine>)).text = std::move(text);
}

std::string Str(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

}  // namespace

Layout LayoutFromTruth(const nlohmann::json& truth) {
  Layout out;
  out.format = Str(truth, "format");
  const auto& doc = truth["document"];
  std::string kind = Str(doc, "kind") == "final" ? "决算" : "预算";
  AddLine(out, Str(doc, "unit"));
  AddLine(out, std::to_string(doc["year"].get<int>()) + "年部门" + kind + "公开");
  AddLine(out, "第一部分 概况");
  AddLine(out, "本单位的主要职能是……，下设若干科室。");
  for (const auto& t : truth["tables"]) {
    if (t["number"].is_number()) AddLine(out, "表" + std::to_string(t["number"].get<int>()));
    AddLine(out, Str(t, "title"));
    std::string compiler = Str(t, "compiler"), unit = Str(t, "unit");
    if (!compiler.empty())
      AddLine(out, "编制单位：" + compiler + (unit.empty() ? "" : "        单位：" + unit));
    else if (!unit.empty())
      AddLine(out, "单位：" + unit);
    RawTable rt;
    rt.n_rows = t["n_rows"].get<int>();
    rt.n_cols = t["n_cols"].get<int>();
    if (t.contains("pages") && t["pages"].is_array()) {
      rt.first_page = t["pages"][0].get<int>();
      rt.last_page = t["pages"][1].get<int>();
    }
    for (const auto& c : t["cells"]) {
      RawCell rc;
      rc.r = c["r"].get<int>();
      rc.c = c["c"].get<int>();
      rc.rs = c.value("rs", 1);
      rc.cs = c.value("cs", 1);
      rc.raw = Str(c, "text");
      rc.page = rt.first_page;
      rt.cells.push_back(std::move(rc));
    }
    out.blocks.emplace_back(std::in_place_type<RawTable>, std::move(rt));
    AddLine(out, "说明：本表反映部门预算情况。");
  }
  return out;
}

}  // namespace cnbudget::testing
