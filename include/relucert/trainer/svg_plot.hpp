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

namespace relucert::trainer {

// A heat map of a scalar field on a regular grid, for landscapes (linear paper Figure 1(c)): cell (i, j)
// covers x in [x_lo + i dx, x_lo + (i+1) dx], y likewise, and is coloured by value(i, j) on a
// blue-to-yellow scale (log10 of the value when log_values, where values <= 0 are drawn grey). Overlay
// series are drawn as lines on the same axes (a valley, a trajectory).
struct HeatmapSpec {
    std::string title, x_label, y_label, value_label;
    double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
    std::size_t nx = 0, ny = 0;
    std::vector<double> values;  // nx * ny, entry (i, j) at i + nx * j
    bool log_values = true;
    int width = 640, height = 560;
    std::vector<std::string> notes;
};

// Throws TrainerError if values.size() != nx * ny, nx or ny is 0, or the ranges are empty.
std::string render_heatmap(const HeatmapSpec& spec, const std::vector<PlotSeries>& overlays = {});

}  // namespace relucert::trainer
