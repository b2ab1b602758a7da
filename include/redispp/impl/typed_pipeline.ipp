#pragma once
// Redis::typed_pipeline(), out of line: defining it instantiates TypedPipeline<> and the command
// set for it, which a program that never calls it should not pay for in every file that
// includes <redispp/redispp.hpp>.
#include <redispp/config.hpp>
#include <redispp/typed_pipeline.hpp>

namespace redispp {

REDISPP_DECL TypedPipeline<> Redis::typed_pipeline(bool transaction, SourceLocation where) {
  return TypedPipeline<>(pipeline(transaction, where));
}

}  // namespace redispp
