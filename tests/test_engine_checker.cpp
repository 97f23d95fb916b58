// The checker accepts the search's certificates and rejects mutated ones: a leaf removed, a box
// shrunk, a bound altered, a parameter changed, tight-point evidence altered, garbage.
#include <catch2/catch.hpp>

#include <random>

#include "relucert/engine/certificate.hpp"
#include "relucert/engine/checker.hpp"
#include "toy/link.hpp"

using namespace relucert;
using namespace relucert::engine;
using relucert::io::JsonValue;

namespace {
JsonValue cert_for(const char* id, std::vector<Rational> params = {}) {
    toy::link_toy_claims();
    const Claim* c = find_claim(id);
    REQUIRE(c);
    if (params.empty()) params = default_params(*c);
    const auto r = run_search(*c, params, {});
    REQUIRE(r.verdict != Verdict::Undecided);
    return make_certificate(*c, r);
}
// Depth-first list of the tree's nodes (mutable pointers into the certificate).
void collect(JsonValue& node, std::vector<JsonValue*>& out) {
    out.push_back(&node);
    if (JsonValue* ch = node.find_mutable("children"))
        for (auto& c : ch->as_array()) collect(c, out);
}
std::vector<JsonValue*> nodes(JsonValue& cert) {
    std::vector<JsonValue*> out;
    collect(*cert.find_mutable("tree"), out);
    return out;
}
bool valid(const JsonValue& cert) { return check_certificate(cert).valid; }
// Round trip through text, as the CLI does.
JsonValue reparse(const JsonValue& v) { return io::parse_json(v.dump()); }
}  // namespace

TEST_CASE("certificates of every decided toy claim are valid", "[checker]") {
    for (const char* id : {"toy.arc-cosine-tight", "toy.sin-minus-tcos", "toy.cos-chord", "toy.log-unbounded",
                           "toy.corner-cubic", "toy.edge-quadratic", "toy.false-dip"}) {
        const JsonValue cert = reparse(cert_for(id));
        const auto r = check_certificate(cert);
        INFO(id << ": " << r.reason);
        CHECK(r.valid);
    }
}

TEST_CASE("a certificate with a leaf removed is rejected", "[checker][mutation]") {
    for (const char* id : {"toy.edge-quadratic", "toy.arc-cosine-tight", "toy.corner-cubic"}) {
        JsonValue cert = reparse(cert_for(id));
        int splits = 0;
        for (JsonValue* n : nodes(cert)) splits += n->find("split") != nullptr;
        REQUIRE(splits > 0);
        for (int k = 0; k < splits; ++k) {
            JsonValue m = cert;
            int seen = 0;
            for (JsonValue* n : nodes(m)) {
                if (!n->find("split") || seen++ != k) continue;
                auto& ch = n->find_mutable("children")->as_array();
                ch.erase(ch.begin() + (k % 2));  // drop one child subtree
                break;
            }
            CHECK_FALSE(valid(m));
        }
    }
}

TEST_CASE("a certificate with a shrunk box or a moved split is rejected", "[checker][mutation]") {
    JsonValue cert = reparse(cert_for("toy.edge-quadratic"));
    const std::size_t count = nodes(cert).size();
    for (std::size_t k = 0; k < count; ++k) {
        JsonValue m = cert;
        JsonValue* n = nodes(m)[k];
        if (JsonValue* box = n->find_mutable("box")) {
            // shrink the upper end of the first non-degenerate component
            auto& comp = box->as_array()[0].as_array();
            const double lo = parse_hex_double(comp[0].as_string()), hi = parse_hex_double(comp[1].as_string());
            comp[1] = JsonValue(hex_double(lo + (hi - lo) / 2));
        } else {
            JsonValue* split = n->find_mutable("split");
            const double at = parse_hex_double(split->at("at").as_string());
            split->set("at", hex_double(at * 0.75 + 0.01));
        }
        CHECK_FALSE(valid(m));
    }
}

TEST_CASE("a certificate with an altered bound is rejected", "[checker][mutation]") {
    int tested = 0;
    for (const char* id : {"toy.edge-quadratic", "toy.arc-cosine-tight", "toy.corner-cubic", "toy.sin-minus-tcos"}) {
        JsonValue cert = reparse(cert_for(id));
        for (std::size_t k = 0; k < nodes(cert).size(); ++k) {
            for (const char* bad : {"0x1p+20", "-0x1p-20"}) {
                JsonValue m = cert;
                JsonValue* ev = nodes(m)[k]->find_mutable("evidence");
                while (ev && ev->find("face")) ev = ev->find_mutable("face");
                if (!ev || !ev->find("lower")) continue;
                ev->set("lower", bad);
                CHECK_FALSE(valid(m));
                ++tested;
            }
        }
    }
    CHECK(tested > 4);
}

TEST_CASE("a certificate with a changed parameter is rejected", "[checker][mutation]") {
    JsonValue cert = reparse(cert_for("toy.cos-chord"));
    REQUIRE(valid(cert));
    for (const char* c : {"19/10", "1.999999", "0", "-3"}) {
        JsonValue m = cert;
        m.find_mutable("parameters")->set("c", c);
        CHECK_FALSE(valid(m));
    }
    JsonValue m = cert;
    m.find_mutable("parameters")->set("c", "not-a-number");
    CHECK_FALSE(valid(m));
    JsonValue extra = cert;
    extra.find_mutable("parameters")->set("d", "1");
    CHECK_FALSE(valid(extra));
}

TEST_CASE("altered tight-point evidence and claim metadata are rejected", "[checker][mutation]") {
    JsonValue cert = reparse(cert_for("toy.sin-minus-tcos"));
    bool found = false;
    for (std::size_t k = 0; k < nodes(cert).size(); ++k) {
        JsonValue m = cert;
        JsonValue* ev = nodes(m)[k]->find_mutable("evidence");
        if (!ev || ev->at("kind").as_string() != "taylor") continue;
        found = true;
        JsonValue a = m;
        ev->set("order", 2);
        CHECK_FALSE(valid(m));
        ev->set("order", 3);
        ev->set("end", 1);  // expand at the other end
        CHECK_FALSE(valid(m));
        (void)a;
    }
    CHECK(found);
    JsonValue wrong_claim = cert;
    wrong_claim.set("claim", "toy.arc-cosine-tight");
    CHECK_FALSE(valid(wrong_claim));
    JsonValue wrong_domain = cert;
    wrong_domain.find_mutable("variables")->as_array()[0].set("hi", "2*pi");
    CHECK_FALSE(valid(wrong_domain));
    JsonValue wrong_rel = cert;
    wrong_rel.set("relation", ">");
    CHECK_FALSE(valid(wrong_rel));
}

TEST_CASE("a refutation certificate with a moved counterexample is rejected", "[checker][mutation]") {
    JsonValue cert = reparse(cert_for("toy.false-dip"));
    REQUIRE(valid(cert));
    JsonValue m = cert;
    auto& in = m.find_mutable("counterexample")->find_mutable("internal")->as_array();
    in[0] = JsonValue(hex_double(0.5));
    CHECK_FALSE(valid(m));
    JsonValue outside = cert;
    outside.find_mutable("counterexample")->find_mutable("internal")->as_array()[1] = JsonValue(hex_double(2.0));
    CHECK_FALSE(valid(outside));
}

TEST_CASE("malformed certificates never crash the checker", "[checker][fuzz]") {
    const std::string text = cert_for("toy.corner-cubic").dump();
    REQUIRE(check_certificate_text(text).valid);
    std::mt19937 rng(12345);
    const std::string alphabet = "{}[]\",:0123456789abcdefxp+-. ";
    int invalid = 0;
    for (int k = 0; k < 400; ++k) {
        std::string t = text;
        const int edits = 1 + static_cast<int>(rng() % 3);
        for (int e = 0; e < edits; ++e) {
            const std::size_t pos = rng() % t.size();
            switch (rng() % 3) {
                case 0: t[pos] = alphabet[rng() % alphabet.size()]; break;
                case 1: t.erase(pos, 1 + rng() % 8); break;
                default: t = t.substr(0, pos); break;
            }
        }
        CheckResult r;
        CHECK_NOTHROW(r = check_certificate_text(t));
        invalid += !r.valid;
    }
    CHECK(invalid > 300);  // nearly every corruption is caught (a few hit irrelevant text)
    for (const char* junk : {"", "null", "[]", "{}", "{\"format\": 3}", "{\"format\":\"relucert-certificate/1\"}", "\"x\"",
                             "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{\"a\":1,\"a\":2}"}) {
        CHECK_FALSE(check_certificate_text(junk).valid);
    }
}
