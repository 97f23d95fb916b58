#include "relucert/trainer/svg_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

#include "relucert/trainer/network.hpp"

namespace relucert::trainer {

namespace {

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string num(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return buf;
}

std::string tick_label(double v) {
    char buf[32];
    if (v != 0 && (std::fabs(v) >= 1e5 || std::fabs(v) < 1e-3))
        std::snprintf(buf, sizeof buf, "%.0e", v);
    else
        std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// "Nice" linear ticks covering [lo, hi].
std::vector<double> linear_ticks(double lo, double hi) {
    const double span = hi - lo;
    const double raw = span / 5;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    std::vector<double> t;
    for (double v = std::ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) t.push_back(std::fabs(v) < 1e-12 * span ? 0.0 : v);
    return t;
}

const char* kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"};

}  // namespace

std::string render_line_plot(const PlotSpec& spec, const std::vector<PlotSeries>& series) {
    auto plottable = [&](double y) { return std::isfinite(y) && (!spec.log_y || y > 0); };
    double xlo = std::numeric_limits<double>::infinity(), xhi = -xlo, ylo = xlo, yhi = -xlo;
    for (const auto& s : series) {
        if (s.x.size() != s.y.size()) throw TrainerError("render_line_plot: series '" + s.label + "' has x, y of different length");
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            if (!std::isfinite(s.x[i]) || !plottable(s.y[i])) continue;
            const double y = spec.log_y ? std::log10(s.y[i]) : s.y[i];
            xlo = std::min(xlo, s.x[i]);
            xhi = std::max(xhi, s.x[i]);
            ylo = std::min(ylo, y);
            yhi = std::max(yhi, y);
        }
    }
    if (!(xlo <= xhi)) throw TrainerError("render_line_plot: nothing to plot");
    if (xhi == xlo) xhi = xlo + 1;
    if (spec.log_y) {
        ylo = std::floor(ylo);
        yhi = std::ceil(yhi);
        if (yhi == ylo) yhi = ylo + 1;
    } else if (yhi == ylo) {
        yhi = ylo + 1;
    }

    const double W = spec.width, H = spec.height;
    const double top = 40 + 14.0 * static_cast<double>(spec.notes.size()), left = 70, right = 20, bottom = 50;
    const double pw = W - left - right, ph = H - top - bottom;
    auto px = [&](double x) { return left + (x - xlo) / (xhi - xlo) * pw; };
    auto py = [&](double yv) { return top + (1 - (yv - ylo) / (yhi - ylo)) * ph; };

    std::ostringstream o;
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << spec.width << "\" height=\"" << spec.height
      << "\" viewBox=\"0 0 " << spec.width << " " << spec.height << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
    o << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    o << "<text x=\"" << num(W / 2) << "\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">" << escape(spec.title) << "</text>\n";
    for (std::size_t i = 0; i < spec.notes.size(); ++i)
        o << "<text x=\"" << num(W / 2) << "\" y=\"" << num(34 + 14.0 * static_cast<double>(i))
          << "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">" << escape(spec.notes[i]) << "</text>\n";
    o << "<rect x=\"" << num(left) << "\" y=\"" << num(top) << "\" width=\"" << num(pw) << "\" height=\"" << num(ph)
      << "\" fill=\"none\" stroke=\"black\"/>\n";
    // y ticks
    std::vector<double> yt;
    if (spec.log_y) {
        const int decades = static_cast<int>(yhi - ylo);
        const int every = std::max(1, decades / 8);
        for (int e = static_cast<int>(ylo); e <= static_cast<int>(yhi); e += every) yt.push_back(e);
    } else {
        yt = linear_ticks(ylo, yhi);
    }
    for (double t : yt) {
        const double y = py(t);
        o << "<line x1=\"" << num(left) << "\" y1=\"" << num(y) << "\" x2=\"" << num(left + pw) << "\" y2=\"" << num(y)
          << "\" stroke=\"#ddd\"/>\n";
        const std::string label = spec.log_y ? "1e" + std::to_string(static_cast<int>(t)) : tick_label(t);
        o << "<text x=\"" << num(left - 6) << "\" y=\"" << num(y + 4) << "\" text-anchor=\"end\">" << label << "</text>\n";
    }
    for (double t : linear_ticks(xlo, xhi)) {
        const double x = px(t);
        o << "<line x1=\"" << num(x) << "\" y1=\"" << num(top + ph) << "\" x2=\"" << num(x) << "\" y2=\"" << num(top + ph + 5)
          << "\" stroke=\"black\"/>\n";
        o << "<text x=\"" << num(x) << "\" y=\"" << num(top + ph + 18) << "\" text-anchor=\"middle\">" << tick_label(t)
          << "</text>\n";
    }
    o << "<text x=\"" << num(left + pw / 2) << "\" y=\"" << num(H - 10) << "\" text-anchor=\"middle\">" << escape(spec.x_label)
      << "</text>\n";
    o << "<text transform=\"translate(16," << num(top + ph / 2) << ") rotate(-90)\" text-anchor=\"middle\">"
      << escape(spec.y_label) << (spec.log_y ? " (log scale)" : "") << "</text>\n";
    // series
    for (std::size_t si = 0; si < series.size(); ++si) {
        const auto& s = series[si];
        const std::string color = s.color.empty() ? kPalette[si % std::size(kPalette)] : s.color;
        std::string path;
        bool pen_down = false;
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            if (!std::isfinite(s.x[i]) || !plottable(s.y[i])) {
                pen_down = false;
                continue;
            }
            const double y = spec.log_y ? std::log10(s.y[i]) : s.y[i];
            path += (pen_down ? " L" : " M") + num(px(s.x[i])) + " " + num(py(y));
            pen_down = true;
        }
        if (!path.empty())
            o << "<path d=\"" << path << "\" fill=\"none\" stroke=\"" << color << "\" stroke-width=\"1.5\"/>\n";
        const double ly = top + 14 + 16.0 * static_cast<double>(si);
        o << "<line x1=\"" << num(left + pw - 150) << "\" y1=\"" << num(ly - 4) << "\" x2=\"" << num(left + pw - 130)
          << "\" y2=\"" << num(ly - 4) << "\" stroke=\"" << color << "\" stroke-width=\"2\"/>\n";
        o << "<text x=\"" << num(left + pw - 125) << "\" y=\"" << num(ly) << "\">" << escape(s.label) << "</text>\n";
    }
    o << "</svg>\n";
    return o.str();
}

std::string render_heatmap(const HeatmapSpec& spec, const std::vector<PlotSeries>& overlays) {
    if (spec.nx == 0 || spec.ny == 0 || spec.values.size() != spec.nx * spec.ny)
        throw TrainerError("render_heatmap: values must have nx * ny > 0 entries");
    if (!(spec.x_lo < spec.x_hi) || !(spec.y_lo < spec.y_hi)) throw TrainerError("render_heatmap: empty range");
    auto transform = [&](double v) {
        if (!std::isfinite(v)) return std::numeric_limits<double>::quiet_NaN();
        if (spec.log_values) return v > 0 ? std::log10(v) : std::numeric_limits<double>::quiet_NaN();
        return v;
    };
    double vlo = std::numeric_limits<double>::infinity(), vhi = -vlo;
    for (double v : spec.values) {
        const double t = transform(v);
        if (std::isnan(t)) continue;
        vlo = std::min(vlo, t);
        vhi = std::max(vhi, t);
    }
    if (!(vlo <= vhi)) throw TrainerError("render_heatmap: no finite value to show");
    if (vhi == vlo) vhi = vlo + 1;
    // A perceptually ordered ramp (dark blue -> teal -> yellow), linear in sRGB between 3 stops.
    auto colour = [&](double t) {
        if (std::isnan(t)) return std::string("#999999");
        double u = std::clamp((t - vlo) / (vhi - vlo), 0.0, 1.0);
        const double stops[3][3] = {{68, 1, 84}, {33, 145, 140}, {253, 231, 37}};
        const int seg = u < 0.5 ? 0 : 1;
        const double f = u < 0.5 ? 2 * u : 2 * u - 1;
        char buf[8];
        int rgb[3];
        for (int c = 0; c < 3; ++c) rgb[c] = static_cast<int>(std::lround(stops[seg][c] + f * (stops[seg + 1][c] - stops[seg][c])));
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
        return std::string(buf);
    };
    const double W = spec.width, H = spec.height;
    const double top = 40 + 14.0 * static_cast<double>(spec.notes.size()), left = 70, right = 110, bottom = 50;
    const double pw = W - left - right, ph = H - top - bottom;
    auto px = [&](double x) { return left + (x - spec.x_lo) / (spec.x_hi - spec.x_lo) * pw; };
    auto py = [&](double y) { return top + (1 - (y - spec.y_lo) / (spec.y_hi - spec.y_lo)) * ph; };
    std::ostringstream o;
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << spec.width << "\" height=\"" << spec.height
      << "\" viewBox=\"0 0 " << spec.width << " " << spec.height << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
    o << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    o << "<text x=\"" << num(W / 2) << "\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">" << escape(spec.title) << "</text>\n";
    for (std::size_t i = 0; i < spec.notes.size(); ++i)
        o << "<text x=\"" << num(W / 2) << "\" y=\"" << num(34 + 14.0 * static_cast<double>(i))
          << "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">" << escape(spec.notes[i]) << "</text>\n";
    const double cw = pw / static_cast<double>(spec.nx), ch = ph / static_cast<double>(spec.ny);
    for (std::size_t j = 0; j < spec.ny; ++j)
        for (std::size_t i = 0; i < spec.nx; ++i)
            o << "<rect x=\"" << num(left + cw * static_cast<double>(i)) << "\" y=\""
              << num(top + ph - ch * static_cast<double>(j + 1)) << "\" width=\"" << num(cw + 0.3) << "\" height=\""
              << num(ch + 0.3) << "\" fill=\"" << colour(transform(spec.values[i + spec.nx * j])) << "\"/>\n";
    o << "<rect x=\"" << num(left) << "\" y=\"" << num(top) << "\" width=\"" << num(pw) << "\" height=\"" << num(ph)
      << "\" fill=\"none\" stroke=\"black\"/>\n";
    for (double t : linear_ticks(spec.x_lo, spec.x_hi))
        o << "<text x=\"" << num(px(t)) << "\" y=\"" << num(top + ph + 18) << "\" text-anchor=\"middle\">" << tick_label(t) << "</text>\n";
    for (double t : linear_ticks(spec.y_lo, spec.y_hi))
        o << "<text x=\"" << num(left - 6) << "\" y=\"" << num(py(t) + 4) << "\" text-anchor=\"end\">" << tick_label(t) << "</text>\n";
    o << "<text x=\"" << num(left + pw / 2) << "\" y=\"" << num(H - 10) << "\" text-anchor=\"middle\">" << escape(spec.x_label) << "</text>\n";
    o << "<text transform=\"translate(16," << num(top + ph / 2) << ") rotate(-90)\" text-anchor=\"middle\">" << escape(spec.y_label)
      << "</text>\n";
    // colour bar
    const double bx = left + pw + 20;
    for (int s = 0; s < 50; ++s) {
        const double t = vlo + (vhi - vlo) * (s + 0.5) / 50.0;
        o << "<rect x=\"" << num(bx) << "\" y=\"" << num(top + ph * (1 - (s + 1) / 50.0)) << "\" width=\"16\" height=\""
          << num(ph / 50.0 + 0.3) << "\" fill=\"" << colour(t) << "\"/>\n";
    }
    for (double t : linear_ticks(vlo, vhi)) {
        const double y = top + ph * (1 - (t - vlo) / (vhi - vlo));
        o << "<text x=\"" << num(bx + 20) << "\" y=\"" << num(y + 4) << "\" font-size=\"10\">"
          << (spec.log_values ? "1e" + tick_label(t) : tick_label(t)) << "</text>\n";
    }
    o << "<text transform=\"translate(" << num(bx + 8) << "," << num(top - 6) << ")\" text-anchor=\"middle\" font-size=\"10\">"
      << escape(spec.value_label) << "</text>\n";
    for (std::size_t si = 0; si < overlays.size(); ++si) {
        const auto& s = overlays[si];
        if (s.x.size() != s.y.size()) throw TrainerError("render_heatmap: overlay '" + s.label + "' has x, y of different length");
        const std::string color = s.color.empty() ? "white" : s.color;
        std::string path;
        bool pen = false;
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) {
                pen = false;
                continue;
            }
            path += (pen ? " L" : " M") + num(px(s.x[i])) + " " + num(py(s.y[i]));
            pen = true;
        }
        if (!path.empty())
            o << "<path d=\"" << path << "\" fill=\"none\" stroke=\"" << color << "\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n";
        o << "<text x=\"" << num(left + 8) << "\" y=\"" << num(top + 16 + 16.0 * static_cast<double>(si)) << "\" fill=\"" << color
          << "\">" << escape(s.label) << "</text>\n";
    }
    o << "</svg>\n";
    return o.str();
}

}  // namespace relucert::trainer
