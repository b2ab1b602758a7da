#pragma once
// Printing a Diagnosis: as text for people (one verdict line per step, a "next:" line under each
// one that is not ok) or as one JSON object for scripts. The JSON is written by hand (no JSON
// library is a dependency of redispp), so the escaping lives here and is unit-tested.

#include <string>       // std::string
#include <string_view>  // std::string_view

#include "checks.hpp"

namespace redispp::doctor {

/// `text` as a JSON string literal, quotes included: '"' '\\' and control characters escaped,
/// valid UTF-8 kept as is, any byte that is not valid UTF-8 replaced by U+FFFD (a server's
/// error text is not guaranteed to be UTF-8, and a JSON consumer would reject it).
std::string json_string(std::string_view text);

/// A number as JSON: whole numbers without a fraction ("12"), others with up to 3 decimals;
/// NaN and infinities (which JSON cannot express) as null.
std::string json_number(double value);

/// The text report: a header naming the target, one line per step, a summary line.
std::string render_text(const Diagnosis& diagnosis);

/// {"target": ..., "exit_status": N, "steps": [{"name", "verdict", "finding", "advice",
/// "numbers": {...}}, ...]}; "advice" is null for a step that is ok.
std::string render_json(const Diagnosis& diagnosis);

}  // namespace redispp::doctor
