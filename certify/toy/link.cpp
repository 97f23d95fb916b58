// Pulls every toy claim's object file into a program that links the CLI as a static library (the
// tests): registration is a static initialiser, which the linker drops from unreferenced objects.
#include "toy/link.hpp"

namespace relucert::toy {
void link_toy_arc_cosine_tight();
void link_toy_sin_minus_tcos();
void link_toy_cos_chord();
void link_toy_log_unbounded();
void link_toy_corner_cubic();
void link_toy_edge_quadratic();
void link_toy_false_dip();
void link_toy_claims() {
    link_toy_arc_cosine_tight();
    link_toy_sin_minus_tcos();
    link_toy_cos_chord();
    link_toy_log_unbounded();
    link_toy_corner_cubic();
    link_toy_edge_quadratic();
    link_toy_false_dip();
}
}  // namespace relucert::toy
