#include "engine_report.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "command.hpp"
#include "relucert/engine/certificate.hpp"

namespace relucert::cli {

using namespace relucert::engine;

bool is_claim_file(const std::string& arg) {
    if (arg.size() > 4 && arg.compare(arg.size() - 4, 4, ".bch") == 0) return true;
    std::ifstream f(arg);
    return f.good() && arg.find('/') != std::string::npos;
}

const Claim& claim_or_usage(const std::string& id) {
    if (const Claim* c = find_claim(id)) return *c;
    std::string msg = "unknown claim '" + id + "'";
    const auto near = similar_claim_ids(id);
    if (!near.empty()) {
        msg += " (did you mean ";
        for (std::size_t i = 0; i < near.size(); ++i) msg += (i ? ", " : "") + near[i];
        msg += "?)";
    } else {
        msg += " (relucert list shows the claims)";
    }
    throw UsageError{msg};
}

std::pair<std::string, Rational> parse_param_arg(const std::string& arg) {
    const auto eq = arg.find('=');
    if (eq == std::string::npos || eq == 0) throw UsageError{"--param expects NAME=VALUE, got '" + arg + "'"};
    try {
        return {arg.substr(0, eq), parse_rational(arg.substr(eq + 1))};
    } catch (const std::invalid_argument& e) {
        throw UsageError{"--param " + arg.substr(0, eq) + ": " + e.what()};
    }
}

std::vector<Rational> params_for(const Claim& c, const std::vector<std::pair<std::string, Rational>>& overrides) {
    auto p = default_params(c);
    for (const auto& [name, value] : overrides) {
        const int j = c.param_index(name);
        if (j >= 0) p[static_cast<std::size_t>(j)] = value;
    }
    return p;
}

io::JsonValue result_json(const Claim& c, const SearchResult& r) {
    const auto& info = c.info();
    io::JsonValue j = io::JsonValue::object();
    j.set("id", info.id);
    j.set("statement", info.statement);
    j.set("reference", info.reference);
    j.set("verdict", to_string(r.verdict));
    j.set("expected", to_string(info.expected));
    io::JsonValue params = io::JsonValue::object();
    for (std::size_t k = 0; k < info.parameters.size(); ++k) params.set(info.parameters[k].name, to_string(r.params[k]));
    j.set("parameters", std::move(params));
    j.set("boxes", r.boxes);
    j.set("seconds", io::JsonValue::number(r.seconds));
    j.set("lower_bound", r.lower_bound ? io::JsonValue::number(*r.lower_bound) : io::JsonValue());
    io::JsonValue tps = io::JsonValue::array();
    for (const auto& t : r.tight_points) {
        io::JsonValue tp = io::JsonValue::object(), pt = io::JsonValue::object(), ex = io::JsonValue::object();
        for (std::size_t i = 0; i < t.point.size(); ++i) {
            pt.set(info.variables[i].name, io::JsonValue::number(to_double(t.point[i])));
            ex.set(info.variables[i].name, to_string(t.point[i]));
        }
        tp.set("point", std::move(pt));
        tp.set("exact", std::move(ex));
        tp.set("argument", t.argument);
        tps.push_back(std::move(tp));
    }
    j.set("tight_points", std::move(tps));
    if (r.counterexample) {
        io::JsonValue ce = io::JsonValue::object();
        ce.set("point", point_json(c, r.maps, r.counterexample->internal));
        io::JsonValue v = io::JsonValue::array();
        // the enclosure of f itself (not the normalised g) at the point
        const Interval g = r.counterexample->value;
        const Interval f = relation_sign(info.relation) > 0 ? g : -g;
        v.push_back(io::JsonValue::number(f.lo()));
        v.push_back(io::JsonValue::number(f.hi()));
        ce.set("f_enclosure", std::move(v));
        if (r.counterexample->exact) ce.set("exact_value_of_g", r.counterexample->exact_value);
        j.set("counterexample", std::move(ce));
    } else {
        j.set("counterexample", io::JsonValue());
    }
    j.set("remaining_boxes", r.remaining.size());
    if (!r.reason.empty() && r.verdict == Verdict::Undecided) j.set("reason", r.reason);
    return j;
}

void write_text_file(const std::string& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot write " + path);
    f << text;
    if (!f) throw std::runtime_error("cannot write " + path);
}
std::string read_text_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

namespace {
const char* kind_colour(const Evidence& e) {
    switch (e.kind) {
        case Evidence::Kind::Bound: return "#4c9be8";
        case Evidence::Kind::MeanValue: return "#52b788";
        case Evidence::Kind::Monotone: return "#f4a261";
        case Evidence::Kind::Taylor: return "#9b5de5";
        case Evidence::Kind::Hessian: return "#e76f51";
        case Evidence::Kind::ExactPoint: return "#9b5de5";
        case Evidence::Kind::Infeasible: return "#bbbbbb";
    }
    return "#999";
}
}  // namespace

bool write_svg(const std::string& path, const Claim& c, const SearchResult& r) {
    const int n = c.dim();
    if (n < 1 || n > 2) return false;
    const double W = 600, H = n == 2 ? 600 : 120, pad = 40;
    auto sx = [&](double s) { return pad + W * (s - r.maps[0].s_lo) / (r.maps[0].s_hi - r.maps[0].s_lo); };
    auto sy = [&](double s) {
        return n == 2 ? pad + H * (1 - (s - r.maps[1].s_lo) / (r.maps[1].s_hi - r.maps[1].s_lo)) : pad;
    };
    std::ostringstream o;
    o << "<svg xmlns='http://www.w3.org/2000/svg' width='" << W + 2 * pad + 180 << "' height='" << H + 2 * pad + 20
      << "' font-family='sans-serif' font-size='11'>\n";
    o << "<title>" << c.info().id << ": " << to_string(r.verdict) << "</title>\n";
    double maxlow = 0;
    for (const auto& node : r.tree)
        if (node.evidence && std::isfinite(node.evidence->lower)) maxlow = std::max(maxlow, node.evidence->lower);
    for (const auto& node : r.tree) {
        if (node.split_var >= 0) continue;
        const double x0 = sx(node.box[0].lo()), x1 = sx(node.box[0].hi());
        const double y0 = n == 2 ? sy(node.box[1].hi()) : pad, y1 = n == 2 ? sy(node.box[1].lo()) : pad + H;
        std::string fill = "#cccccc";
        double op = 0.9;
        if (node.evidence) {
            fill = kind_colour(*node.evidence);
            // margin: darker where the proven lower bound is larger (log scale)
            const double lo = node.evidence->lower;
            op = lo > 0 && maxlow > 0 ? 0.35 + 0.6 * std::clamp(1 + std::log10(lo / maxlow) / 8, 0.0, 1.0) : 0.35;
        }
        o << "<rect x='" << x0 << "' y='" << y0 << "' width='" << std::max(0.2, x1 - x0) << "' height='"
          << std::max(0.2, y1 - y0) << "' fill='" << fill << "' fill-opacity='" << op
          << "' stroke='#333' stroke-width='0.2'/>\n";
    }
    auto mark = [&](const std::vector<double>& s, const char* colour, const char* label) {
        const double x = sx(s[0]), y = n == 2 ? sy(s[1]) : pad + H / 2;
        o << "<circle cx='" << x << "' cy='" << y << "' r='5' fill='none' stroke='" << colour << "' stroke-width='2'><title>"
          << label << "</title></circle>\n";
    };
    for (const auto& t : r.tight_points) {
        // back to internal coordinates: tight points are exact claim points; find them among box corners
        std::vector<double> s;
        for (int i = 0; i < n; ++i) {
            double best = r.maps[i].s_lo, err = 1e300;
            for (double cand : {r.maps[i].s_lo, r.maps[i].s_hi}) {
                const double e = std::fabs(map_double(r.maps[i], cand) - to_double(t.point[i]));
                if (e < err) err = e, best = cand;
            }
            if (r.maps[i].kind == MapKind::Identity) best = to_double(t.point[i]);
            s.push_back(best);
        }
        mark(s, "#d00000", t.argument.c_str());
    }
    if (r.counterexample) mark(r.counterexample->internal, "#000000", "counterexample");
    o << "<text x='" << pad << "' y='" << H + 2 * pad << "'>" << c.info().id << " — " << to_string(r.verdict) << ", "
      << r.boxes << " boxes; axes: internal coordinates of " << c.info().variables[0].name
      << (n == 2 ? " (x) and " + c.info().variables[1].name + " (y)" : std::string()) << "</text>\n";
    const char* legend[][2] = {{"#4c9be8", "natural extension"}, {"#52b788", "mean-value form"},
                               {"#f4a261", "monotone face"},     {"#9b5de5", "Taylor / exact point"},
                               {"#e76f51", "Hessian (tight)"},   {"#cccccc", "undecided / open"}};
    for (int k = 0; k < 6; ++k) {
        const double y = pad + 18 * k;
        o << "<rect x='" << W + pad + 15 << "' y='" << y << "' width='12' height='12' fill='" << legend[k][0] << "'/>"
          << "<text x='" << W + pad + 32 << "' y='" << y + 10 << "'>" << legend[k][1] << "</text>\n";
    }
    o << "<text x='" << W + pad + 15 << "' y='" << pad + 120 << "' fill='#d00000'>o tight point</text>\n";
    o << "<text x='" << W + pad + 15 << "' y='" << pad + 136 << "'>o counterexample</text>\n";
    o << "</svg>\n";
    write_text_file(path, o.str());
    return true;
}

std::function<void(std::size_t, std::size_t)> progress_line(const std::string& id, bool quiet) {
    if (quiet || !isatty(2)) return nullptr;
    auto last = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
    return [id, last](std::size_t done, std::size_t open) {
        const auto now = std::chrono::steady_clock::now();
        if (now - *last < std::chrono::milliseconds(200)) return;
        *last = now;
        std::fprintf(stderr, "\r\033[Krelucert: %s: %zu boxes, %zu open", id.c_str(), done, open);
        std::fflush(stderr);
    };
}
void end_progress_line(bool quiet) {
    if (!quiet && isatty(2)) std::fprintf(stderr, "\r\033[K");
}

}  // namespace relucert::cli
