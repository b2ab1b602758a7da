#pragma once
// Redis::typed_pipeline(), out of line: defining it instantiates TypedPipeline<> and the command
// set for it, which a program that never calls it should not pay for in every file that
// includes <redispp/redispp.hpp>. And TypedPipeline's errors, whose messages need fmt::format.
#include <cstddef>  // std::size_t

#include <fmt/format.h>  // fmt::format

#include <redispp/config.hpp>
#include <redispp/errors.hpp>
#include <redispp/typed_pipeline.hpp>

namespace redispp {

namespace detail {
REDISPP_DECL void throw_typed_pipeline_not_empty(std::size_t queued) {
  throw DataError(fmt::format("a TypedPipeline starts from an empty Pipeline: this one has {} commands queued, whose "
                              "types it cannot know",
                              queued));
}

REDISPP_DECL void throw_typed_pipeline_moved_on(const char* action) {
  throw DataError(fmt::format("cannot {} on a TypedPipeline that a later step moved on from: use the TypedPipeline "
                              "each call returns (auto next = pipe.set(...))",
                              action));
}
}  // namespace detail

REDISPP_DECL TypedPipeline<> Redis::typed_pipeline(bool transaction, SourceLocation where) {
  return TypedPipeline<>(pipeline(transaction, where));
}

}  // namespace redispp
