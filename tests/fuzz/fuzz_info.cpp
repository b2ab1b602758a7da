// libFuzzer target for the text parsers of INFO and CLIENT LIST replies. Any text a server (or
// something pretending to be one) sends must parse to something or throw redispp::Error — never
// crash, hang or throw anything else. The input is split in two at its first byte's value:
// one part for each parser.

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <string_view>  // std::string_view

#include <redispp/commands/client_list.hpp>
#include <redispp/commands/info.hpp>
#include <redispp/errors.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t cut = data[0] % (input.size() + 1);
  try {
    const redispp::Info info = redispp::parse_info(input.substr(0, cut));
    for (const auto& [section, fields] : info.sections)
      for (const auto& [name, value] : fields) (void)info.text(name);
  } catch (const redispp::Error&) {
  }
  try {
    (void)redispp::parse_client_list(input.substr(cut));
  } catch (const redispp::Error&) {
  }
  return 0;
}
