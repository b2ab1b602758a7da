// SHA-1: the known answers of FIPS 180-4's examples and RFC 3174, every padding case around the
// 64-byte block, and (where OpenSSL is installed) agreement with OpenSSL for every length up to
// three blocks. Redis names scripts by this hash, so one wrong bit means EVALSHA of a script the
// server never heard of.
#include "support/catch.hpp"

#include <string>

#include <redispp/detail/sha1.hpp>

#ifdef REDISPP_TEST_WITH_OPENSSL
#include <openssl/sha.h>
#endif

using redispp::detail::sha1_hex;

TEST_CASE("sha1: the published known answers", "[detail][sha1]") {
  CHECK(sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  // 56 bytes: the length no longer fits in the first padding block.
  CHECK(sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(sha1_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                 "mnopqrstnopqrstu") == "a49b2446a02c645bf419f995b67091253a04a259");
  CHECK(sha1_hex(std::string(1000000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  CHECK(sha1_hex("The quick brown fox jumps over the lazy dog") == "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
}

TEST_CASE("sha1: what Redis answers SCRIPT LOAD with", "[detail][sha1]") {
  // redis-cli SCRIPT LOAD "return 1" (any Redis version: the sha is of the script's bytes).
  CHECK(sha1_hex("return 1") == "e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
}

TEST_CASE("sha1: binary input, NUL bytes included", "[detail][sha1]") {
  const std::string with_nul("a\0b", 3);
  CHECK(sha1_hex(with_nul) != sha1_hex("ab"));
  CHECK(sha1_hex(std::string(1, '\0')) == "5ba93c9db0cff93f52b521d7420e43f6eda2784f");
  CHECK(sha1_hex(std::string(64, '\xff')).size() == 40);
}

#ifdef REDISPP_TEST_WITH_OPENSSL
TEST_CASE("sha1: the same as OpenSSL's for every length up to 3 blocks", "[detail][sha1]") {
  std::string message;
  for (std::size_t length = 0; length <= 200; ++length) {
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest);
    std::string expected;
    static constexpr char hex[] = "0123456789abcdef";
    for (unsigned char byte : digest) {
      expected += hex[byte >> 4];
      expected += hex[byte & 0xf];
    }
    INFO("length " << length);
    CHECK(sha1_hex(message) == expected);
    message += static_cast<char>((length * 37 + 11) & 0xff);  // every byte value shows up, high bit too
  }
}
#endif
