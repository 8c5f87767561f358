#include "review/png_writer.h"

#include <png.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace cnbudget::review {
namespace {

// libpng reports errors by longjmp; nothing with a destructor may be
// created between setjmp and the calls that can fail, hence this plain
// function with its state prepared by the caller.
bool WriteRows(std::FILE* file, const pdf::GrayImage& image, png_bytep* rows) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (!png) return false;
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_init_io(png, file);
  png_set_compression_level(png, 3);
  png_set_IHDR(png, info, static_cast<png_uint_32>(image.width),
               static_cast<png_uint_32>(image.height), 8, PNG_COLOR_TYPE_GRAY,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_write_image(png, rows);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace

bool WriteGrayPng(const pdf::GrayImage& image, const std::string& path, std::string* error) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() != static_cast<std::size_t>(image.width) * image.height) {
    *error = "no image to write to " + path;
    return false;
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"),
                                                       &std::fclose);
  if (!file) {
    *error = "cannot write " + path;
    return false;
  }
  std::vector<png_bytep> rows(static_cast<std::size_t>(image.height));
  // libpng takes non-const row pointers but only reads them when writing.
  auto* base = const_cast<png_bytep>(image.pixels.data());
  for (int y = 0; y < image.height; ++y)
    rows[static_cast<std::size_t>(y)] = base + static_cast<std::size_t>(y) * image.width;
  if (!WriteRows(file.get(), image, rows.data())) {
    *error = "libpng failed to write " + path;
    return false;
  }
  if (std::fflush(file.get()) != 0) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

}  // namespace cnbudget::review
