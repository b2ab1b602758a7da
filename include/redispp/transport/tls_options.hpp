#pragma once
// TlsOptions: how a connection speaks TLS (rediss://), named after redis-py's ssl_* keyword
// arguments. Set ConnectionOptions::tls to use it; unset means plain TCP.
//
//   redispp::ConnectionOptions opts;
//   opts.host = "cache.example.com";
//   opts.port = 6380;
//   opts.tls = redispp::TlsOptions{.ca_certs = "/etc/redis/ca.crt"};
//   redispp::Redis r{opts};
//
// Decisions where redis-py leaves it to Python's ssl module:
// - cert_reqs none turns off every check of the server, the hostname check included (Python
//   refuses check_hostname with CERT_NONE; here one field says "do not verify", and the
//   hostname check is part of verifying).
// - cert_reqs optional means what it means for Python's client sockets: the server's
//   certificate is checked when it sends one, and TLS servers always send one, so it behaves
//   as required. It exists so that redis-py's ssl_cert_reqs=optional carries over.
// - Neither ca_certs nor ca_path set: the system's trust store (OpenSSL's default paths).
// - keyfile empty: the key is read from certfile (one PEM holding both), as Python's
//   load_cert_chain does.
// - The hostname is checked against server_name (default: host), which is also the SNI name. An
//   IP address in host is checked against the certificate's IP entries and sent without SNI
//   (SNI carries names only).
// - Certificate and key files are read when a connection is made; the set-up is shared by the
//   connections of a process while the files stay unchanged (same size and time stamp), so a
//   rotated certificate is picked up by the next new connection without a new pool.
//
// ssl_context: hand in an OpenSSL SSL_CTX you configured yourself (engines, a key password
// callback, OCSP, pinning ...). It is then used as is: the other fields except server_name and
// check_hostname are ignored (the context decides what to trust and what to present). redispp
// keeps a reference for as long as a connection uses it.

#include <memory>    // std::shared_ptr
#include <optional>  // std::optional
#include <string>    // std::string

struct ssl_ctx_st;  // OpenSSL's SSL_CTX, so this header needs no OpenSSL header

namespace redispp {

/// Whether (and how strictly) the server's certificate is verified; redis-py's ssl_cert_reqs.
enum class TlsCertReqs { none, optional, required };

/// The oldest protocol version a connection accepts.
enum class TlsVersion { tls1_2, tls1_3 };

// Every field has a default member initializer, so designated initializers
// (TlsOptions{.ca_certs = "ca.crt"}) compile without -Wmissing-field-initializers warnings.
struct TlsOptions {
  /// PEM file of the CA certificates that may sign the server's certificate.
  std::string ca_certs = {};
  /// Directory of hashed CA certificates (c_rehash / openssl rehash), checked as well.
  std::string ca_path = {};
  /// PEM file of this client's certificate (chain), for servers that ask for one
  /// (tls-auth-clients yes).
  std::string certfile = {};
  /// PEM file of the client certificate's private key; empty = in certfile.
  std::string keyfile = {};
  TlsCertReqs cert_reqs = TlsCertReqs::required;
  /// Check that the server's certificate names server_name (or host).
  bool check_hostname = true;
  /// The name sent as SNI and checked in the certificate; empty = host.
  std::string server_name = {};
  TlsVersion min_version = TlsVersion::tls1_2;
  /// OpenSSL cipher list for TLS 1.2 ("ECDHE+AESGCM"); empty = OpenSSL's default.
  std::string ciphers = {};
  /// OpenSSL cipher suites for TLS 1.3 ("TLS_AES_256_GCM_SHA384"); empty = OpenSSL's default.
  std::string ciphersuites = {};
  /// Your own SSL_CTX, used as is (see the top of this file). Hand it over with its deleter:
  ///   std::shared_ptr<ssl_ctx_st>(ctx, SSL_CTX_free)
  std::shared_ptr<ssl_ctx_st> ssl_context = {};
};

/// "none", "optional", "required": the spelling URLs and messages use.
inline const char* to_string(TlsCertReqs reqs) noexcept {
  switch (reqs) {
    case TlsCertReqs::none: return "none";
    case TlsCertReqs::optional: return "optional";
    case TlsCertReqs::required: return "required";
  }
  return "?";
}

/// "1.2", "1.3".
inline const char* to_string(TlsVersion version) noexcept { return version == TlsVersion::tls1_3 ? "1.3" : "1.2"; }

}  // namespace redispp
