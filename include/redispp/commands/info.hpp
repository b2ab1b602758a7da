#pragma once
// Info: INFO's text parsed into sections of typed values, as redis-py parses it.
//
//   # Clients                      info.sections["clients"]["connected_clients"] == 1LL
//   connected_clients:1            info.integer("connected_clients") == 1  (any section)
//   db0:keys=2,expires=0           std::get<InfoFields>(info.at("db0"))["keys"] == 2LL
//
// A value is a long long when it is a whole number, a double when it is a number, a set of
// fields when it looks like k=v,k=v (keyspace, cmdstat_*, errorstat_* lines), text otherwise.
// Section names are lower-cased ("# Keyspace" -> "keyspace").

#include <map>          // std::map
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <variant>      // std::variant

#include <redispp/config.hpp>

namespace redispp {

using InfoScalar = std::variant<long long, double, std::string>;
using InfoFields = std::map<std::string, InfoScalar, std::less<>>;
using InfoValue = std::variant<long long, double, std::string, InfoFields>;

struct Info {
  std::map<std::string, std::map<std::string, InfoValue, std::less<>>, std::less<>> sections;

  /// The field of that name in any section, or nullptr.
  REDISPP_DECL const InfoValue* find(std::string_view field) const noexcept;
  /// The field of that name in any section; DataError when there is none.
  REDISPP_DECL const InfoValue& at(std::string_view field) const;
  /// A whole-number field (DataError when missing or not a whole number).
  REDISPP_DECL long long integer(std::string_view field) const;
  /// A numeric field, whole or not.
  REDISPP_DECL double number(std::string_view field) const;
  /// A field as text (numbers in their decimal form).
  REDISPP_DECL std::string text(std::string_view field) const;
};

/// Parses INFO's reply text.
REDISPP_DECL Info parse_info(std::string_view text);
/// Parses one INFO value ("1", "0.5", "keys=1,expires=0", "ok").
REDISPP_DECL InfoValue parse_info_value(std::string_view value);

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/info.ipp>
#endif
