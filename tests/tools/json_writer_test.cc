#include "tools/json_writer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <gtest/gtest.h>

namespace cnbudget {
namespace {

model::Document SampleDocument() {
  model::Document doc;
  doc.source.path = "in/x.docx";
  doc.source.format = "docx";
  doc.document.unit = "昌吉州政府办公室";
  doc.document.year = 2023;
  model::Table t;
  t.number = 1;
  t.title = "收支总体情况表";
  model::Cell c;
  c.r = 2;
  c.c = 1;
  c.raw = "1。60";
  c.text = "1.60";
  c.value = "1.60";
  t.cells.push_back(c);
  doc.tables.push_back(t);
  doc.issues.push_back(MakeWarning("sum_mismatch", "x"));
  return doc;
}

TEST(JsonWriterTest, KeepsSpecKeyOrder) {
  const std::string json = ToJson(SampleDocument());
  const auto pos = [&](const char* key) { return json.find(key); };
  EXPECT_LT(pos("\"schema\""), pos("\"source\""));
  EXPECT_LT(pos("\"source\""), pos("\"document\""));
  EXPECT_LT(pos("\"document\""), pos("\"tables\""));
  EXPECT_LT(pos("\"tables\""), pos("\"issues\""));
}

TEST(JsonWriterTest, WritesValuesAsStringsAndUnknownsAsNull) {
  const std::string json = ToJson(SampleDocument());
  EXPECT_NE(json.find("\"value\": \"1.60\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"kind\": null"), std::string::npos);
  EXPECT_NE(json.find("\"pages\": null"), std::string::npos);
  EXPECT_NE(json.find("昌吉州政府办公室"), std::string::npos) << "UTF-8 must not be escaped";
}

TEST(JsonWriterTest, WritesVerifiedAndDoubts) {
  model::Document doc = SampleDocument();
  EXPECT_NE(ToJson(doc).find("\"verified\": null"), std::string::npos);
  EXPECT_NE(ToJson(doc).find("\"doubts\": []"), std::string::npos);
  doc.tables[0].verified = true;
  doc.tables[0].doubts = {"table_rows_collapsed"};
  const std::string json = ToJson(doc);
  EXPECT_NE(json.find("\"verified\": true"), std::string::npos) << json;
  EXPECT_NE(json.find("\"table_rows_collapsed\""), std::string::npos) << json;
}

// `-o /dev/null` run as root once renamed a temporary file over the device.
// A path that is not a regular file is written to as it is; a FIFO stands
// for any device here.
TEST(JsonWriterTest, WritesIntoAFifoWithoutReplacingIt) {
  const std::string fifo = ::testing::TempDir() + "/json_writer_fifo_" + std::to_string(getpid());
  std::remove(fifo.c_str());
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] {
    std::ifstream in(fifo, std::ios::binary);
    received.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  std::string error;
  EXPECT_TRUE(WriteJsonFile(SampleDocument(), fifo, &error)) << error;
  reader.join();
  struct stat st;
  ASSERT_EQ(stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_NE(received.find("\"schema\""), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(fifo + ".tmp"));
  std::remove(fifo.c_str());
}

TEST(JsonWriterTest, FailureNamesTheOsReason) {
  std::string error;
  EXPECT_FALSE(WriteJsonFile(SampleDocument(), "/nonexistent-dir/x.json", &error));
  EXPECT_NE(error.find("No such file or directory"), std::string::npos) << error;
}

TEST(JsonWriterTest, OmitsPageAndBBoxForDocxCells) {
  const std::string json = ToJson(SampleDocument());
  EXPECT_EQ(json.find("\"bbox\""), std::string::npos);
  EXPECT_EQ(json.find("\"page\""), std::string::npos);
}

TEST(JsonWriterTest, IsDeterministic) {
  EXPECT_EQ(ToJson(SampleDocument()), ToJson(SampleDocument()));
}

TEST(JsonWriterTest, SurvivesInvalidUtf8) {
  model::Document doc = SampleDocument();
  doc.tables[0].cells[0].raw = std::string("ab\xff\xfe", 4);
  EXPECT_NO_THROW(ToJson(doc));
}

}  // namespace
}  // namespace cnbudget
