#pragma once
namespace relucert::toy {
// Call once (e.g. at the start of a test) to make sure the toy claims are registered.
void link_toy_claims();
}  // namespace relucert::toy
