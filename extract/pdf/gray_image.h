// A grayscale raster of one rendered page, for OCR.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cnbudget::pdf {

// 8 bits per pixel, row-major, no row padding; 0 is black, 255 white.
// `dpi` is the resolution it was rendered at: a pixel is 72 / dpi points.
struct GrayImage {
  int width = 0, height = 0;
  double dpi = 0;
  std::vector<uint8_t> pixels;

  uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
  uint8_t& at(int x, int y) { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

}  // namespace cnbudget::pdf
