// The engine's coordinates. Each claim variable x gets an internal coordinate s in which the search
// bisects (always at doubles, so that box corners are exact dyadic rationals):
//   identity       x = s                    both endpoints finite doubles
//   affine         x = lo + s (hi - lo)     finite endpoints that are not doubles (e.g. pi), s in [0,1]
//   upper-infinite x = lo + s/(1 - s)       [lo, inf), s in [0, 1]; s = 1 is the point at infinity
//   lower-infinite x = hi - (1 - s)/s       (-inf, hi], s in [0, 1]; s = 0 is the point at infinity
//   both-infinite  x = s/(1 - |s|)          (-inf, inf), s in [-1, 1]
// Every map is increasing, exact on exact points (a + b*pi arithmetic), and enclosed on intervals by
// enclosing its values at the two ends. The compactification is the claim's declared reduction of an
// unbounded domain: the engine never bisects at infinity (s stays finite) and never evaluates f "at"
// infinity: an interval image that reaches infinity is a half-line [x0, inf], on which f's enclosure
// or its derivative's sign must hold.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "relucert/engine/claim.hpp"

namespace relucert::engine {

enum class MapKind { Identity, Affine, UpperInfinite, LowerInfinite, BothInfinite };
std::string to_string(MapKind k);  // "identity", "affine", "s/(1-s)", "(1-s)/s", "s/(1-|s|)"

struct VariableMap {
    MapKind kind = MapKind::Identity;
    PiAffine lo, hi;     // the finite endpoints (unused on an infinite side)
    double s_lo = 0, s_hi = 1;  // the internal domain
};

// Throws std::invalid_argument (with the variable's name) on an empty or malformed domain.
std::vector<VariableMap> variable_maps(const ClaimInfo& info);

// Enclosure of x(S) for an internal interval S (within [s_lo, s_hi]); may have infinite endpoints.
Interval map_interval(const VariableMap& m, const Interval& s);
// x(s) exactly, or nullopt at the point at infinity.
std::optional<PiAffine> map_exact(const VariableMap& m, double s);
// x(s) to the nearest double, +-inf at infinity (for reports only).
double map_double(const VariableMap& m, double s);
// Is s the point at infinity of this map?
bool is_infinite_point(const VariableMap& m, double s);
// The split point of [lo, hi] used everywhere (search and tight-point candidates): a double strictly
// inside when lo < hi have a double between them, else lo.
double split_point(double lo, double hi);

}  // namespace relucert::engine
