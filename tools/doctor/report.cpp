#include "report.hpp"

#include <algorithm>  // std::max
#include <cmath>      // std::isfinite, std::floor, std::abs

#include <fmt/format.h>

namespace redispp::doctor {

namespace {

// The length of the valid UTF-8 sequence starting at text[at], or 0 when it is not one (overlong
// forms, surrogates and code points past U+10FFFF are invalid too, as RFC 3629 says).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(at + 1) < low || byte(at + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
  return length;
}

const char* verdict_tag(Verdict verdict) {
  switch (verdict) {
    case Verdict::ok: return "[ok]  ";
    case Verdict::warn: return "[warn]";
    case Verdict::fail: return "[FAIL]";
    case Verdict::skipped: return "[skip]";
  }
  return "[?]   ";
}

}  // namespace

std::string json_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (std::size_t at = 0; at < text.size();) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (c < 0x20 || c == 0x7F)
            out += fmt::format("\\u{:04x}", c);
          else
            out += static_cast<char>(c);
      }
      ++at;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, at);
    if (length == 0) {
      out += "\\ufffd";
      ++at;
    } else {
      out.append(text.substr(at, length));
      at += length;
    }
  }
  out += '"';
  return out;
}

std::string json_number(double value) {
  if (!std::isfinite(value)) return "null";
  if (value == std::floor(value) && std::abs(value) < 1e15) return fmt::format("{:.0f}", value);
  std::string text = fmt::format("{:.3f}", value);
  // "0.250" -> "0.25": shorter, and what a reader expects.
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string render_text(const Diagnosis& diagnosis) {
  std::string out = fmt::format("redispp-doctor: {}\n", diagnosis.target);
  std::size_t width = 0;
  for (const Step& step : diagnosis.steps) width = std::max(width, step.name.size());
  int failed = 0, warned = 0, skipped = 0;
  for (const Step& step : diagnosis.steps) {
    out += fmt::format("{} {:<{}}  {}\n", verdict_tag(step.verdict), step.name, width, step.finding);
    if (!step.advice.empty()) out += fmt::format("       {:<{}}  next: {}\n", "", width, step.advice);
    failed += step.verdict == Verdict::fail;
    warned += step.verdict == Verdict::warn;
    skipped += step.verdict == Verdict::skipped;
  }
  out += fmt::format("result: {} failed, {} warning{}, {} skipped -> exit {}\n", failed, warned, warned == 1 ? "" : "s",
                     skipped, exit_status(diagnosis.steps));
  return out;
}

std::string render_json(const Diagnosis& diagnosis) {
  std::string out = "{\"target\": " + json_string(diagnosis.target);
  out += fmt::format(", \"exit_status\": {}, \"steps\": [", exit_status(diagnosis.steps));
  bool first_step = true;
  for (const Step& step : diagnosis.steps) {
    if (!first_step) out += ", ";
    first_step = false;
    out += "\n  {\"name\": " + json_string(step.name);
    out += ", \"verdict\": " + json_string(verdict_name(step.verdict));
    out += ", \"finding\": " + json_string(step.finding);
    out += ", \"advice\": " + (step.advice.empty() ? std::string("null") : json_string(step.advice));
    out += ", \"numbers\": {";
    bool first_number = true;
    for (const Number& number : step.numbers) {
      if (!first_number) out += ", ";
      first_number = false;
      out += json_string(number.name) + ": " + json_number(number.value);
    }
    out += "}}";
  }
  out += "\n]}\n";
  return out;
}

}  // namespace redispp::doctor
