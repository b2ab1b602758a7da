#pragma once
// PipelineResults' destructor and error messages.

#include <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/pipeline_results.hpp>

namespace redispp {

REDISPP_DECL PipelineResults::~PipelineResults() = default;

REDISPP_DECL void PipelineResults::throw_no_result(std::size_t i) const {
  throw DataError(fmt::format("pipeline result {} does not exist: the pipeline ran {} commands", i, replies_.size()));
}

REDISPP_DECL void PipelineResults::throw_wrong_type(std::size_t i, const std::string& wanted) const {
  const detail::QueuedCommand& command = commands_[i];
  throw DataError(fmt::format("pipeline result {} ({}) is a {}, not a {}", i, command.name.view(), command.type_name(), wanted));
}

}  // namespace redispp
