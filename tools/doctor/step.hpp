#pragma once
// Step: the result of one check of the field guide's checklist — a verdict, a one-line finding
// and, when the verdict is not ok, a one-line advice saying what to do next.

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace redispp::doctor {

enum class Verdict { ok, warn, fail, skipped };

/// "ok", "warn", "fail", "skipped": the words both the text and the JSON output use.
constexpr std::string_view verdict_name(Verdict verdict) noexcept {
  switch (verdict) {
    case Verdict::ok: return "ok";
    case Verdict::warn: return "warn";
    case Verdict::fail: return "fail";
    case Verdict::skipped: return "skipped";
  }
  return "?";
}

/// A measurement that goes into the JSON output beside the finding ("connected_clients": 12).
struct Number {
  std::string name;
  double value = 0;
};

struct Step {
  std::string name;
  Verdict verdict = Verdict::ok;
  std::string finding;
  std::string advice;  // empty when verdict == ok
  std::vector<Number> numbers = {};
};

/// 0 when no step failed (warnings and skipped steps allowed), 1 otherwise.
inline int exit_status(const std::vector<Step>& steps) noexcept {
  for (const Step& step : steps)
    if (step.verdict == Verdict::fail) return 1;
  return 0;
}

}  // namespace redispp::doctor
