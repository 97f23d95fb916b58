#include "relucert/engine/certificate.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace relucert::engine {

std::string hex_double(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", x);
    return buf;
}

double parse_hex_double(const std::string& s) {
    if (s.empty() || s.size() > 64 || s.find_first_of(" \t\n") != std::string::npos)
        throw std::invalid_argument("not a number: '" + s + "'");
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(d)) throw std::invalid_argument("not a finite number: '" + s + "'");
    return d;
}

namespace {
io::JsonValue evidence_json(const Evidence& e) {
    io::JsonValue j = io::JsonValue::object();
    j.set("kind", to_string(e.kind));
    switch (e.kind) {
        case Evidence::Kind::Bound:
        case Evidence::Kind::MeanValue:
        case Evidence::Kind::ExactPoint: j.set("lower", hex_double(e.lower)); break;
        case Evidence::Kind::Monotone:
            j.set("var", e.var);
            j.set("dir", e.dir);
            j.set("face", evidence_json(*e.face));
            break;
        case Evidence::Kind::Taylor:
            j.set("var", e.var);
            j.set("end", e.end);
            j.set("order", e.order);
            j.set("rem", e.rem);
            break;
        case Evidence::Kind::Infeasible: j.set("constraint", e.var); break;
        case Evidence::Kind::Hessian: {
            io::JsonValue w = io::JsonValue::array();
            for (int v : e.where) w.push_back(v);
            j.set("where", std::move(w));
            break;
        }
    }
    return j;
}

io::JsonValue box_json(const Box& b) {
    io::JsonValue j = io::JsonValue::array();
    for (const auto& v : b) {
        io::JsonValue p = io::JsonValue::array();
        p.push_back(hex_double(v.lo()));
        p.push_back(hex_double(v.hi()));
        j.push_back(std::move(p));
    }
    return j;
}

io::JsonValue node_json(const std::vector<SubdivisionNode>& tree, int id) {
    const auto& n = tree[static_cast<std::size_t>(id)];
    io::JsonValue j = io::JsonValue::object();
    if (n.split_var >= 0) {
        io::JsonValue s = io::JsonValue::object();
        s.set("var", n.split_var);
        s.set("at", hex_double(n.split_at));
        j.set("split", std::move(s));
        io::JsonValue ch = io::JsonValue::array();
        ch.push_back(node_json(tree, n.lo_child));
        ch.push_back(node_json(tree, n.hi_child));
        j.set("children", std::move(ch));
        return j;
    }
    if (!n.evidence) throw std::logic_error("make_certificate: a leaf without evidence");
    j.set("box", box_json(n.box));
    j.set("evidence", evidence_json(*n.evidence));
    return j;
}
}  // namespace

io::JsonValue point_json(const Claim& claim, const std::vector<VariableMap>& maps, const std::vector<double>& s) {
    io::JsonValue p = io::JsonValue::object();
    for (std::size_t i = 0; i < maps.size(); ++i) {
        const double x = map_double(maps[i], s[i]);
        p.set(claim.info().variables[i].name, std::isinf(x) ? io::JsonValue(x > 0 ? "inf" : "-inf") : io::JsonValue::number(x));
    }
    return p;
}

io::JsonValue make_certificate(const Claim& claim, const SearchResult& r) {
    if (r.verdict == Verdict::Undecided) throw std::logic_error("make_certificate: the search was undecided");
    const auto& info = claim.info();
    io::JsonValue c = io::JsonValue::object();
    c.set("format", "relucert-certificate/1");
    c.set("claim", info.id);
    c.set("statement", info.statement);
    c.set("relation", to_string(info.relation));
    io::JsonValue params = io::JsonValue::object();
    for (std::size_t j = 0; j < info.parameters.size(); ++j) params.set(info.parameters[j].name, to_string(r.params[j]));
    c.set("parameters", std::move(params));
    io::JsonValue vars = io::JsonValue::array();
    for (std::size_t i = 0; i < info.variables.size(); ++i) {
        io::JsonValue v = io::JsonValue::object();
        v.set("name", info.variables[i].name);
        v.set("lo", info.variables[i].lo.text());
        v.set("hi", info.variables[i].hi.text());
        v.set("map", to_string(r.maps[i].kind));
        io::JsonValue in = io::JsonValue::array();
        in.push_back(hex_double(r.maps[i].s_lo));
        in.push_back(hex_double(r.maps[i].s_hi));
        v.set("internal", std::move(in));
        vars.push_back(std::move(v));
    }
    c.set("variables", std::move(vars));
    if (!claim.constraints().empty()) {
        io::JsonValue cs = io::JsonValue::array();
        for (const auto& k : claim.constraints()) cs.push_back(k->info().statement);
        c.set("constraints", std::move(cs));
    }
    c.set("verdict", to_string(r.verdict));
    if (r.verdict == Verdict::Certified) {
        c.set("tree", node_json(r.tree, 0));
    } else {
        const auto& ce = *r.counterexample;
        io::JsonValue j = io::JsonValue::object();
        io::JsonValue in = io::JsonValue::array();
        for (double s : ce.internal) in.push_back(hex_double(s));
        j.set("internal", std::move(in));
        j.set("point", point_json(claim, r.maps, ce.internal));
        c.set("counterexample", std::move(j));
    }
    return c;
}

}  // namespace relucert::engine
