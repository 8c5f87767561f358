#include "store/store.h"

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "store/analyst_columns.h"
#include "store/csv_export.h"

namespace cnbudget::store {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::unique_ptr<Store> FreshStore(const std::string& name) {
  const fs::path path = fs::path(::testing::TempDir()) /
                        (name + "_" + std::to_string(getpid()) + ".sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  std::string error;
  auto store = Store::Open(path.string(), true, &error);
  EXPECT_TRUE(store) << error;
  return store;
}

std::string One(const Store& store, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(store.handle(), sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(store.handle());
  std::string row;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const unsigned char* t = sqlite3_column_text(stmt, i);
      row += (i ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "NULL");
    }
  }
  sqlite3_finalize(stmt);
  return row;
}

Json SampleDocument() {
  return Json::parse(R"({
    "schema": "cnbudget/1",
    "source": {"path": "/in/x.pdf", "sha256": "aa", "format": "pdf", "pages": 3, "bytes": 10},
    "document": {"unit": "测试单位", "year": 2024, "kind": "budget", "currency_unit": "万元",
                 "published": null, "family": "department"},
    "tables": [{"index": 0, "number": 1, "title": "收支总体情况表", "standard": "budget.summary",
                "stage": "budget",
                "unit": "万元", "compiler": null, "pages": [2, 3], "n_rows": 3, "n_cols": 2,
                "header_rows": 1, "verified": false,
                "doubts": ["cell_multiple_values", "table_rows_collapsed"],
                "cells": [{"r": 0, "c": 0, "rs": 1, "cs": 1, "raw": "项目", "text": "项目"},
                          {"r": 1, "c": 1, "rs": 1, "cs": 1, "raw": "1,229.70",
                           "text": "1229.70", "value": "1229.70", "page": 2,
                           "bbox": [1.5, 2, 3, 4]}],
                "records": [{"r": 1, "c": 1,
                             "row": {"code": "2010301", "class": "201", "kind": "03",
                                     "item": "01", "name": "行政运行", "project": null,
                                     "label": "2010301行政运行"},
                             "column": ["财政拨款", "一般公共预算"],
                             "measure": "general_public_budget", "value": "1229.70",
                             "unit": "万元"}]}],
    "issues": [{"severity": "warning", "code": "sum_mismatch", "table": 0, "r": 1, "c": 1,
                "message": "sum", "expected": "1.00", "found": "2.00", "page": 2,
                "bbox": [1.5, 2, 3, 4], "difference": "-1.00", "rounding": false}]
  })");
}

ConversionRun MakeRun(const std::string& path, const std::string& sha) {
  ConversionRun run;
  run.path = path;
  run.sha256 = sha;
  run.bytes = 10;
  run.started_at = "2026-01-01T00:00:00Z";
  run.tool_version = "test";
  return run;
}

TEST(StoreTest, WritesDocumentTablesCellsRecordsIssues) {
  auto store = FreshStore("store_full");
  WrittenDocument written;
  std::string error;
  ASSERT_TRUE(store->WriteDocument(MakeRun("/in/x.pdf", "aa"), SampleDocument(), &written, &error))
      << error;
  EXPECT_TRUE(written.ok);
  EXPECT_EQ(written.pages, 3);
  EXPECT_EQ(written.n_warnings, 1);
  EXPECT_EQ(One(*store, "SELECT status, unit, year, n_tables, n_records, n_issues FROM documents"),
            "ok|测试单位|2024|1|1|1");
  EXPECT_EQ(One(*store, "SELECT page_first, page_last, n_cells FROM tables"), "2|3|2");
  EXPECT_EQ(One(*store, "SELECT family FROM documents"), "department");
  EXPECT_EQ(One(*store, "SELECT page, x0, difference, rounding FROM issues_flat"), "2|1.5|-1.00|0");
  EXPECT_EQ(One(*store, "SELECT stage FROM tables"), "budget");
  EXPECT_EQ(One(*store, "SELECT verified, doubts FROM tables"),
            "0|cell_multiple_values,table_rows_collapsed");
  EXPECT_EQ(One(*store, "SELECT value, page, x0 FROM cells WHERE value IS NOT NULL"),
            "1229.70|2|1.5");
  EXPECT_EQ(One(*store, "SELECT standard, code, column_joined, measure, value, document_unit "
                        "FROM records_flat"),
            "budget.summary|2010301|财政拨款/一般公共预算|general_public_budget|1229.70|测试单位");
  EXPECT_EQ(One(*store, "SELECT column_path FROM records"), R"(["财政拨款","一般公共预算"])");
  EXPECT_EQ(One(*store, "SELECT severity, code, table_title, expected FROM issues_flat"),
            "warning|sum_mismatch|收支总体情况表|1.00");
}

TEST(StoreTest, SameIdentityReplacesAndKeepsPaths) {
  auto store = FreshStore("store_replace");
  std::string error;
  ASSERT_TRUE(store->WriteDocument(MakeRun("/in/x.pdf", "aa"), SampleDocument(), nullptr, &error));
  ASSERT_TRUE(store->AddPath("aa", "test", "/in/copy.pdf", &error));
  ASSERT_TRUE(store->WriteDocument(MakeRun("/in/x.pdf", "aa"), SampleDocument(), nullptr, &error));
  EXPECT_EQ(One(*store, "SELECT count(*) FROM documents"), "1");
  EXPECT_EQ(One(*store, "SELECT count(*) FROM tables"), "1");
  EXPECT_EQ(One(*store, "SELECT count(*) FROM records"), "1");
  EXPECT_EQ(One(*store, "SELECT count(*) FROM document_paths"), "2");
  std::unordered_map<std::string, std::string> converted;
  ASSERT_TRUE(store->Converted("test", &converted, &error));
  EXPECT_EQ(converted.size(), 1u);
  EXPECT_EQ(converted["aa"], "ok");
}

TEST(StoreTest, NewContentAtSamePathSupersedesTheOld) {
  auto store = FreshStore("store_supersede");
  std::string error;
  ASSERT_TRUE(store->WriteDocument(MakeRun("/in/x.pdf", "aa"), SampleDocument(), nullptr, &error));
  ASSERT_TRUE(store->WriteDocument(MakeRun("/in/x.pdf", "bb"), SampleDocument(), nullptr, &error));
  EXPECT_EQ(One(*store, "SELECT group_concat(sha256 || ':' || superseded) FROM documents"),
            "aa:1,bb:0");
  EXPECT_EQ(One(*store, "SELECT count(*), min(sha256) FROM records_flat"), "1|bb");
}

TEST(StoreTest, FailureIsAFailedRowWithAnErrorIssue) {
  auto store = FreshStore("store_failure");
  WrittenDocument written;
  std::string error;
  ASSERT_TRUE(store->WriteFailure(MakeRun("/in/y.pdf", "cc"), "timeout", "timed out after 3 s",
                                  &written, &error));
  EXPECT_FALSE(written.ok);
  EXPECT_EQ(One(*store, "SELECT status, error_code, error, n_issues FROM documents"),
            "failed|timeout|timed out after 3 s|1");
  EXPECT_EQ(One(*store, "SELECT severity, code FROM issues"), "error|timeout");
  // Unreadable files have no hash: they are identified by path instead.
  ASSERT_TRUE(store->WriteFailure(MakeRun("/in/z.pdf", ""), "unreadable_file", "no such file",
                                  nullptr, &error));
  ASSERT_TRUE(store->WriteFailure(MakeRun("/in/z.pdf", ""), "unreadable_file", "no such file",
                                  nullptr, &error));
  EXPECT_EQ(One(*store, "SELECT count(*) FROM documents WHERE sha256 = ''"), "1");
}

TEST(StoreTest, OddJsonIsStoredLenientlyAndNonObjectsRejected) {
  auto store = FreshStore("store_malformed");
  Json doc = SampleDocument();
  doc["tables"][0]["records"][0]["column"] = Json::array({1, "x"});  // stored leniently
  std::string error;
  ASSERT_TRUE(store->WriteDocument(MakeRun("/in/a.pdf", "a1"), doc, nullptr, &error)) << error;
  Json wrong = Json::array();  // not an object at all
  EXPECT_FALSE(store->WriteDocument(MakeRun("/in/b.pdf", "b1"), wrong, nullptr, &error));
  EXPECT_EQ(One(*store, "SELECT count(*) FROM documents"), "1");
  EXPECT_EQ(One(*store, "SELECT column_joined FROM records"), "x");
}

TEST(StoreTest, CsvFieldQuotesPerRfc4180) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("中文"), "中文");
}

TEST(AnalystColumns, ValueInFenIsExactOrAbsent) {
  EXPECT_EQ(ValueInFen("1229.70", "万元"), 1229700000);  // 12,297,000 元
  EXPECT_EQ(ValueInFen("-3.5", "元"), -350);
  EXPECT_EQ(ValueInFen("12", "亿元"), 120000000000);
  EXPECT_EQ(ValueInFen("0.000001", "万元"), 1);
  EXPECT_EQ(ValueInFen("1.001", "元"), std::nullopt);  // finer than 1 分: never rounded
  EXPECT_EQ(ValueInFen("1.000", "元"), 100);
  EXPECT_EQ(ValueInFen("96.5%", "万元"), std::nullopt);
  EXPECT_EQ(ValueInFen("10", "个"), std::nullopt);
  EXPECT_EQ(ValueInFen("999999999999999", "亿元"), std::nullopt);  // beyond 64 bits
}

TEST(CsvExport, CodesWithALeadingZeroStayText) {
  EXPECT_EQ(CsvTextField("05"), "=\"05\"");
  EXPECT_EQ(CsvTextField("0105"), "=\"0105\"");
  EXPECT_EQ(CsvTextField("201"), "201");     // no zero to lose
  EXPECT_EQ(CsvTextField("0"), "0");         // an amount
  EXPECT_EQ(CsvTextField("0.50"), "0.50");   // an amount
  EXPECT_EQ(CsvTextField("a,b"), "\"a,b\"");
}

TEST(AnalystColumns, UnitKeyFoldsSpellings) {
  EXPECT_EQ(UnitKey("上海市普陀区人民政府办公室"), UnitKey("上海市普陀区政府办公室"));
  EXPECT_EQ(UnitKey("上海市普陀区财政局（本级）"), "上海市普陀区财政局");
  EXPECT_EQ(UnitKey("中国共产党上海市普陀区委员会 办公室"), "上海市普陀区委办公室");
  EXPECT_EQ(UnitKey("中国共产党江苏省委员会办公厅"), UnitKey("江苏省委办公厅"));
  EXPECT_EQ(UnitKey("中共江苏省委办公厅"), UnitKey("江苏省委办公厅"));
  // Another body's 委员会 is kept: only a party committee is shortened.
  EXPECT_EQ(UnitKey("政协江苏省委员会办公厅"), "政协江苏省委员会办公厅");
  EXPECT_EQ(UnitKey("上海市普陀区商务委员会"), "上海市普陀区商务委员会");
}

}  // namespace
}  // namespace cnbudget::store
