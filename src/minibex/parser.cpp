// Hand-written lexer and recursive-descent parser for Minibex (see parser.hpp, docs/claim-files.md).
// Expressions are built into one node pool with exact constant folding; user functions are inlined
// (their bodies are copied with the formal parameters replaced by the argument nodes), and each
// root (objective, prove, constraint) is extracted into its own topologically ordered Program.
#include "relucert/minibex/parser.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>
#include <unordered_map>

namespace relucert::minibex {

ParseError::ParseError(std::string f, int l, int c, std::string m)
    : std::runtime_error(f + ":" + std::to_string(l) + ":" + std::to_string(c) + ": " + m),
      file(std::move(f)), line(l), column(c), message(std::move(m)) {}

namespace {

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

enum class Tok { Ident, Number, Punct, Eof };
struct Token {
    Tok kind = Tok::Eof;
    std::string text;
    int line = 1, col = 1;
    std::size_t offset = 0, end = 0;
};

struct Lexer {
    const std::string& src;
    const std::string& file;
    std::map<std::string, std::string>& meta;
    std::vector<Token> out;
    bool seen_token = false;

    [[noreturn]] void fail(int line, int col, const std::string& m) const { throw ParseError(file, line, col, m); }

    void run() {
        std::size_t i = 0;
        int line = 1, col = 1;
        auto adv = [&](std::size_t n) {
            for (std::size_t k = 0; k < n && i < src.size(); ++k, ++i) {
                if (src[i] == '\n') {
                    ++line;
                    col = 1;
                } else {
                    ++col;
                }
            }
        };
        while (i < src.size()) {
            const char c = src[i];
            if (std::isspace(static_cast<unsigned char>(c))) {
                adv(1);
                continue;
            }
            if (c == '/' && i + 1 < src.size() && src[i + 1] == '/') {
                std::size_t e = src.find('\n', i);
                if (e == std::string::npos) e = src.size();
                if (!seen_token) header_comment(src.substr(i + 2, e - i - 2));
                adv(e - i);
                continue;
            }
            if (c == '/' && i + 1 < src.size() && src[i + 1] == '*') {
                const int l0 = line, c0 = col;
                const std::size_t e = src.find("*/", i + 2);
                if (e == std::string::npos) fail(l0, c0, "unterminated comment '/*' (expected '*/')");
                adv(e + 2 - i);
                continue;
            }
            Token t;
            t.line = line;
            t.col = col;
            t.offset = i;
            if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
                std::size_t e = i;
                while (e < src.size() && (std::isalnum(static_cast<unsigned char>(src[e])) || src[e] == '_')) ++e;
                t.kind = Tok::Ident;
                t.text = src.substr(i, e - i);
            } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                       (c == '.' && i + 1 < src.size() && std::isdigit(static_cast<unsigned char>(src[i + 1])))) {
                std::size_t e = i;
                while (e < src.size() && std::isdigit(static_cast<unsigned char>(src[e]))) ++e;
                if (e < src.size() && src[e] == '.') {
                    ++e;
                    while (e < src.size() && std::isdigit(static_cast<unsigned char>(src[e]))) ++e;
                }
                if (e < src.size() && (src[e] == 'e' || src[e] == 'E')) {
                    std::size_t f = e + 1;
                    if (f < src.size() && (src[f] == '+' || src[f] == '-')) ++f;
                    if (f < src.size() && std::isdigit(static_cast<unsigned char>(src[f]))) {
                        while (f < src.size() && std::isdigit(static_cast<unsigned char>(src[f]))) ++f;
                        e = f;
                    } else {
                        fail(line, col + static_cast<int>(e - i), "expected digits in the exponent of a number");
                    }
                }
                t.kind = Tok::Number;
                t.text = src.substr(i, e - i);
            } else {
                static const char* two[] = {"<=", ">=", "==", "!="};
                t.kind = Tok::Punct;
                t.text = std::string(1, c);
                for (const char* p : two)
                    if (src.compare(i, 2, p) == 0) t.text = p;
                if (std::string("+-*/^()[],;=<>:").find(c) == std::string::npos)
                    fail(line, col, std::string("unexpected character '") + c + "'");
            }
            seen_token = true;
            t.end = i + t.text.size();
            adv(t.text.size());
            out.push_back(std::move(t));
        }
        Token e;
        e.kind = Tok::Eof;
        e.line = line;
        e.col = col;
        e.offset = e.end = src.size();
        out.push_back(e);
    }
    void header_comment(std::string s) {
        const auto colon = s.find(':');
        if (colon == std::string::npos) return;
        std::string key = s.substr(0, colon), val = s.substr(colon + 1);
        auto trim = [](std::string& x) {
            while (!x.empty() && std::isspace(static_cast<unsigned char>(x.front()))) x.erase(x.begin());
            while (!x.empty() && std::isspace(static_cast<unsigned char>(x.back()))) x.pop_back();
        };
        trim(key);
        trim(val);
        if (key.empty() || key.find(' ') != std::string::npos) return;
        key = lower(key);
        if (meta.count(key)) meta[key] += " " + val;
        else meta[key] = val;
    }
};

// ---- the node pool ---------------------------------------------------------------------------
struct Pool {
    std::vector<Node> nodes;
    int add(Node n) {
        nodes.push_back(std::move(n));
        return static_cast<int>(nodes.size()) - 1;
    }
    int constant(const Rational& q) {
        Node n;
        n.op = Op::Const;
        n.value = q;
        return add(n);
    }
    bool is_const(int k) const { return nodes[static_cast<std::size_t>(k)].op == Op::Const; }
    const Rational& val(int k) const { return nodes[static_cast<std::size_t>(k)].value; }
    int unary(Op op, int a) {
        if (op == Op::Neg && is_const(a)) return constant(-val(a));
        Node n;
        n.op = op;
        n.a = a;
        return add(n);
    }
    // exact folding of rational arithmetic; division by an exact 0 is reported by the caller
    int binary(Op op, int a, int b) {
        if (is_const(a) && is_const(b)) {
            switch (op) {
                case Op::Add: return constant(val(a) + val(b));
                case Op::Sub: return constant(val(a) - val(b));
                case Op::Mul: return constant(val(a) * val(b));
                case Op::Div:
                    if (val(b) != 0) return constant(val(a) / val(b));
                    break;
                default: break;
            }
        }
        Node n;
        n.op = op;
        n.a = a;
        n.b = b;
        return add(n);
    }
    int power_int(int a, int e) {
        if (is_const(a) && (e >= 0 || val(a) != 0) && std::abs(e) <= 64) {
            Rational r = 1;
            for (int k = 0; k < std::abs(e); ++k) r *= val(a);
            return constant(e >= 0 ? r : Rational(1) / r);
        }
        Node n;
        n.op = Op::PowInt;
        n.a = a;
        n.index = e;
        return add(n);
    }
    // The sub-DAG reachable from root, in order, renumbered.
    Program extract(int root) const {
        std::vector<char> need(nodes.size(), 0);
        need[static_cast<std::size_t>(root)] = 1;
        for (int k = root; k >= 0; --k) {
            if (!need[static_cast<std::size_t>(k)]) continue;
            const Node& n = nodes[static_cast<std::size_t>(k)];
            if (n.a >= 0) need[static_cast<std::size_t>(n.a)] = 1;
            if (n.b >= 0) need[static_cast<std::size_t>(n.b)] = 1;
        }
        Program p;
        std::vector<int> map(nodes.size(), -1);
        for (int k = 0; k <= root; ++k) {
            if (!need[static_cast<std::size_t>(k)]) continue;
            Node n = nodes[static_cast<std::size_t>(k)];
            if (n.a >= 0) n.a = map[static_cast<std::size_t>(n.a)];
            if (n.b >= 0) n.b = map[static_cast<std::size_t>(n.b)];
            map[static_cast<std::size_t>(k)] = static_cast<int>(p.nodes.size());
            p.const_enclosure.push_back(n.op == Op::Const ? enclose(n.value) : Interval(0));
            p.nodes.push_back(std::move(n));
        }
        return p;
    }
    bool uses_vars(int root) const {
        const Program p = extract(root);
        for (const auto& n : p.nodes)
            if (n.op == Op::Var) return true;
        return false;
    }
};

struct FunctionDef {
    std::vector<std::string> formals;
    Pool body;  // Var index = formal index
    int result = -1;
};

struct Builtin {
    Op op;
    int arity;
};
const std::unordered_map<std::string, Builtin>& builtins() {
    static const std::unordered_map<std::string, Builtin> b = {
        {"sqrt", {Op::Sqrt, 1}}, {"exp", {Op::Exp, 1}},     {"ln", {Op::Log, 1}},     {"log", {Op::Log, 1}},
        {"sin", {Op::Sin, 1}},   {"cos", {Op::Cos, 1}},     {"tan", {Op::Tan, 1}},    {"asin", {Op::Asin, 1}},
        {"acos", {Op::Acos, 1}}, {"atan", {Op::Atan, 1}},   {"atan2", {Op::Atan2, 2}}, {"abs", {Op::Abs, 1}},
        {"min", {Op::Min, 2}},   {"max", {Op::Max, 2}},     {"sign", {Op::Sign, 1}},  {"erf", {Op::Erf, 1}},
        {"erfc", {Op::Erfc, 1}}, {"phi", {Op::Phi, 1}},     {"sqr", {Op::PowInt, 1}}};
    return b;
}
bool is_keyword(const std::string& s) {
    static const char* kw[] = {"constants", "variables", "function", "minimize", "prove", "constraints", "end", "return", "in"};
    const std::string l = lower(s);
    for (const char* k : kw)
        if (l == k) return true;
    return false;
}

class Parser {
public:
    Parser(const std::string& text, const std::string& file) : text_(text), file_(file) {
        prob_.file = file;
        prob_.source_text = text;
        Lexer lx{text, file, prob_.meta, {}};
        lx.run();
        toks_ = std::move(lx.out);
    }

    Problem run() {
        bool ended = false;
        while (!at_eof()) {
            const Token& t = peek();
            const std::string k = t.kind == Tok::Ident ? lower(t.text) : "";
            if (k == "constants") {
                next();
                constants();
            } else if (k == "variables") {
                next();
                variables();
            } else if (k == "function") {
                next();
                function();
            } else if (k == "minimize") {
                const Token& kt = next();
                if (prob_.has_objective) fail(kt, "a second 'minimize' (one objective per file)");
                const std::size_t start = peek().offset;
                const int root = expr(scope_);
                prob_.objective_text = slice(start);
                expect(";", "after the objective");
                prob_.objective = pool_.extract(root);
                prob_.has_objective = true;
            } else if (k == "prove") {
                const Token& kt = next();
                if (prob_.has_prove) fail(kt, "a second 'prove' (one inequality per file)");
                prove();
            } else if (k == "constraints") {
                next();
                constraints();
                ended = true;
                break;
            } else if (k == "end") {
                next();
                ended = true;
                break;
            } else {
                fail(t, "expected a section ('constants', 'variables', 'function', 'minimize', 'prove', "
                        "'constraints' or 'end'), found " + describe(t));
            }
        }
        // Ibex's own benchmark files end after `minimize` when there are no constraints: a final
        // `end` is optional then (it is required to close `constraints` and `function`).
        (void)ended;
        if (!at_eof()) fail(peek(), "unexpected " + describe(peek()) + " after 'end'");
        if (prob_.variables.empty()) fail(peek(), "no variables declared (expected a 'variables' section)");
        if (!prob_.has_objective && !prob_.has_prove)
            fail(peek(), "nothing to do: expected a 'minimize' or a 'prove' section");
        return std::move(prob_);
    }

private:
    struct Symbol {
        enum Kind { Const, Var, VarVec, Local } kind;
        int node = -1;   // Const/Local: node in pool_ (Local: in the function's pool)
        int index = 0;   // Var: variable index; VarVec: first index
        int size = 0;    // VarVec
    };
    using Scope = std::map<std::string, Symbol>;

    // ---- tokens ----
    const Token& peek(std::size_t k = 0) const { return toks_[std::min(pos_ + k, toks_.size() - 1)]; }
    bool at_eof() const { return peek().kind == Tok::Eof; }
    const Token& next() {
        const Token& t = toks_[pos_];
        if (pos_ + 1 < toks_.size()) ++pos_;
        return t;
    }
    bool is(const char* p) const { return peek().kind == Tok::Punct && peek().text == p; }
    bool is_kw(const char* k) const { return peek().kind == Tok::Ident && lower(peek().text) == k; }
    bool accept(const char* p) {
        if (!is(p)) return false;
        next();
        return true;
    }
    static std::string describe(const Token& t) {
        if (t.kind == Tok::Eof) return "the end of the file";
        return "'" + t.text + "'";
    }
    [[noreturn]] void fail(const Token& t, const std::string& m) const { throw ParseError(file_, t.line, t.col, m); }
    void expect(const char* p, const std::string& where) {
        if (!accept(p)) fail(peek(), std::string("expected '") + p + "' " + where + ", found " + describe(peek()));
    }
    std::string ident(const std::string& what) {
        const Token& t = peek();
        if (t.kind != Tok::Ident) fail(t, "expected " + what + ", found " + describe(t));
        if (is_keyword(t.text)) fail(t, "expected " + what + ", found the keyword '" + t.text + "'");
        next();
        return t.text;
    }
    std::string slice(std::size_t start) const {
        const std::size_t end = toks_[pos_ - 1].end;
        std::string s;
        bool space = false;
        for (std::size_t i = start; i < end && i < text_.size(); ++i) {
            const char c = text_[i];
            if (std::isspace(static_cast<unsigned char>(c))) {
                space = true;
                continue;
            }
            if (space && !s.empty()) s += ' ';
            space = false;
            s += c;
        }
        return s;
    }
    int int_literal(const Token& t) const {
        if (t.kind != Tok::Number || t.text.find_first_not_of("0123456789") != std::string::npos || t.text.size() > 6)
            fail(t, "expected an integer index or size, found " + describe(t));
        return std::stoi(t.text);
    }

    // ---- sections ----
    void declare(const Token& at, const std::string& name, Symbol s) {
        if (scope_.count(name) || builtins().count(lower(name)) || functions_.count(name) || lower(name) == "pi" ||
            lower(name) == "oo")
            fail(at, "'" + name + "' is already defined");
        scope_[name] = s;
    }
    void constants() {
        while (peek().kind == Tok::Ident && !is_keyword(peek().text)) {
            const Token at = peek();
            const std::string name = ident("a constant name");
            if (is("[")) fail(peek(), "vector constants are not supported; declare one constant per component");
            if (!accept("=") && !accept(":")) fail(peek(), "expected '=' after the constant '" + name + "', found " + describe(peek()));
            const int node = expr(scope_);
            if (pool_.uses_vars(node)) fail(at, "constant '" + name + "' depends on a variable");
            expect(";", "after the constant '" + name + "'");
            if (pool_.is_const(node)) prob_.rational_constants[name] = pool_.val(node);
            declare(at, name, {Symbol::Const, node, 0, 0});
        }
    }
    engine::Endpoint bound(const std::string& var, bool upper) {
        const Token at = peek();
        int sign = 0;
        if (is("+") && peek(1).kind == Tok::Ident && lower(peek(1).text) == "oo") sign = 1;
        if (is("-") && peek(1).kind == Tok::Ident && lower(peek(1).text) == "oo") sign = -1;
        if (sign == 0 && peek().kind == Tok::Ident && lower(peek().text) == "oo") {
            next();
            return engine::Endpoint::inf(upper ? 1 : -1);
        }
        if (sign != 0) {
            next();
            next();
            if ((sign > 0) != upper)
                fail(at, std::string("bad bound for '") + var + "': " + (upper ? "upper bound -oo" : "lower bound +oo"));
            return engine::Endpoint::inf(sign);
        }
        const int node = expr(scope_);
        if (pool_.uses_vars(node)) fail(at, "bad bound for '" + var + "': a bound must be a constant");
        const Program p = pool_.extract(node);
        engine::ExactI v;
        try {
            v = eval<engine::ExactI>(p, nullptr);
        } catch (const std::exception& e) {
            fail(at, "bad bound for '" + var + "': " + e.what());
        }
        if (!v.is_exact())
            fail(at, "bad bound for '" + var + "': a bound must be exact (a rational, or a + b*pi), not " +
                         p.text({}));
        return {v.exact(), 0};
    }
    void variables() {
        while (peek().kind == Tok::Ident && !is_keyword(peek().text)) {
            struct Decl {
                Token at;
                std::string name;
                int size;
            };
            std::vector<Decl> decls;
            do {
                const Token at = peek();
                const std::string name = ident("a variable name");
                int size = 0;
                if (accept("[")) {
                    const Token& st = next();
                    size = int_literal(st);
                    if (size < 1) fail(st, "a vector variable needs a positive size");
                    expect("]", "after the size of '" + name + "'");
                }
                decls.push_back({at, name, size});
            } while (accept(","));
            engine::Endpoint lo = engine::Endpoint::inf(-1), hi = engine::Endpoint::inf(1);
            if (is_kw("in")) {
                next();
                const Token at = peek();
                expect("[", "to open the domain of '" + decls[0].name + "'");
                lo = bound(decls[0].name, false);
                expect(",", "between the bounds of '" + decls[0].name + "'");
                hi = bound(decls[0].name, true);
                expect("]", "to close the domain of '" + decls[0].name + "'");
                if (!lo.infinity && !hi.infinity && engine::exact_sign(hi.value - lo.value) < 0)
                    fail(at, "bad bound for '" + decls[0].name + "': lower bound " + lo.text() + " is above upper bound " +
                                 hi.text());
            }
            expect(";", "after the declaration of '" + decls.back().name + "'");
            for (const auto& d : decls) {
                const int first = static_cast<int>(prob_.variables.size());
                if (d.size == 0) {
                    prob_.variables.push_back({d.name, lo, hi});
                    declare(d.at, d.name, {Symbol::Var, -1, first, 0});
                } else {
                    for (int k = 0; k < d.size; ++k)
                        prob_.variables.push_back({d.name + "(" + std::to_string(k + 1) + ")", lo, hi});
                    declare(d.at, d.name, {Symbol::VarVec, -1, first, d.size});
                }
            }
        }
    }
    void function() {
        const Token at = peek();
        const std::string name = ident("a function name");
        if (functions_.count(name) || scope_.count(name) || builtins().count(lower(name)))
            fail(at, "'" + name + "' is already defined");
        FunctionDef def;
        expect("(", "after the function name '" + name + "'");
        Scope local = scope_;
        // inside the body, the problem's variables are not visible (Ibex functions are closed), constants are
        for (auto it = local.begin(); it != local.end();)
            it = (it->second.kind == Symbol::Var || it->second.kind == Symbol::VarVec) ? local.erase(it) : std::next(it);
        if (!is(")")) {
            do {
                const Token ft = peek();
                const std::string f = ident("a parameter name");
                if (is("[")) fail(peek(), "vector parameters of functions are not supported");
                if (std::find(def.formals.begin(), def.formals.end(), f) != def.formals.end())
                    fail(ft, "parameter '" + f + "' given twice");
                def.formals.push_back(f);
            } while (accept(","));
        }
        expect(")", "after the parameters of '" + name + "'");
        // the body is built in the main pool (constants live there), then copied out with formals as Var
        std::vector<int> formal_nodes;
        for (std::size_t k = 0; k < def.formals.size(); ++k) {
            Node n;
            n.op = Op::Var;
            n.index = -1 - static_cast<int>(k);  // placeholder: a formal, not a problem variable
            const int id = pool_.add(n);
            formal_nodes.push_back(id);
            local[def.formals[k]] = {Symbol::Local, id, 0, 0};
        }
        const std::size_t body_start = static_cast<std::size_t>(pool_.nodes.size());
        (void)body_start;
        int result = -1;
        while (true) {
            if (at_eof()) fail(peek(), "missing 'end' of the function '" + name + "'");
            if (is_kw("return")) {
                next();
                result = expr(local);
                expect(";", "after the return value of '" + name + "'");
                if (!is_kw("end")) fail(peek(), "expected 'end' after the return statement of '" + name + "', found " + describe(peek()));
                next();
                break;
            }
            if (is_kw("end")) fail(peek(), "function '" + name + "' has no 'return' statement");
            const Token lt = peek();
            const std::string v = ident("a local name or 'return'");
            if (!accept("=")) fail(peek(), "expected '=' after '" + v + "' in the function '" + name + "', found " + describe(peek()));
            const int node = expr(local);
            expect(";", "after the definition of '" + v + "'");
            local[v] = {Symbol::Local, node, 0, 0};
        }
        // copy the reachable body with the formals renumbered as Var 0..k-1
        Program p = pool_.extract(result);
        for (auto& n : p.nodes)
            if (n.op == Op::Var) n.index = -1 - n.index;
        for (auto& n : p.nodes) def.body.nodes.push_back(n);
        def.result = static_cast<int>(def.body.nodes.size()) - 1;
        functions_[name] = std::move(def);
    }
    void prove() {
        const std::size_t start = peek().offset;
        const int lhs = expr(scope_);
        const Token rt = peek();
        engine::Relation rel;
        if (accept("<=")) rel = engine::Relation::LessEq;
        else if (accept(">=")) rel = engine::Relation::GreaterEq;
        else if (accept("<")) rel = engine::Relation::Less;
        else if (accept(">")) rel = engine::Relation::Greater;
        else if (is("=") || is("=="))
            fail(rt, "'prove' needs an inequality (<=, >=, < or >); an equation cannot be certified by intervals");
        else fail(rt, "expected a relation (<=, >=, < or >) in 'prove', found " + describe(rt));
        const int rhs = expr(scope_);
        prob_.prove_text = slice(start);
        expect(";", "after the inequality to prove");
        prob_.prove = pool_.extract(pool_.binary(Op::Sub, lhs, rhs));
        prob_.prove_relation = rel;
        prob_.has_prove = true;
    }
    std::optional<ConstraintKind> relation_token() {
        if (accept("<=")) return ConstraintKind::LessEq;
        if (accept(">=")) return ConstraintKind::GreaterEq;
        if (accept("<")) return ConstraintKind::Less;
        if (accept(">")) return ConstraintKind::Greater;
        if (accept("=") || accept("==")) return ConstraintKind::Equal;
        return std::nullopt;
    }
    void constraints() {
        while (!is_kw("end")) {
            if (at_eof()) fail(peek(), "missing 'end' after the constraints");
            const Token at = peek();
            const std::size_t start = at.offset;
            std::vector<int> terms{expr(scope_)};
            std::vector<ConstraintKind> rels;
            while (auto r = relation_token()) {
                rels.push_back(*r);
                terms.push_back(expr(scope_));
            }
            if (rels.empty()) fail(peek(), "expected a relation (<=, >=, <, > or =) in the constraint, found " + describe(peek()));
            const std::string txt = slice(start);
            expect(";", "after the constraint");
            for (std::size_t k = 0; k < rels.size(); ++k) {
                if (!pool_.uses_vars(terms[k]) && !pool_.uses_vars(terms[k + 1]))
                    fail(at, "constraint '" + txt + "' involves no variable");
                Constraint c;
                c.expr = pool_.extract(pool_.binary(Op::Sub, terms[k], terms[k + 1]));
                c.kind = rels[k];
                c.text = txt;
                c.line = at.line;
                prob_.constraints.push_back(std::move(c));
            }
        }
        next();  // end
    }

    // ---- expressions ----
    int expr(const Scope& s) {
        int a = term(s);
        while (is("+") || is("-")) {
            const Op op = next().text == "+" ? Op::Add : Op::Sub;
            a = pool_.binary(op, a, term(s));
        }
        return a;
    }
    int term(const Scope& s) {
        int a = unary(s);
        while (is("*") || is("/")) {
            const Token op = next();
            const int b = unary(s);
            if (op.text == "/" && pool_.is_const(b) && pool_.val(b) == 0) fail(op, "division by the constant 0");
            a = pool_.binary(op.text == "*" ? Op::Mul : Op::Div, a, b);
        }
        return a;
    }
    int unary(const Scope& s) {
        if (accept("-")) return pool_.unary(Op::Neg, unary(s));
        if (accept("+")) return unary(s);
        return power(s);
    }
    int power(const Scope& s) {
        const int base = primary(s);
        if (!is("^")) return base;
        const Token op = next();
        const int e = unary(s);  // right associative, binds tighter than unary minus on its left
        if (pool_.is_const(e)) {
            const Rational& q = pool_.val(e);
            if (denominator(q) == 1) {
                if (abs(q) > 1000) fail(op, "integer exponent too large");
                return pool_.power_int(base, static_cast<int>(numerator(q).convert_to<long>()));
            }
            if (q == Rational(1, 2)) return pool_.unary(Op::Sqrt, base);
        }
        return pool_.binary(Op::PowReal, base, e);
    }
    int primary(const Scope& s) {
        const Token t = peek();
        if (t.kind == Tok::Number) {
            next();
            try {
                return pool_.constant(parse_rational(t.text));
            } catch (const std::exception&) {
                fail(t, "malformed number '" + t.text + "'");
            }
        }
        if (accept("(")) {
            const int a = expr(s);
            expect(")", "to close '('");
            return a;
        }
        if (t.kind != Tok::Ident) fail(t, "expected an expression, found " + describe(t));
        if (is_keyword(t.text)) fail(t, "expected an expression, found the keyword '" + t.text + "'");
        next();
        const std::string name = t.text;
        if (is("(")) {
            // a call, or the 1-based component x(i) of a vector variable
            auto it = s.find(name);
            if (it != s.end() && it->second.kind == Symbol::VarVec) {
                next();
                const Token& it_tok = next();
                const int i = int_literal(it_tok);
                if (i < 1 || i > it->second.size)
                    fail(it_tok, "index " + std::to_string(i) + " out of range for '" + name + "' (1.." +
                                     std::to_string(it->second.size) + " with x(i))");
                expect(")", "after the index of '" + name + "'");
                return var_node(it->second.index + i - 1);
            }
            next();
            std::vector<int> args;
            if (!is(")")) {
                do args.push_back(expr(s));
                while (accept(","));
            }
            expect(")", "to close the arguments of '" + name + "'");
            return call(t, name, args);
        }
        if (is("[")) {
            auto it = s.find(name);
            if (it == s.end() || it->second.kind != Symbol::VarVec)
                fail(t, it == s.end() ? "undefined name '" + name + "'" : "'" + name + "' is not a vector");
            next();
            const Token& it_tok = next();
            const int i = int_literal(it_tok);
            if (i < 0 || i >= it->second.size)
                fail(it_tok, "index " + std::to_string(i) + " out of range for '" + name + "' (0.." +
                                 std::to_string(it->second.size - 1) + " with x[i])");
            expect("]", "after the index of '" + name + "'");
            return var_node(it->second.index + i);
        }
        if (lower(name) == "pi" && !s.count(name)) {
            Node n;
            n.op = Op::Pi;
            return pool_.add(n);
        }
        auto it = s.find(name);
        if (it == s.end()) {
            if (builtins().count(lower(name)) || functions_.count(name))
                fail(t, "function '" + name + "' needs arguments in parentheses");
            fail(t, "undefined name '" + name + "'");
        }
        switch (it->second.kind) {
            case Symbol::Const:
            case Symbol::Local: return it->second.node;
            case Symbol::Var: return var_node(it->second.index);
            case Symbol::VarVec: fail(t, "vector '" + name + "' needs an index: " + name + "(i) or " + name + "[i]");
        }
        fail(t, "undefined name '" + name + "'");
    }
    int var_node(int index) {
        Node n;
        n.op = Op::Var;
        n.index = index;
        return pool_.add(n);
    }
    int call(const Token& t, const std::string& name, const std::vector<int>& args) {
        if (auto f = functions_.find(name); f != functions_.end()) {
            const FunctionDef& def = f->second;
            if (args.size() != def.formals.size())
                fail(t, "function '" + name + "' takes " + std::to_string(def.formals.size()) + " argument(s), given " +
                            std::to_string(args.size()));
            std::vector<int> map;
            for (const Node& n0 : def.body.nodes) {
                if (n0.op == Op::Var) {
                    map.push_back(args[static_cast<std::size_t>(n0.index)]);
                    continue;
                }
                const int a = n0.a >= 0 ? map[static_cast<std::size_t>(n0.a)] : -1;
                const int b = n0.b >= 0 ? map[static_cast<std::size_t>(n0.b)] : -1;
                int id;
                switch (n0.op) {
                    case Op::Const: id = pool_.constant(n0.value); break;
                    case Op::Neg: id = pool_.unary(Op::Neg, a); break;
                    case Op::Add:
                    case Op::Sub:
                    case Op::Mul:
                    case Op::Div: id = pool_.binary(n0.op, a, b); break;
                    case Op::PowInt: id = pool_.power_int(a, n0.index); break;
                    default: {
                        Node n = n0;
                        n.a = a;
                        n.b = b;
                        id = pool_.add(n);
                    }
                }
                map.push_back(id);
            }
            return map.back();
        }
        auto b = builtins().find(lower(name));
        if (b == builtins().end()) fail(t, "unknown function '" + name + "'");
        if (static_cast<int>(args.size()) != b->second.arity)
            fail(t, "function '" + name + "' takes " + std::to_string(b->second.arity) + " argument(s), given " +
                        std::to_string(args.size()));
        if (b->second.op == Op::PowInt) return pool_.power_int(args[0], 2);  // sqr
        if (b->second.arity == 2) return pool_.binary(b->second.op, args[0], args[1]);
        return pool_.unary(b->second.op, args[0]);
    }

    const std::string& text_;
    std::string file_;
    std::vector<Token> toks_;
    std::size_t pos_ = 0;
    Problem prob_;
    Pool pool_;
    Scope scope_;
    std::map<std::string, FunctionDef> functions_;
};

}  // namespace

Problem parse_problem(const std::string& text, const std::string& file) {
    Parser p(text, file);
    return p.run();
}

Problem parse_problem_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ParseError(path, 0, 0, "cannot open the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_problem(ss.str(), path);
}

}  // namespace relucert::minibex
