// The Minibex reader (Ibex's problem language, as Ibex's benchmark files write it, plus relucert's
// `prove` section). Grammar, conventions and examples: docs/claim-files.md.
//
//   constants   NAME = EXPR;                 (exact: rational literals and exact folding)
//   variables   x in [lo, hi];  x[3] in [lo, hi];  x;  a, b in [0, 1];   (bounds: exact a + b*pi, or +-oo)
//   function    f(u, v)  t = EXPR;  return EXPR;  end
//   minimize    EXPR;
//   prove       EXPR REL EXPR;              (REL: <=, >=, <, >)
//   constraints EXPR (<= | >= | < | > | =) EXPR; ...   [chains a <= b <= c]
//   end                                       (closes constraints; optional otherwise)
// Keywords are case-insensitive; comments are // and /* */. Comment lines "// key: value" before
// the first section are metadata (id, source, answer, ...). Every error is a ParseError naming the
// file, line and column and what was expected; nothing is silently defaulted.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "relucert/engine/claim.hpp"
#include "relucert/minibex/expr.hpp"

namespace relucert::minibex {

struct ParseError : std::runtime_error {
    ParseError(std::string file, int line, int column, std::string message);
    std::string file;
    int line, column;
    std::string message;  // without the location
};

struct Variable {
    std::string name;          // scalar name or "x[0]"-style component name
    engine::Endpoint lo, hi;
};

enum class ConstraintKind { LessEq, GreaterEq, Less, Greater, Equal };  // expr REL 0
struct Constraint {
    Program expr;  // constraint is expr REL 0
    ConstraintKind kind;
    std::string text;  // as written, for reports
    int line = 0;
};

struct Problem {
    std::string file;  // as given to the parser
    std::string source_text;
    std::map<std::string, std::string> meta;  // "// key: value" header comments
    std::vector<Variable> variables;
    bool has_objective = false;
    Program objective;
    std::string objective_text;
    bool has_prove = false;
    Program prove;  // prove is `prove REL 0`
    engine::Relation prove_relation = engine::Relation::GreaterEq;
    std::string prove_text;
    std::vector<Constraint> constraints;
    std::map<std::string, Rational> rational_constants;  // constants that folded to exact rationals
};

// `file` is used in messages only.
Problem parse_problem(const std::string& text, const std::string& file = "<input>");
Problem parse_problem_file(const std::string& path);  // throws ParseError (line 0) if unreadable

}  // namespace relucert::minibex
