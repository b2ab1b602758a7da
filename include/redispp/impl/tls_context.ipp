#pragma once
// TLS set-up for any transport: the context from TlsOptions and its cache, a session prepared
// for a host, and the failures in words (see transport/tls_context.hpp).

#include <arpa/inet.h>  // inet_pton, inet_ntop
#include <sys/stat.h>   // stat: whether a file changed since its context was made
#include <unistd.h>     // access

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cctype>      // std::isprint
#include <cerrno>      // errno, EPIPE, ECONNRESET
#include <functional>  // std::less
#include <map>         // std::map
#include <mutex>       // std::mutex
#include <set>         // std::set
#include <string>      // std::string
#include <vector>      // std::vector

#include <fmt/format.h>

#include <redispp/detail/printable.hpp>
#include <redispp/errors.hpp>
#include <redispp/impl/socket_connect.ipp>  // detail::errno_text
#include <redispp/transport/tls_context.hpp>

namespace redispp {

namespace detail {

class TlsCategory final : public std::error_category {
 public:
  const char* name() const noexcept override { return "redispp.tls"; }
  std::string message(int value) const override {
    switch (static_cast<TlsErrc>(value)) {
      case TlsErrc::client_certificate_required:
        return "TLS: the server requires a client certificate and none was sent (set TlsOptions::certfile and "
               "keyfile, or ssl_certfile and ssl_keyfile in the URL)";
      case TlsErrc::client_certificate_rejected:
        return "TLS: the server rejected this client's certificate (signed by a CA the server does not trust, "
               "expired, or not made for client use)";
      case TlsErrc::session_failed: return "TLS: the session failed (a corrupt record, or an alert from the server)";
    }
    return "TLS: unknown error";
  }
};

// The last OpenSSL error in words, or `fallback` when the queue is empty.
inline std::string openssl_error_text(const char* fallback = "no detail from OpenSSL") {
  const unsigned long code = ERR_peek_last_error();
  if (code == 0) return fallback;
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

// ---- the context: built from TlsOptions, shared while the files it read stay the same ------

inline std::string name_text(const X509_NAME* name) {
  if (name == nullptr) return "?";
  BIO* out = BIO_new(BIO_s_mem());
  if (out == nullptr) return "?";
  X509_NAME_print_ex(out, name, 0, XN_FLAG_RFC2253);
  char* data = nullptr;
  const long size = BIO_get_mem_data(out, &data);
  std::string text = size > 0 ? printable(std::string_view(data, static_cast<std::size_t>(size))) : std::string();
  BIO_free(out);
  return text;
}

inline std::string time_text(const ASN1_TIME* time) {
  if (time == nullptr) return "?";
  BIO* out = BIO_new(BIO_s_mem());
  if (out == nullptr) return "?";
  ASN1_TIME_print(out, time);
  char* data = nullptr;
  const long size = BIO_get_mem_data(out, &data);
  std::string text = size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string("?");
  BIO_free(out);
  return text;
}

inline std::vector<std::string> certificate_names(X509* cert) {
  std::vector<std::string> names;
  auto* entries = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (entries == nullptr) return names;
  for (int i = 0; i < sk_GENERAL_NAME_num(entries); ++i) {
    const GENERAL_NAME* entry = sk_GENERAL_NAME_value(entries, i);
    if (entry->type == GEN_DNS) {
      const ASN1_STRING* dns = entry->d.dNSName;
      names.push_back(printable(std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(dns)),
                                                 static_cast<std::size_t>(ASN1_STRING_length(dns)))));
    } else if (entry->type == GEN_IPADD) {
      const ASN1_OCTET_STRING* ip = entry->d.iPAddress;
      char text[INET6_ADDRSTRLEN] = {};
      const int family = ASN1_STRING_length(ip) == 4 ? AF_INET : AF_INET6;
      if (::inet_ntop(family, ASN1_STRING_get0_data(ip), text, sizeof text) != nullptr) names.emplace_back(text);
    }
  }
  GENERAL_NAMES_free(entries);
  return names;
}

inline int verify_callback(int preverified, X509_STORE_CTX* store) {
  if (preverified == 1) return 1;
  auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
  auto* failure = ssl != nullptr ? static_cast<redispp::TlsHandshakeNotes*>(SSL_get_app_data(ssl)) : nullptr;
  if (failure != nullptr && !failure->recorded) {
    failure->recorded = true;
    failure->error = X509_STORE_CTX_get_error(store);
    failure->depth = X509_STORE_CTX_get_error_depth(store);
    if (X509* cert = X509_STORE_CTX_get_current_cert(store)) {
      failure->subject = name_text(X509_get_subject_name(cert));
      failure->issuer = name_text(X509_get_issuer_name(cert));
      failure->names = certificate_names(cert);
      failure->not_after = time_text(X509_get0_notAfter(cert));
    }
  }
  return 0;
}

// Sees every record header and handshake message the server sends: notes a CertificateRequest,
// the first record header (whatever it holds: a time-out or a refused record is named by it),
// and how far the handshake got.
inline void handshake_message_callback(int write_p, int /*version*/, int content_type, const void* bytes,
                                       std::size_t length, SSL* ssl, void* /*arg*/) {
  if (write_p != 0 || length == 0) return;
  auto* notes = static_cast<redispp::TlsHandshakeNotes*>(SSL_get_app_data(ssl));
  if (notes == nullptr) return;
  const auto* data = static_cast<const unsigned char*>(bytes);
  if (content_type == SSL3_RT_HEADER) {
    if (notes->first_header.empty()) notes->first_header.assign(reinterpret_cast<const char*>(data), length);
    return;
  }
  if (content_type != SSL3_RT_HANDSHAKE) return;
  ++notes->handshake_messages;
  if (data[0] == SSL3_MT_CERTIFICATE_REQUEST) notes->asked_for_client_certificate = true;
}

// Size and modification time of a file the context read, so a replaced file makes a new one.
inline std::string file_stamp(const std::string& path) {
  if (path.empty()) return "-";
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return "missing";
  return fmt::format("{}.{}.{}", static_cast<long long>(info.st_size), static_cast<long long>(info.st_mtim.tv_sec),
                     static_cast<long long>(info.st_mtim.tv_nsec));
}

inline std::string context_key(const TlsOptions& tls) {
  return fmt::format("{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}", tls.ca_certs, file_stamp(tls.ca_certs),
                     tls.ca_path, file_stamp(tls.ca_path), tls.certfile, file_stamp(tls.certfile), tls.keyfile,
                     file_stamp(tls.keyfile), static_cast<int>(tls.cert_reqs), static_cast<int>(tls.min_version),
                     tls.ciphers, tls.ciphersuites);
}

[[noreturn]] inline void setup_failed(const std::string& endpoint, const std::string& what) {
  throw ConnectionError(fmt::format("TLS set-up for {} failed: {}", endpoint, what));
}

// Why a file option could not be used: the system's word when the file is not there or not
// readable, OpenSSL's otherwise (not PEM, wrong key ...).
inline std::string file_problem(const std::string& path) {
  if (::access(path.c_str(), R_OK) != 0) return errno_text(errno);
  return openssl_error_text();
}

// OpenSSL decodes a certificate's extensions (key identifiers, constraints) the first time a
// verification needs them, and stores them in the certificate. The trusted CAs and the client
// certificate belong to the shared context, so the first handshakes of several threads would do
// that at once: OpenSSL guards the write with the certificate's lock but reads the result without
// it (ThreadSanitizer saw one thread's key identifier freshly written while another compared it).
// Decoding them here, before the context is shared, leaves the handshakes only reading.
// Certificates in a ca_path directory are loaded lazily by OpenSSL, under its store lock.
inline void cache_certificate_extensions(SSL_CTX* ctx) {
  if (X509_STORE* store = SSL_CTX_get_cert_store(ctx)) {
    STACK_OF(X509_OBJECT)* objects = X509_STORE_get0_objects(store);
    for (int i = 0; i < sk_X509_OBJECT_num(objects); ++i)
      if (X509* cert = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objects, i))) X509_check_purpose(cert, -1, 0);
  }
  if (X509* own = SSL_CTX_get0_certificate(ctx)) X509_check_purpose(own, -1, 0);
  STACK_OF(X509)* chain = nullptr;
  if (SSL_CTX_get0_chain_certs(ctx, &chain) == 1)
    for (int i = 0; i < sk_X509_num(chain); ++i) X509_check_purpose(sk_X509_value(chain, i), -1, 0);
}

inline std::shared_ptr<SSL_CTX> make_context(const TlsOptions& tls, const std::string& endpoint) {
  ERR_clear_error();
  std::shared_ptr<SSL_CTX> context(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
  if (!context) setup_failed(endpoint, "OpenSSL could not make a context: " + openssl_error_text());
  SSL_CTX* ctx = context.get();
  SSL_CTX_set_min_proto_version(ctx, tls.min_version == TlsVersion::tls1_3 ? TLS1_3_VERSION : TLS1_2_VERSION);
  // Partial writes: write() counts what left before an error, and retries with the rest.
  SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  // Read ahead: one recv() takes in as many records as have arrived (a large reply spans many),
  // instead of a header and a body per record.
  SSL_CTX_set_read_ahead(ctx, 1);
  if (!tls.ciphers.empty() && SSL_CTX_set_cipher_list(ctx, tls.ciphers.c_str()) != 1)
    setup_failed(endpoint,
                 fmt::format("TlsOptions::ciphers '{}' names no cipher OpenSSL knows", printable(tls.ciphers)));
  if (!tls.ciphersuites.empty() && SSL_CTX_set_ciphersuites(ctx, tls.ciphersuites.c_str()) != 1)
    setup_failed(endpoint, fmt::format("TlsOptions::ciphersuites '{}' names no TLS 1.3 suite OpenSSL knows",
                                       printable(tls.ciphersuites)));

  if (tls.cert_reqs == TlsCertReqs::none) {
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  } else {
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, verify_callback);
    if (!tls.ca_certs.empty() || !tls.ca_path.empty()) {
      if (SSL_CTX_load_verify_locations(ctx, tls.ca_certs.empty() ? nullptr : tls.ca_certs.c_str(),
                                        tls.ca_path.empty() ? nullptr : tls.ca_path.c_str()) != 1) {
        const std::string& which = tls.ca_certs.empty() ? tls.ca_path : tls.ca_certs;
        setup_failed(endpoint,
                     fmt::format("cannot load the CA certificates of TlsOptions::{} '{}': {}",
                                 tls.ca_certs.empty() ? "ca_path" : "ca_certs", printable(which), file_problem(which)));
      }
    } else if (SSL_CTX_set_default_verify_paths(ctx) != 1) {
      setup_failed(endpoint, "cannot load the system's trust store: " + openssl_error_text());
    }
  }

  if (!tls.certfile.empty()) {
    if (SSL_CTX_use_certificate_chain_file(ctx, tls.certfile.c_str()) != 1)
      setup_failed(endpoint, fmt::format("cannot load the client certificate TlsOptions::certfile '{}': {}",
                                         printable(tls.certfile), file_problem(tls.certfile)));
    const std::string& keyfile = tls.keyfile.empty() ? tls.certfile : tls.keyfile;
    const bool key_loaded = SSL_CTX_use_PrivateKey_file(ctx, keyfile.c_str(), SSL_FILETYPE_PEM) == 1;
    if (!key_loaded && ERR_GET_REASON(ERR_peek_last_error()) == X509_R_KEY_VALUES_MISMATCH)
      setup_failed(endpoint, fmt::format("the key in '{}' does not belong to the certificate in '{}'",
                                         printable(keyfile), printable(tls.certfile)));
    if (!key_loaded)
      setup_failed(endpoint, fmt::format("cannot load the client key TlsOptions::{} '{}': {}",
                                         tls.keyfile.empty() ? "certfile" : "keyfile", printable(keyfile),
                                         file_problem(keyfile)));
    if (SSL_CTX_check_private_key(ctx) != 1)
      setup_failed(endpoint, fmt::format("the key in '{}' does not belong to the certificate in '{}'",
                                         printable(keyfile), printable(tls.certfile)));
  }
  cache_certificate_extensions(ctx);
  return context;
}

// Loading a CA bundle takes milliseconds (the system store: tens of them), so connections with
// the same options share one context while the files are unchanged. Weak references: the
// context goes when its last connection does.
inline std::shared_ptr<SSL_CTX> shared_context(const TlsOptions& tls, const std::string& endpoint) {
  if (tls.ssl_context) return tls.ssl_context;
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<SSL_CTX>> contexts;
  const std::string key = context_key(tls);
  std::lock_guard<std::mutex> lock(mutex);
  if (auto found = contexts.find(key); found != contexts.end())
    if (std::shared_ptr<SSL_CTX> context = found->second.lock()) return context;
  std::erase_if(contexts, [](const auto& entry) { return entry.second.expired(); });
  std::shared_ptr<SSL_CTX> context = make_context(tls, endpoint);
  contexts[key] = context;
  return context;
}

// ---- the session, and what a failed handshake means -------------------------------------------

inline bool is_ip_address(const std::string& host) {
  unsigned char address[sizeof(in6_addr)];
  return ::inet_pton(AF_INET, host.c_str(), address) == 1 || ::inet_pton(AF_INET6, host.c_str(), address) == 1;
}

inline std::string joined_names(const std::vector<std::string>& names) {
  if (names.empty()) return "none (no subjectAltName)";
  std::string text;
  for (const std::string& name : names) {
    if (!text.empty()) text += ", ";
    text += name;
  }
  return text;
}

inline std::string trust_source(const TlsOptions& tls) {
  if (tls.ssl_context) return "the trust settings of the SSL_CTX you handed in";
  std::string source;
  if (!tls.ca_certs.empty()) source = fmt::format("ca_certs '{}'", printable(tls.ca_certs));
  if (!tls.ca_path.empty())
    source += fmt::format("{}ca_path '{}'", source.empty() ? "" : " and ", printable(tls.ca_path));
  return source.empty() ? "the system's trust store (no ca_certs given)" : source;
}

// The server's certificate was refused: say which check failed and what the certificate says.
inline std::string verify_failure_text(const redispp::TlsHandshakeNotes& failure, const TlsOptions& tls,
                                       const std::string& checked_name) {
  const std::string reason = X509_verify_cert_error_string(failure.error);
  switch (failure.error) {
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
      return fmt::format(
          "the server's certificate is not for '{}': it names {} (set TlsOptions::server_name to "
          "one of those, or connect by that name)",
          printable(checked_name), joined_names(failure.names));
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return fmt::format("the {} certificate '{}' expired on {}", failure.depth == 0 ? "server's" : "CA",
                         failure.subject, failure.not_after);
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return fmt::format("the {} certificate '{}' is not valid yet (is this machine's clock right?)",
                         failure.depth == 0 ? "server's" : "CA", failure.subject);
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
      if (failure.depth > 0)  // the chain the server sent ends at a CA we do not have
        return fmt::format(
            "the server's certificate is not trusted: its chain leads to the CA '{}', which is not "
            "in {} ({}); give that CA's certificate as ca_certs",
            failure.subject, trust_source(tls), reason);
      return fmt::format(
          "the server's certificate is not trusted: '{}', issued by '{}', is not signed by a CA in {} "
          "({}); give the CA that signed it as ca_certs",
          failure.subject, failure.issuer, trust_source(tls), reason);
    default:
      return fmt::format("the server's certificate '{}' was refused: {} (checked against {})", failure.subject, reason,
                         trust_source(tls));
  }
}

inline bool is_reason(unsigned long code, int reason) { return code != 0 && ERR_GET_REASON(code) == reason; }

// The first bytes the server sent, as a reader can take them: plain text quoted, anything else
// in hex ("16 16 16 16 16").
inline std::string bytes_text(std::string_view bytes) {
  bool text = !bytes.empty();
  for (const char c : bytes)
    if (!std::isprint(static_cast<unsigned char>(c)) && c != '\r' && c != '\n') text = false;
  if (text) return fmt::format("'{}'", printable(bytes));
  std::string hex;
  for (const char c : bytes) hex += fmt::format("{}{:02x}", hex.empty() ? "" : " ", static_cast<unsigned char>(c));
  return hex;
}

// A record header a TLS server could have sent: a known content type (change_cipher_spec,
// alert, handshake, application_data) and protocol version 3.x.
inline bool looks_like_tls(std::string_view header) {
  if (header.size() < 3) return false;
  const auto type = static_cast<unsigned char>(header[0]);
  return type >= 20 && type <= 23 && static_cast<unsigned char>(header[1]) == 3;
}

// Plain text as a plain Redis port answers our hello: an error reply, or any printable line.
inline bool looks_like_text(std::string_view header) {
  if (header.empty()) return false;
  for (const char c : header)
    if (!std::isprint(static_cast<unsigned char>(c)) && c != '\r' && c != '\n') return false;
  return true;
}

// The endpoints that completed a TLS handshake in this process, so that a later silent one is
// known to be a TLS server that stopped answering, not a plain port. Bounded: forgotten all at
// once past 4096 (the cost is a message that hedges again).
struct TlsEndpoints {
  std::mutex mutex;
  std::set<std::string, std::less<>> seen;
};

inline TlsEndpoints& tls_endpoints() {
  static TlsEndpoints endpoints;
  return endpoints;
}

inline void remember_tls_endpoint(const std::string& endpoint) {
  if (endpoint.empty()) return;
  TlsEndpoints& known = tls_endpoints();
  std::lock_guard<std::mutex> lock(known.mutex);
  if (known.seen.size() >= 4096) known.seen.clear();
  known.seen.insert(endpoint);
}

inline bool spoke_tls_before(const std::string& endpoint) {
  TlsEndpoints& known = tls_endpoints();
  std::lock_guard<std::mutex> lock(known.mutex);
  return known.seen.contains(endpoint);
}

}  // namespace detail

REDISPP_DECL const std::error_category& tls_category() noexcept {
  static const detail::TlsCategory category;
  return category;
}

// Loading a CA bundle takes milliseconds (the system store: tens of them), so connections with
// the same options share one context while the files are unchanged. Weak references: the
// context goes when its last connection does.
REDISPP_DECL std::shared_ptr<ssl_ctx_st> tls_client_context(const TlsOptions& tls, const std::string& endpoint) {
  if (tls.ssl_context) return tls.ssl_context;
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<SSL_CTX>> contexts;
  const std::string key = detail::context_key(tls);
  std::lock_guard<std::mutex> lock(mutex);
  if (auto found = contexts.find(key); found != contexts.end())
    if (std::shared_ptr<SSL_CTX> context = found->second.lock()) return context;
  std::erase_if(contexts, [](const auto& entry) { return entry.second.expired(); });
  std::shared_ptr<SSL_CTX> context = detail::make_context(tls, endpoint);
  contexts[key] = context;
  return context;
}

REDISPP_DECL void prepare_tls_session(ssl_st* ssl, ssl_ctx_st* context, const TlsOptions& tls, const std::string& host,
                                      TlsHandshakeNotes& notes, const std::string& endpoint) {
  const auto fail = [&endpoint](const std::string& what) {
    throw ConnectionError(fmt::format("TLS connection to {} failed: {}", endpoint, what));
  };
  const std::string& name = tls.server_name.empty() ? host : tls.server_name;
  notes.checked_name = name;
  notes.endpoint = endpoint;
  const bool ip = detail::is_ip_address(name);
  if (!ip && SSL_set_tlsext_host_name(ssl, name.c_str()) != 1)
    fail("cannot send the server name (SNI) '" + detail::printable(name) + "'");
  const bool verify =
      tls.ssl_context ? SSL_CTX_get_verify_mode(context) != SSL_VERIFY_NONE : tls.cert_reqs != TlsCertReqs::none;
  if (verify && tls.check_hostname) {
    const int set =
        ip ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name.c_str()) : SSL_set1_host(ssl, name.c_str());
    if (set != 1) fail("cannot check the server's name '" + detail::printable(name) + "'");
  }
  SSL_set_app_data(ssl, &notes);
  SSL_set_msg_callback(ssl, detail::handshake_message_callback);
  // A context of the user's own may come without a verify callback: ours then records what a
  // refused certificate says. One with a callback (pinning ...) keeps it.
  if (tls.ssl_context && SSL_CTX_get_verify_callback(context) == nullptr)
    SSL_set_verify(ssl, SSL_CTX_get_verify_mode(context), detail::verify_callback);
}

REDISPP_DECL void finish_tls_session(ssl_st* ssl, const TlsHandshakeNotes& notes) {
  SSL_set_msg_callback(ssl, nullptr);
  SSL_set_app_data(ssl, nullptr);
  detail::remember_tls_endpoint(notes.endpoint);
}

// A failed SSL_connect, in words: which failure it is and what to check.
REDISPP_DECL std::string tls_handshake_failure(ssl_st* ssl, int result, const TlsHandshakeNotes& notes,
                                               const TlsOptions& tls, int saved_errno) {
  using detail::is_reason;
  using detail::openssl_error_text;
  const int kind = SSL_get_error(ssl, result);
  const unsigned long code = ERR_peek_last_error();
  const bool has_client_cert = !tls.certfile.empty() || tls.ssl_context;
  if (kind == SSL_ERROR_SSL) {
    if (is_reason(code, SSL_R_CERTIFICATE_VERIFY_FAILED)) {
      if (notes.recorded) return detail::verify_failure_text(notes, tls, notes.checked_name);
      return fmt::format("the server's certificate was refused: {}",
                         X509_verify_cert_error_string(SSL_get_verify_result(ssl)));
    }
    if (is_reason(code, SSL_R_WRONG_VERSION_NUMBER) || is_reason(code, SSL_R_PACKET_LENGTH_TOO_LONG) ||
        is_reason(code, SSL_R_UNKNOWN_PROTOCOL) || is_reason(code, SSL_R_RECORD_LENGTH_MISMATCH) ||
        is_reason(code, SSL_R_HTTP_REQUEST) || is_reason(code, SSL_R_HTTPS_PROXY_REQUEST)) {
      // Named by what came: text is what a plain Redis port answers our hello with (an error
      // reply, once it finds a line end in it); other bytes are not a TLS record either.
      if (detail::looks_like_text(notes.first_header))
        return fmt::format(
            "the server answered in plain text ({}), not TLS: this is probably a plain (non-TLS) "
            "Redis port; use redis:// for it, or the server's tls-port",
            detail::bytes_text(notes.first_header));
      return fmt::format(
          "the server's answer is not TLS: its first bytes ({}) are neither a TLS record header nor "
          "readable text; check that this is the server's tls-port and that nothing in between "
          "rewrites the connection",
          notes.first_header.empty() ? std::string("none noted") : detail::bytes_text(notes.first_header));
    }
    if (is_reason(code, SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED))
      return "the server requires a client certificate and none was sent (set TlsOptions::certfile and keyfile)";
    if (is_reason(code, SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE))
      return has_client_cert ? "the server refused the handshake (no cipher or protocol version in common?)"
                             : "the server refused the handshake: it probably requires a client certificate (set "
                               "TlsOptions::certfile and keyfile), or has no cipher in common with us";
    if (is_reason(code, SSL_R_SSLV3_ALERT_BAD_CERTIFICATE) || is_reason(code, SSL_R_TLSV1_ALERT_UNKNOWN_CA) ||
        is_reason(code, SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED) ||
        is_reason(code, SSL_R_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE))
      return fmt::format("the server rejected this client's certificate '{}' ({})", detail::printable(tls.certfile),
                         openssl_error_text());
    if (is_reason(code, SSL_R_UNSUPPORTED_PROTOCOL) || is_reason(code, SSL_R_TLSV1_ALERT_PROTOCOL_VERSION))
      return fmt::format("no TLS version in common with the server (ours: {} and later)", to_string(tls.min_version));
    if (is_reason(code, SSL_R_UNEXPECTED_EOF_WHILE_READING))
      return "the server closed the connection during the TLS handshake (a plain Redis port does this when it "
             "cannot read our hello; or the server refused the client)";
    return "TLS handshake failed: " + openssl_error_text();
  }
  if (kind == SSL_ERROR_SYSCALL || kind == SSL_ERROR_ZERO_RETURN) {
    if (saved_errno != 0 && saved_errno != EPIPE && saved_errno != ECONNRESET)
      return fmt::format("TLS handshake failed: {}", detail::errno_text(saved_errno));
    return "the server closed the connection during the TLS handshake (a plain Redis port does this when it "
           "cannot read our hello; or the server refused the client)";
  }
  return "TLS handshake failed: " + openssl_error_text();
}

REDISPP_DECL std::string tls_handshake_timeout(ssl_st* ssl, const TlsHandshakeNotes& notes, const std::string& endpoint,
                                               std::chrono::milliseconds limit, const std::string& limit_source) {
  const std::string head =
      fmt::format("TLS handshake with {} timed out after {} ms ({})", endpoint, limit.count(), limit_source);
  // Something came: the server speaks TLS (or began to), then stopped sending.
  if (notes.handshake_messages > 0 || detail::looks_like_tls(notes.first_header))
    return fmt::format(
        "{}: the server began its TLS answer ({} handshake message{} complete), then sent nothing "
        "more; a TLS server stalls like this in the middle of a handshake when it is stopped (SIGSTOP, "
        "a debugger) or overloaded, or when the network between drops packets",
        head, notes.handshake_messages, notes.handshake_messages == 1 ? "" : "s");
  if (!notes.first_header.empty() || SSL_has_pending(ssl) != 0)
    return fmt::format(
        "{}: the server sent {}, too little to be a TLS record or a Redis reply, then nothing more", head,
        notes.first_header.empty() ? std::string("a few bytes") : detail::bytes_text(notes.first_header));
  // Silence from the start. A plain Redis port reads our hello as an inline command and waits
  // for a line end (one a NUL byte in the hello hides from it for good); a stopped TLS server
  // takes the TCP connection too (the kernel does) and says nothing. Only a handshake this
  // process made with the endpoint before tells them apart.
  if (detail::spoke_tls_before(endpoint))
    return fmt::format(
        "{}: the server took the TCP connection but sent no TLS answer, although {} completed TLS "
        "handshakes with this process before: the server is stopped (SIGSTOP, a debugger), hung or "
        "overloaded (or a plain server took its port)",
        head, endpoint);
  return fmt::format(
      "{}: the server took the TCP connection but sent no TLS answer; a plain (non-TLS) Redis port "
      "waits like this, and so does a stopped or overloaded server: check that {} is the server's "
      "tls-port",
      head, endpoint);
}

// What a failed SSL_read/SSL_write means as an error code; {} for a clean close.
REDISPP_DECL std::error_code tls_session_error(int kind, int saved_errno) {
  using detail::is_reason;
  if (kind == SSL_ERROR_ZERO_RETURN) return {};
  if (kind == SSL_ERROR_SYSCALL)
    return saved_errno == 0 ? std::error_code{} : std::error_code(saved_errno, std::generic_category());
  const unsigned long code = ERR_peek_last_error();
  if (is_reason(code, SSL_R_UNEXPECTED_EOF_WHILE_READING)) return {};  // closed without close_notify
  if (is_reason(code, SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED))
    return {static_cast<int>(TlsErrc::client_certificate_required), tls_category()};
  if (is_reason(code, SSL_R_SSLV3_ALERT_BAD_CERTIFICATE) || is_reason(code, SSL_R_TLSV1_ALERT_UNKNOWN_CA) ||
      is_reason(code, SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED) ||
      is_reason(code, SSL_R_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE))
    return {static_cast<int>(TlsErrc::client_certificate_rejected), tls_category()};
  return {static_cast<int>(TlsErrc::session_failed), tls_category()};
}

}  // namespace redispp
