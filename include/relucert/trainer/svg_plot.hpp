// A small, dependency-free SVG line-plot writer for experiment figures: several series on shared axes,
// linear x, linear or logarithmic (base 10) y, decade ticks on a log axis, a legend. Points that a log
// axis cannot show (y <= 0, NaN, infinite) break the line instead of being clipped silently.
#pragma once

#include <string>
#include <vector>

namespace relucert::trainer {

struct PlotSeries {
    std::string label;
    std::vector<double> x, y;
    std::string color;  // any SVG colour; empty picks from a fixed palette
};

struct PlotSpec {
    std::string title, x_label, y_label;
    bool log_y = true;
    int width = 640, height = 420;
    std::vector<std::string> notes;  // small text lines under the title (setup, seed)
};

// The SVG document as text. Throws TrainerError if a series has x and y of different lengths or if
// no series has a plottable point.
std::string render_line_plot(const PlotSpec& spec, const std::vector<PlotSeries>& series);

}  // namespace relucert::trainer
