#include "relucert/minibex/expr.hpp"

namespace relucert::minibex {

const char* op_name(Op op) {
    switch (op) {
        case Op::Const: return "const";
        case Op::Pi: return "pi";
        case Op::Var: return "var";
        case Op::Neg: return "-";
        case Op::Add: return "+";
        case Op::Sub: return "-";
        case Op::Mul: return "*";
        case Op::Div: return "/";
        case Op::PowInt: return "^";
        case Op::PowReal: return "^";
        case Op::Sqrt: return "sqrt";
        case Op::Exp: return "exp";
        case Op::Log: return "ln";
        case Op::Sin: return "sin";
        case Op::Cos: return "cos";
        case Op::Tan: return "tan";
        case Op::Asin: return "asin";
        case Op::Acos: return "acos";
        case Op::Atan: return "atan";
        case Op::Atan2: return "atan2";
        case Op::Abs: return "abs";
        case Op::Min: return "min";
        case Op::Max: return "max";
        case Op::Sign: return "sign";
        case Op::Erf: return "erf";
        case Op::Erfc: return "erfc";
        case Op::Phi: return "Phi";
    }
    return "?";
}

bool Program::has_kinks() const {
    for (const auto& n : nodes)
        if (n.op == Op::Abs || n.op == Op::Min || n.op == Op::Max || n.op == Op::Sign) return true;
    return false;
}
bool Program::has_taylor_gaps() const {
    for (const auto& n : nodes)
        if (n.op == Op::Atan2 || n.op == Op::Sign) return true;
    return false;
}

std::string Program::text(const std::vector<std::string>& names) const {
    std::vector<std::string> t;
    for (const auto& n : nodes) {
        const std::string A = n.a >= 0 ? t[static_cast<std::size_t>(n.a)] : "";
        const std::string B = n.b >= 0 ? t[static_cast<std::size_t>(n.b)] : "";
        switch (n.op) {
            case Op::Const: {
                const std::string s = to_string(n.value);
                t.push_back(n.value < 0 || s.find('/') != std::string::npos ? "(" + s + ")" : s);
                break;
            }
            case Op::Pi: t.emplace_back("pi"); break;
            case Op::Var:
                if (static_cast<std::size_t>(n.index) < names.size()) {
                    t.push_back(names[static_cast<std::size_t>(n.index)]);
                } else {
                    std::string r = "x";
                    r += std::to_string(n.index);
                    t.push_back(std::move(r));
                }
                break;
            case Op::Neg: {
                std::string r = "(-";  // (built step by step: g++ 12 warns spuriously on "(-" + A)
                r += A;
                r += ')';
                t.push_back(std::move(r));
                break;
            }
            case Op::Add:
            case Op::Sub:
            case Op::Mul:
            case Op::Div: t.push_back("(" + A + " " + op_name(n.op) + " " + B + ")"); break;
            case Op::PowInt: t.push_back("(" + A + "^" + std::to_string(n.index) + ")"); break;
            case Op::PowReal: t.push_back("(" + A + "^" + B + ")"); break;
            case Op::Atan2:
            case Op::Min:
            case Op::Max: t.push_back(std::string(op_name(n.op)) + "(" + A + ", " + B + ")"); break;
            default: t.push_back(std::string(op_name(n.op)) + "(" + A + ")"); break;
        }
    }
    return t.empty() ? "" : t.back();
}

namespace detail {
void no_taylor(const char* what) { throw DomainError(std::string(what) + " has no Taylor expansion in claim files"); }
}  // namespace detail

}  // namespace relucert::minibex
