// 8-bit grayscale PNG files, through libpng.
#pragma once

#include <string>

#include "extract/pdf/gray_image.h"

namespace cnbudget::review {

// Writes `image` as an 8-bit grayscale PNG. Returns false and sets *error
// when the file cannot be written. Favours speed over the last percent of
// size (zlib level 3): a report renders every page that holds a table.
bool WriteGrayPng(const pdf::GrayImage& image, const std::string& path, std::string* error);

}  // namespace cnbudget::review
