// libFuzzer target for RespParser.
//
// Each input is parsed three ways by parsers with default limits: fed whole; fed in chunks whose
// sizes come from the input itself, alternating feed() and prepare()/commit(); and fed whole
// again into the chunked parser after reset(). All three must give the same replies and the
// same error (message included), or the target aborts. A fourth parse with tiny limits must
// agree with the first up to where a limit stops it. Crashes, leaks and undefined behaviour are
// the sanitizers' business.

#include <algorithm>    // std::min, std::equal
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <cstdio>       // std::fprintf
#include <cstdlib>      // std::abort
#include <cstring>      // std::memcpy
#include <optional>     // std::optional
#include <span>         // std::span
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <fmt/format.h>  // rendering replies in a mismatch report

#include <redispp/errors.hpp>
#include <redispp/protocol/resp_parser.hpp>

namespace {

using redispp::Reply;
using redispp::RespParser;

struct Outcome {
  std::vector<Reply> replies;
  bool failed = false;
  std::string message;
  std::size_t buffered = 0;  // buffered() at the end
};

[[noreturn]] void die(std::string_view input, const std::string& what) {
  std::fprintf(stderr, "fuzz_resp_parser: %s\ninput (%zu bytes): %s\n", what.c_str(), input.size(),
               fmt::format("{}", Reply::bulk_string(std::string(input))).c_str());
  std::abort();
}

std::string describe(const Outcome& o) {
  std::string text = fmt::format("{} replies", o.replies.size());
  for (const Reply& r : o.replies) text += "\n  " + fmt::format("{}", r).substr(0, 300);
  if (o.failed) text += "\n  then: " + o.message;
  return text;
}

// Takes every reply available. Once failed, next() must keep throwing the same error.
void drain(RespParser& parser, Outcome& out, std::string_view input) {
  if (out.failed) {
    try {
      (void)parser.next();
    } catch (const redispp::ProtocolError& e) {
      if (out.message != e.what()) die(input, fmt::format("the error changed: '{}' then '{}'", out.message, e.what()));
      return;
    }
    die(input, "next() stopped throwing after a ProtocolError");
  }
  try {
    while (std::optional<Reply> reply = parser.next()) out.replies.push_back(std::move(*reply));
  } catch (const redispp::ProtocolError& e) {
    out.failed = true;
    out.message = e.what();
  }
}

Outcome parse_whole(RespParser& parser, std::string_view input) {
  Outcome out;
  parser.feed(input);
  drain(parser, out, input);
  drain(parser, out, input);
  out.buffered = parser.buffered();
  return out;
}

Outcome parse_chunked(RespParser& parser, std::string_view input) {
  Outcome out;
  std::size_t at = 0;
  for (std::size_t step = 0; at < input.size(); ++step) {
    // The chunk size comes from the byte the chunk starts with: 1 to 16 bytes mostly, now and
    // then up to 256, so that mutating the input also moves the splits.
    const auto b = static_cast<unsigned char>(input[at]);
    std::size_t size = (b & 0x0f) + 1;
    if ((b ^ step) % 7 == 0) size = static_cast<std::size_t>(b) + 1;
    size = std::min(size, input.size() - at);
    if (step % 2 == 0) {
      parser.feed(input.substr(at, size));
    } else {
      const std::span<char> room = parser.prepare(size);
      if (room.size() < size) die(input, "prepare() gave less room than asked");
      std::memcpy(room.data(), input.data() + at, size);
      parser.commit(size);
    }
    at += size;
    drain(parser, out, input);
  }
  drain(parser, out, input);
  out.buffered = parser.buffered();
  return out;
}

void expect_same(std::string_view input, const char* what, const Outcome& a, const Outcome& b) {
  if (a.replies == b.replies && a.failed == b.failed && a.message == b.message && a.buffered == b.buffered) return;
  die(input, fmt::format("{} differ\nfirst ({} buffered): {}\nsecond ({} buffered): {}", what, a.buffered, describe(a),
                         b.buffered, describe(b)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  RespParser whole_parser;
  const Outcome whole = parse_whole(whole_parser, input);
  if (whole.buffered > input.size()) die(input, "buffered() is more than was fed");

  RespParser chunk_parser;
  const Outcome chunked = parse_chunked(chunk_parser, input);
  expect_same(input, "whole and chunked parses", whole, chunked);

  chunk_parser.reset();
  if (chunk_parser.buffered() != 0) die(input, "buffered() is not 0 after reset()");
  expect_same(input, "a fresh parse and a parse after reset()", whole, parse_whole(chunk_parser, input));
  chunk_parser.shrink(0);

  // Tiny limits can only stop a parse earlier, never change a reply.
  redispp::ParserLimits tiny;
  tiny.max_bulk_length = 8;
  tiny.max_line_length = 8;
  tiny.max_depth = 3;
  tiny.max_aggregate_length = 4;
  RespParser tiny_parser(tiny);
  const Outcome limited = parse_whole(tiny_parser, input);
  const bool prefix = limited.replies.size() <= whole.replies.size() &&
                      std::equal(limited.replies.begin(), limited.replies.end(), whole.replies.begin());
  if (!prefix || (whole.failed && !limited.failed) || (!limited.failed && limited.replies.size() != whole.replies.size()))
    die(input, fmt::format("tiny limits changed the replies\ndefault: {}\ntiny: {}", describe(whole), describe(limited)));
  return 0;
}
