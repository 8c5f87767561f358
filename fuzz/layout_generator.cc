#include "fuzz/layout_generator.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace cnbudget::fuzz {
namespace {

// Reads the input front to back; past the end every read is zero, so any
// input, even an empty one, yields a Layout.
class ByteSource {
 public:
  ByteSource(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::uint8_t Byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  // A number in [lo, hi].
  int Int(int lo, int hi) { return hi <= lo ? lo : lo + Byte() % (hi - lo + 1); }
  bool Chance(int percent) { return Byte() % 100 < percent; }
  bool Exhausted() const { return pos_ >= size_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

// Words that steer the mapper: captions, units, header words, row labels,
// codes, amounts in the shapes the normalizer accepts and rejects.
const char* const kWords[] = {
    "表1", "表2", "表3", "续表", "（续）", "部门收支总体情况表", "部门收入总体情况表",
    "部门支出总体情况表", "财政拨款收支总体情况表", "一般公共预算支出情况表",
    "一般公共预算基本支出情况表", "“三公”经费支出情况表", "政府性基金预算支出情况表",
    "项目支出绩效目标表", "部门预算", "部门决算", "2025年", "2024年度", "编制单位：某某局",
    "单位：万元", "单位：元", "单位:千元", "科目编码", "科目名称", "功能分类科目", "经济分类科目",
    "类", "款", "项", "项目", "预算数", "决算数", "合计", "总计", "小计", "其中：", "收入",
    "支出", "本年收入合计", "本年支出合计", "上年结转", "年末结转和结余", "基本支出",
    "项目支出", "人员经费", "公用经费", "一般公共预算拨款", "政府性基金", "因公出国（境）费",
    "公务接待费", "公务用车购置及运行费", "绩效指标", "指标值", "201", "20101", "2010101",
    "01", "05", "301", "30101", "1229.70", "1,858.41", "1 858.41", "(3.50)", "-12.5", "0",
    "0.00", "96.49%", "-", "—", "/", "12.5 13.6", "963.7\n7", "１２３．４５", "\n", " ", "　",
    "、", "（", "）", "收     入",
};

// Free characters for text the pool does not have (all valid UTF-8).
const char* const kChars[] = {"0", "1", "9", ".", ",", "%", "(", ")", "-", " ", "\n", "\t",
                              "a", "年", "元", "表", "计", "，", "。", "：", "\u200b", "\u00a0",
                              "\ufffd", "⻔", "𠀀"};

std::string Text(ByteSource& in) {
  std::string s;
  for (int n = in.Int(0, 3); n > 0; --n) {
    if (in.Chance(80)) {
      s += kWords[in.Byte() % std::size(kWords)];
    } else {
      for (int k = in.Int(1, 6); k > 0; --k) s += kChars[in.Byte() % std::size(kChars)];
    }
  }
  return s;
}

TextLine Line(ByteSource& in, int page) {
  TextLine line;
  line.text = Text(in);
  line.page = page;
  line.bold = in.Chance(20);
  line.font_size = in.Int(0, 24);
  if (page > 0) line.bbox = BBox{0, double(in.Int(0, 800)), 500, double(in.Int(0, 800))};
  return line;
}

RawCell Cell(ByteSource& in, int r, int c, int page) {
  RawCell cell;
  cell.r = r;
  cell.c = c;
  cell.rs = in.Chance(85) ? 1 : in.Int(1, 5);
  cell.cs = in.Chance(85) ? 1 : in.Int(1, 5);
  cell.raw = Text(in);
  cell.page = page;
  cell.bold = in.Chance(10);
  return cell;
}

// Either a full grid (one cell per position, as most extractors emit) or a
// sparse scatter of cells.
RawTable Table(ByteSource& in, int page) {
  RawTable t;
  t.n_rows = in.Int(0, 24);
  t.n_cols = in.Int(0, 9);
  t.first_page = page;
  t.last_page = page > 0 ? page + in.Int(0, 1) : 0;
  t.nesting = in.Chance(5) ? 1 : 0;
  t.marked_header_rows = in.Chance(20) ? in.Int(0, 3) : 0;
  if (t.n_rows == 0 || t.n_cols == 0) return t;
  if (in.Chance(60)) {
    for (int r = 0; r < t.n_rows && !in.Exhausted(); ++r)
      for (int c = 0; c < t.n_cols; ++c) t.cells.push_back(Cell(in, r, c, page));
  } else {
    for (int n = in.Int(0, 60); n > 0; --n) {
      const int r = in.Int(0, t.n_rows - 1), c = in.Int(0, t.n_cols - 1);
      t.cells.push_back(Cell(in, r, c, page));
    }
  }
  return t;
}

}  // namespace

Layout GenerateLayout(const std::uint8_t* data, std::size_t size) {
  ByteSource in(data, size);
  Layout layout;
  const bool pdf = in.Chance(50);
  layout.format = pdf ? "pdf" : "docx";
  int page = pdf ? 1 : 0;
  for (int n = in.Int(0, 40); n > 0 && !in.Exhausted(); --n) {
    if (pdf && in.Chance(15)) ++page;
    if (in.Chance(60))
      layout.blocks.push_back(Line(in, page));
    else
      layout.blocks.push_back(Table(in, page));
  }
  if (pdf) layout.pages = page;
  return layout;
}

}  // namespace cnbudget::fuzz
