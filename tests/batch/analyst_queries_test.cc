// The analyst's questions of docs/database.md, run as written there against a
// batch converted from the project's fixtures: the documented SQL must keep
// answering them, with units and figures an analyst can use.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;

// The ```sql blocks of docs/database.md that start with "-- question: NAME".
std::map<std::string, std::string> DocumentedQuestions() {
  std::ifstream in(CNBUDGET_SOURCE_DIR "/docs/database.md");
  std::map<std::string, std::string> out;
  std::string line, name, sql;
  bool in_block = false;
  while (std::getline(in, line)) {
    if (line == "```sql") {
      in_block = true;
      name.clear();
      sql.clear();
    } else if (in_block && line == "```") {
      in_block = false;
      if (!name.empty()) out[name] = sql;
    } else if (in_block) {
      const std::string marker = "-- question: ";
      if (line.rfind(marker, 0) == 0) name = line.substr(marker.size());
      sql += line + "\n";
    }
  }
  return out;
}

class AnalystQueries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = new fs::path(fs::path(::testing::TempDir()) /
                            ("analyst_" + std::to_string(getpid()) + ".sqlite"));
    const std::string fx = CNBUDGET_SOURCE_DIR "/fixtures/";
    // The final account again under another name, with other bytes (a line
    // after %%EOF) and so another sha256: the same content, a second document.
    copy_path_ = new fs::path(fs::path(::testing::TempDir()) /
                              ("analyst_" + std::to_string(getpid()) + "_copy.pdf"));
    {
      std::ifstream in(fx + "sample_final.pdf", std::ios::binary);
      std::ofstream out(*copy_path_, std::ios::binary | std::ios::trunc);
      out << in.rdbuf() << "% saved again\n";
    }
    const std::string cmd = std::string(CNBUDGET_BINARY) + " convert '" + fx + "sample_budget.docx' '" + fx +
                            "sample_final.pdf' '" + fx + "pdf_layouts/colrules_only.pdf' '" +
                            copy_path_->string() + "' --db '" + db_path_->string() + "' > /dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd;
  }
  static void TearDownTestSuite() {
    delete db_path_;
    delete copy_path_;
  }

  Rows Run(const std::string& question) {
    auto questions = DocumentedQuestions();
    EXPECT_TRUE(questions.count(question)) << "docs/database.md has no question: " << question;
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db_path_->c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    Rows rows;
    if (sqlite3_prepare_v2(db, questions[question].c_str(), -1, &st, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sqlite3_errmsg(db);
    } else {
      while (sqlite3_step(st) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int i = 0; i < sqlite3_column_count(st); ++i) {
          const unsigned char* t = sqlite3_column_text(st, i);
          row.push_back(t ? reinterpret_cast<const char*>(t) : "NULL");
        }
        rows.push_back(std::move(row));
      }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rows;
  }

  static fs::path* db_path_;
  static fs::path* copy_path_;
};

fs::path* AnalystQueries::db_path_ = nullptr;
fs::path* AnalystQueries::copy_path_ = nullptr;

TEST_F(AnalystQueries, TotalExpenditurePerUnitAndYear) {
  Rows rows = Run("total expenditure per unit and year");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"示例县农业农村局", "2024", "budget", "department", "1229.70", "万元",
                                               "12297000.0"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"示例县教育局", "2023", "final", "department", "1280.00", "万元",
                                               "12800000.0"}));
}

TEST_F(AnalystQueries, ACopyUnderAnotherNameIsLinkedToTheFirst) {
  Rows rows = Run("documents that repeat another");
  ASSERT_EQ(rows.size(), 1u);
  // Workers finish in any order, so either may be the earlier document.
  const std::string pair = rows[0][0] + "|" + rows[0][1];
  EXPECT_NE(pair.find("_copy.pdf"), std::string::npos) << pair;
  EXPECT_NE(pair.find("fixtures/sample_final.pdf"), std::string::npos) << pair;
  EXPECT_GE(std::stoi(rows[0][2]), 3);
  // The other documents (a budget, an untitled layout) repeat nothing.
}

TEST_F(AnalystQueries, ThreePublicTotalsAreComparableAcrossDocuments) {
  Rows rows = Run("三公 totals");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "示例县教育局");  // 12.50 万元 sorts above 12.00 万元
  EXPECT_EQ(rows[0][3], "department");
  EXPECT_EQ(rows[0][6], "125000.0");
  EXPECT_EQ(rows[1][4], "12.00");
  EXPECT_EQ(rows[1][7], "1");  // its table's sums hold
}

TEST_F(AnalystQueries, Class201PerUnit) {
  Rows rows = Run("class 201 per unit");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"示例局", "2024", "budget", "budget.general_public", "526", "万元",
                                               "5260000.0"}));
}

TEST_F(AnalystQueries, WhereTheArithmeticFails) {
  // The fixtures are consistent and read with confidence: nothing to list.
  EXPECT_TRUE(Run("where the arithmetic fails").empty());
}

TEST_F(AnalystQueries, OneUnitsSeriesAcrossYears) {
  Rows rows = Run("one unit's series across years");
  ASSERT_FALSE(rows.empty());
  bool total = false;
  for (const auto& r : rows) total |= r == std::vector<std::string>{"2023", "final", "expenditure_total", "12800000.0"};
  EXPECT_TRUE(total);
}

}  // namespace
