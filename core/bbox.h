// BBox: a box on a page, shared by the layout and by located issues.
#pragma once

namespace cnbudget {

// A box in PDF points, origin at the top-left of the (rotated) page.
struct BBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

}  // namespace cnbudget
