#pragma once
// The whole synchronous API in one include.

#include <redispp/client.hpp>
#include <redispp/commands/command_set.hpp>
#include <redispp/errors.hpp>
#include <redispp/lock.hpp>
#include <redispp/monitor.hpp>
#include <redispp/pipeline.hpp>
#include <redispp/protocol/convert.hpp>
#include <redispp/protocol/encoder.hpp>
#include <redispp/protocol/parser.hpp>
#include <redispp/protocol/reply.hpp>
#include <redispp/script.hpp>
#include <redispp/pubsub.hpp>
#include <redispp/source_location.hpp>
#include <redispp/transport/connection_pool.hpp>
#include <redispp/transport/options.hpp>
#include <redispp/transport/url.hpp>
#include <redispp/typed_pipeline.hpp>
