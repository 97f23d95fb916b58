#include "relucert/minibex/file_claim.hpp"

#include <optional>
#include <stdexcept>

namespace relucert::minibex {
namespace {

// One functor type per kind of program: the Taylor argument is unavailable (never unsound) for
// programs with kinks or with functions that have no Taylor series here.
struct Smooth {
    std::shared_ptr<const Program> prog;
    template <class T>
    T operator()(const T* x, const T*) const {
        return eval(*prog, x);
    }
};
struct NonSmooth {
    static constexpr bool no_taylor = true;
    std::shared_ptr<const Program> prog;
    template <class T>
    T operator()(const T* x, const T*) const {
        return eval(*prog, x);
    }
};

template <int N>
std::unique_ptr<engine::Claim> make_n(engine::ClaimInfo info, std::shared_ptr<const Program> prog) {
    if (prog->has_kinks() || prog->has_taylor_gaps()) return engine::make_claim<N>(std::move(info), NonSmooth{std::move(prog)});
    return engine::make_claim<N>(std::move(info), Smooth{std::move(prog)});
}

std::unique_ptr<engine::Claim> make_dim(engine::ClaimInfo info, std::shared_ptr<const Program> prog) {
    switch (info.variables.size()) {
        case 1: return make_n<1>(std::move(info), std::move(prog));
        case 2: return make_n<2>(std::move(info), std::move(prog));
        case 3: return make_n<3>(std::move(info), std::move(prog));
        case 4: return make_n<4>(std::move(info), std::move(prog));
        case 5: return make_n<5>(std::move(info), std::move(prog));
        case 6: return make_n<6>(std::move(info), std::move(prog));
        case 7: return make_n<7>(std::move(info), std::move(prog));
        case 8: return make_n<8>(std::move(info), std::move(prog));
        default:
            throw std::invalid_argument("claim files support 1 to " + std::to_string(kMaxFileDim) + " variables, this one has " +
                                        std::to_string(info.variables.size()));
    }
}

engine::ClaimInfo base_info(const Problem& p) {
    engine::ClaimInfo info;
    info.id = claim_id(p);
    info.reference = p.meta.count("source") ? p.meta.at("source") : p.file;
    for (const auto& v : p.variables) info.variables.push_back({v.name, v.lo, v.hi, ""});
    if (p.meta.count("note")) info.notes = p.meta.at("note");
    return info;
}

void attach(engine::Claim& claim, const Problem& p, const std::optional<Rational>& eq_tol) {
    int k = 0;
    for (const auto& c : p.constraints) {
        const std::string base = "constraint " + std::to_string(++k) + " (line " + std::to_string(c.line) + "): " + c.text;
        auto add = [&](const Program& prog, engine::Relation rel, const std::string& what) {
            claim.add_constraint(make_program_claim(p, prog, rel, claim.info().id + ".c" + std::to_string(k), what));
        };
        switch (c.kind) {
            case ConstraintKind::LessEq: add(c.expr, engine::Relation::LessEq, base); break;
            case ConstraintKind::GreaterEq: add(c.expr, engine::Relation::GreaterEq, base); break;
            case ConstraintKind::Less: add(c.expr, engine::Relation::Less, base); break;
            case ConstraintKind::Greater: add(c.expr, engine::Relation::Greater, base); break;
            case ConstraintKind::Equal:
                if (!eq_tol) {
                    add(c.expr, engine::Relation::GreaterEq, base + " [as lhs - rhs >= 0]");
                    add(c.expr, engine::Relation::LessEq, base + " [as lhs - rhs <= 0]");
                } else {
                    // h - tol <= 0 and h + tol >= 0
                    auto shifted = [&](const Rational& d) {
                        Program q = c.expr;
                        Node cn;
                        cn.op = Op::Const;
                        cn.value = d;
                        q.nodes.push_back(cn);
                        q.const_enclosure.push_back(enclose(d));
                        Node s;
                        s.op = Op::Add;
                        s.a = static_cast<int>(q.nodes.size()) - 2;
                        s.b = static_cast<int>(q.nodes.size()) - 1;
                        q.nodes.push_back(s);
                        q.const_enclosure.push_back(Interval(0));
                        return q;
                    };
                    const std::string t = to_string(*eq_tol);
                    add(shifted(-*eq_tol), engine::Relation::LessEq, base + " [relaxed: lhs - rhs <= " + t + "]");
                    add(shifted(*eq_tol), engine::Relation::GreaterEq, base + " [relaxed: lhs - rhs >= -" + t + "]");
                }
                break;
        }
    }
}

}  // namespace

std::string claim_id(const Problem& p) {
    if (auto it = p.meta.find("id"); it != p.meta.end() && !it->second.empty()) return it->second;
    std::string f = p.file;
    if (auto s = f.find_last_of('/'); s != std::string::npos) f = f.substr(s + 1);
    if (auto d = f.rfind('.'); d != std::string::npos && d > 0) f = f.substr(0, d);
    return f.empty() ? "file-claim" : f;
}

std::unique_ptr<engine::Claim> make_program_claim(const Problem& p, const Program& prog, engine::Relation rel,
                                                  std::string id, std::string statement) {
    engine::ClaimInfo info = base_info(p);
    info.id = std::move(id);
    info.statement = std::move(statement);
    info.relation = rel;
    return make_dim(std::move(info), std::make_shared<const Program>(prog));
}

std::unique_ptr<engine::Claim> make_prove_claim(const Problem& p) {
    if (!p.has_prove) throw std::invalid_argument(p.file + ": no 'prove' section (use `relucert minimize` for 'minimize')");
    engine::ClaimInfo info = base_info(p);
    info.statement = p.prove_text;
    if (!p.constraints.empty()) {
        info.statement += " where";
        for (std::size_t k = 0; k < p.constraints.size(); ++k) info.statement += (k ? "; " : " ") + p.constraints[k].text;
    }
    info.relation = p.prove_relation;
    info.expected = engine::Verdict::Undecided;
    if (auto it = p.meta.find("answer"); it != p.meta.end()) {
        if (it->second.find("CERTIFIED") != std::string::npos) info.expected = engine::Verdict::Certified;
        else if (it->second.find("REFUTED") != std::string::npos) info.expected = engine::Verdict::Refuted;
    }
    auto claim = make_dim(std::move(info), std::make_shared<const Program>(p.prove));
    attach(*claim, p, std::nullopt);
    return claim;
}

std::unique_ptr<engine::Claim> make_objective_claim(const Problem& p, const Rational& eq_tol) {
    if (!p.has_objective) throw std::invalid_argument(p.file + ": no 'minimize' section");
    engine::ClaimInfo info = base_info(p);
    info.statement = "minimize " + p.objective_text;
    auto claim = make_dim(std::move(info), std::make_shared<const Program>(p.objective));
    attach(*claim, p, eq_tol);
    return claim;
}

}  // namespace relucert::minibex
