#pragma once
// The command builders of <redispp/commands/lists.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/lists.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<std::optional<std::string>> lpop(std::string_view key) {
  return make_command<std::optional<std::string>>(first_key, "LPOP", key);
}

REDISPP_DECL Command<std::optional<std::vector<std::string>>> lpop(std::string_view key, long long count) {
  return make_command<std::optional<std::vector<std::string>>>(first_key, "LPOP", key, count);
}

REDISPP_DECL Command<std::optional<std::string>> rpop(std::string_view key) {
  return make_command<std::optional<std::string>>(first_key, "RPOP", key);
}

REDISPP_DECL Command<std::optional<std::vector<std::string>>> rpop(std::string_view key, long long count) {
  return make_command<std::optional<std::vector<std::string>>>(first_key, "RPOP", key, count);
}

REDISPP_DECL Command<std::vector<std::string>> lrange(std::string_view key, long long start, long long stop) {
  return make_read_command<std::vector<std::string>>(first_key, "LRANGE", key, start, stop);
}

REDISPP_DECL Command<long long> llen(std::string_view key) { return make_read_command<long long>(first_key, "LLEN", key); }

REDISPP_DECL Command<std::optional<std::string>> lindex(std::string_view key, long long index) {
  return make_read_command<std::optional<std::string>>(first_key, "LINDEX", key, index);
}

REDISPP_DECL Command<bool> ltrim(std::string_view key, long long start, long long stop) {
  return make_command<bool>(first_key, "LTRIM", key, start, stop);
}

REDISPP_DECL Command<std::optional<std::string>> lmove(std::string_view source, std::string_view destination, ListEnd from, ListEnd to) {
  return make_command<std::optional<std::string>>(KeyPositions::range(1, 2), "LMOVE", source, destination, detail::end_name(from),
                                                  detail::end_name(to));
}

REDISPP_DECL Command<std::optional<std::string>> blmove(std::string_view source, std::string_view destination, ListEnd from, ListEnd to, std::chrono::milliseconds timeout) {
  return make_command<std::optional<std::string>>(KeyPositions::range(1, 2), "BLMOVE", source, destination, detail::end_name(from),
                                                  detail::end_name(to), detail::block_seconds(timeout))
      .blocking(detail::socket_extension(timeout));
}

REDISPP_DECL Command<std::optional<std::string>> rpoplpush(std::string_view source, std::string_view destination) {
  return make_command<std::optional<std::string>>(KeyPositions::range(1, 2), "RPOPLPUSH", source, destination);
}

REDISPP_DECL Command<std::optional<std::string>> brpoplpush(std::string_view source, std::string_view destination, std::chrono::milliseconds timeout) {
  return make_command<std::optional<std::string>>(KeyPositions::range(1, 2), "BRPOPLPUSH", source, destination, detail::block_seconds(timeout))
      .blocking(detail::socket_extension(timeout));
}

}  // namespace redispp::cmd
