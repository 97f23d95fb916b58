// The JSON reader/writer: round trips, strictness, and no crash on malformed input.
#include <catch2/catch.hpp>

#include <random>

#include "relucert/engine/certificate.hpp"
#include "relucert/engine/exact_value.hpp"
#include "relucert/io/json.hpp"

using namespace relucert;
using relucert::io::JsonValue;
using relucert::io::parse_json;

TEST_CASE("JSON round trip", "[json]") {
    JsonValue v = JsonValue::object();
    v.set("s", "a \"quoted\" \\ line\nnext\t\x01");
    v.set("n", JsonValue::number(0.1));
    v.set("i", -42);
    v.set("b", true);
    v.set("z", JsonValue());
    JsonValue& a = v.set("a", JsonValue::array());
    a.push_back(1);
    a.push_back("two");
    for (int indent : {-1, 0, 2}) {
        const JsonValue w = parse_json(v.dump(indent));
        CHECK(w.at("s").as_string() == v.at("s").as_string());
        CHECK(w.at("n").as_double() == 0.1);
        CHECK(w.at("i").as_integer() == -42);
        CHECK(w.at("b").as_bool());
        CHECK(w.at("z").is_null());
        CHECK(w.at("a").size() == 2);
        CHECK(w.dump() == v.dump());
    }
    CHECK(parse_json("\"\\u00e9\\ud83d\\ude00\"").as_string() == "\xc3\xa9\xf0\x9f\x98\x80");
}

TEST_CASE("JSON reader is strict", "[json]") {
    for (const char* bad : {"", "  ", "{", "[1,]", "{\"a\":}", "01", "1.", "-", "1e", "tru", "nul", "\"abc", "\"\\x\"",
                            "[1] 2", "{\"a\" 1}", "{1:2}", "\"\\ud800\"", "\"a\nb\"", "{\"k\":1,\"k\":2}"}) {
        INFO(bad);
        CHECK_THROWS_AS(parse_json(bad), io::JsonError);
    }
    std::string deep(1000, '[');
    CHECK_THROWS_AS(parse_json(deep), io::JsonError);
}

TEST_CASE("JSON reader survives random bytes", "[json][fuzz]") {
    std::mt19937 rng(7);
    for (int k = 0; k < 2000; ++k) {
        std::string s(rng() % 40, ' ');
        for (auto& ch : s) ch = static_cast<char>(rng() % 256);
        try {
            (void)parse_json(s);
        } catch (const io::JsonError&) {
        }
    }
    SUCCEED();
}

TEST_CASE("hex doubles round trip exactly and reject junk", "[json]") {
    for (double x : {0.0, -0.0, 1.0 / 3, 3.141592653589793, 1e-310, -1.7976931348623157e308}) {
        CHECK(engine::parse_hex_double(engine::hex_double(x)) == x);
    }
    for (const char* bad : {"", "inf", "nan", "0x1p+99999", "1.0 ", "0x1.8p", "abc"}) {
        CHECK_THROWS_AS(engine::parse_hex_double(bad), std::invalid_argument);
    }
}

TEST_CASE("exact values a + b pi: signs and text", "[exact]") {
    using engine::PiAffine;
    CHECK(engine::exact_sign(PiAffine{Rational(-314159, 100000), 1}) > 0);
    CHECK(engine::exact_sign(PiAffine{Rational(-314160, 100000), 1}) < 0);
    CHECK(engine::exact_sign(PiAffine{0, 0}) == 0);
    CHECK(engine::exact_sign(PiAffine{Rational(355, 113), -1}) > 0);  // 355/113 > pi
    for (const PiAffine& q : {PiAffine{0, 1}, PiAffine{Rational(1, 2), 0}, PiAffine{Rational(-3, 7), Rational(2, 5)},
                              PiAffine{2, -1}}) {
        CHECK(engine::parse_pi_affine(engine::to_string(q)) == q);
    }
    // exact evaluation at pi: sin(pi) + (pi - pi) cos(pi) = 0 exactly
    using E = engine::Exact<Interval>;
    const E t = E::pi();
    const E v = sin(t) + (E::pi() - t) * cos(t);
    CHECK(v.is_exact_zero());
    CHECK(cos(E::pi() / 2).is_exact_zero());
    CHECK(cos(t).exact() == PiAffine{-1, 0});
    CHECK_FALSE(sin(E(1)).is_exact());
    CHECK(sin(E(1)).enclosure().contains(0.8414709848078965));
}
