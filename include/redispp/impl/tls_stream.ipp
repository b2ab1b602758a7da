#pragma once
// TlsStream: the OpenSSL context, the handshake and what its failures mean, and non-blocking
// reads and writes with poll() time-outs (see transport/tls_stream.hpp).

#include <arpa/inet.h>   // inet_pton, inet_ntop
#include <poll.h>        // poll
#include <sys/socket.h>  // send, recv, MSG_NOSIGNAL
#include <sys/stat.h>    // stat: whether a file changed since its context was made
#include <fcntl.h>       // fcntl, O_NONBLOCK
#include <unistd.h>      // close

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <algorithm>  // std::min
#include <cerrno>     // errno
#include <climits>    // INT_MAX
#include <map>        // std::map
#include <mutex>      // std::mutex
#include <string>     // std::string
#include <vector>     // std::vector

#include <fmt/format.h>

#include <redispp/detail/printable.hpp>
#include <redispp/errors.hpp>
#include <redispp/impl/socket_connect.ipp>  // detail::connect_socket, errno_text
#include <redispp/transport/options.hpp>
#include <redispp/transport/tls_stream.hpp>

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
      case TlsErrc::session_failed:
        return "TLS: the session failed (a corrupt record, or an alert from the server)";
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

// ---- the BIO: OpenSSL's socket BIO, with reads and writes that never raise SIGPIPE --------

inline int tls_bio_write(BIO* bio, const char* data, int size) {
  BIO_clear_retry_flags(bio);
  const ssize_t sent = ::send(static_cast<int>(BIO_get_fd(bio, nullptr)), data, static_cast<std::size_t>(size), MSG_NOSIGNAL);
  if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) BIO_set_retry_write(bio);
  return static_cast<int>(sent);
}

inline int tls_bio_read(BIO* bio, char* data, int size) {
  BIO_clear_retry_flags(bio);
  const ssize_t received = ::recv(static_cast<int>(BIO_get_fd(bio, nullptr)), data, static_cast<std::size_t>(size), 0);
  if (received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) BIO_set_retry_read(bio);
  if (received == 0) BIO_set_flags(bio, BIO_FLAGS_IN_EOF);  // as OpenSSL's own socket BIO does
  return static_cast<int>(received);
}

// Made once, kept for the life of the process (as OpenSSL keeps its own BIO methods).
inline BIO_METHOD* tls_bio_method() {
  static BIO_METHOD* const method = [] {
    const BIO_METHOD* socket = BIO_s_socket();
    BIO_METHOD* ours = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "redispp socket");
    if (ours == nullptr) return ours;
    BIO_meth_set_write(ours, tls_bio_write);
    BIO_meth_set_read(ours, tls_bio_read);
    BIO_meth_set_puts(ours, BIO_meth_get_puts(socket));
    BIO_meth_set_ctrl(ours, BIO_meth_get_ctrl(socket));  // BIO_set_fd, BIO_get_fd, flush ...
    BIO_meth_set_create(ours, BIO_meth_get_create(socket));
    BIO_meth_set_destroy(ours, BIO_meth_get_destroy(socket));
    return ours;
  }();
  return method;
}

// ---- the context: built from TlsOptions, shared while the files it read stay the same ------

// What the callbacks saw during one handshake: the certificate the verify callback refused (the
// handshake's error alone says only "certificate verify failed"), and whether the server asked
// for a client certificate we did not have (with TLS 1.3 it says it wanted one only by closing
// the connection after the handshake).
struct TlsHandshakeNotes {
  bool asked_for_client_certificate = false;
  bool recorded = false;
  int error = X509_V_OK;
  int depth = 0;
  std::string subject;
  std::string issuer;
  std::vector<std::string> names;  // DNS and IP entries of the subjectAltName
  std::string not_after;
};

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
  auto* failure = ssl != nullptr ? static_cast<TlsHandshakeNotes*>(SSL_get_app_data(ssl)) : nullptr;
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

// Sees every handshake message; notes a CertificateRequest from the server.
inline void handshake_message_callback(int write_p, int /*version*/, int content_type, const void* bytes,
                                       std::size_t length, SSL* ssl, void* /*arg*/) {
  if (write_p != 0 || content_type != SSL3_RT_HANDSHAKE || length == 0) return;
  if (static_cast<const unsigned char*>(bytes)[0] != SSL3_MT_CERTIFICATE_REQUEST) return;
  if (auto* notes = static_cast<TlsHandshakeNotes*>(SSL_get_app_data(ssl))) notes->asked_for_client_certificate = true;
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
  return fmt::format("{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}", tls.ca_certs, file_stamp(tls.ca_certs), tls.ca_path,
                     file_stamp(tls.ca_path), tls.certfile, file_stamp(tls.certfile), tls.keyfile,
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
    setup_failed(endpoint, fmt::format("TlsOptions::ciphers '{}' names no cipher OpenSSL knows", printable(tls.ciphers)));
  if (!tls.ciphersuites.empty() && SSL_CTX_set_ciphersuites(ctx, tls.ciphersuites.c_str()) != 1)
    setup_failed(endpoint,
                 fmt::format("TlsOptions::ciphersuites '{}' names no TLS 1.3 suite OpenSSL knows", printable(tls.ciphersuites)));

  if (tls.cert_reqs == TlsCertReqs::none) {
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  } else {
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, verify_callback);
    if (!tls.ca_certs.empty() || !tls.ca_path.empty()) {
      if (SSL_CTX_load_verify_locations(ctx, tls.ca_certs.empty() ? nullptr : tls.ca_certs.c_str(),
                                        tls.ca_path.empty() ? nullptr : tls.ca_path.c_str()) != 1) {
        const std::string& which = tls.ca_certs.empty() ? tls.ca_path : tls.ca_certs;
        setup_failed(endpoint, fmt::format("cannot load the CA certificates of TlsOptions::{} '{}': {}",
                                           tls.ca_certs.empty() ? "ca_path" : "ca_certs", printable(which),
                                           file_problem(which)));
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
      setup_failed(endpoint, fmt::format("the key in '{}' does not belong to the certificate in '{}'", printable(keyfile),
                                         printable(tls.certfile)));
    if (!key_loaded)
      setup_failed(endpoint, fmt::format("cannot load the client key TlsOptions::{} '{}': {}",
                                         tls.keyfile.empty() ? "certfile" : "keyfile", printable(keyfile),
                                         file_problem(keyfile)));
    if (SSL_CTX_check_private_key(ctx) != 1)
      setup_failed(endpoint, fmt::format("the key in '{}' does not belong to the certificate in '{}'", printable(keyfile),
                                         printable(tls.certfile)));
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

// ---- the handshake, and what its failures mean ----------------------------------------------

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
  if (!tls.ca_path.empty()) source += fmt::format("{}ca_path '{}'", source.empty() ? "" : " and ", printable(tls.ca_path));
  return source.empty() ? "the system's trust store (no ca_certs given)" : source;
}

// The server's certificate was refused: say which check failed and what the certificate says.
inline std::string verify_failure_text(const TlsHandshakeNotes& failure, const TlsOptions& tls,
                                       const std::string& checked_name) {
  const std::string reason = X509_verify_cert_error_string(failure.error);
  switch (failure.error) {
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
      return fmt::format("the server's certificate is not for '{}': it names {} (set TlsOptions::server_name to "
                         "one of those, or connect by that name)",
                         printable(checked_name), joined_names(failure.names));
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return fmt::format("the {} certificate '{}' expired on {}", failure.depth == 0 ? "server's" : "CA", failure.subject,
                         failure.not_after);
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return fmt::format("the {} certificate '{}' is not valid yet (is this machine's clock right?)",
                         failure.depth == 0 ? "server's" : "CA", failure.subject);
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
      if (failure.depth > 0)  // the chain the server sent ends at a CA we do not have
        return fmt::format("the server's certificate is not trusted: its chain leads to the CA '{}', which is not "
                           "in {} ({}); give that CA's certificate as ca_certs",
                           failure.subject, trust_source(tls), reason);
      return fmt::format("the server's certificate is not trusted: '{}', issued by '{}', is not signed by a CA in {} "
                         "({}); give the CA that signed it as ca_certs",
                         failure.subject, failure.issuer, trust_source(tls), reason);
    default:
      return fmt::format("the server's certificate '{}' was refused: {} (checked against {})", failure.subject, reason,
                         trust_source(tls));
  }
}

[[noreturn]] inline void tls_connect_failed(const std::string& endpoint, const std::string& what) {
  throw ConnectionError(fmt::format("TLS connection to {} failed: {}", endpoint, what));
}

inline bool is_reason(unsigned long code, int reason) { return code != 0 && ERR_GET_REASON(code) == reason; }

// A failed SSL_connect, in words: which failure it is and what to check.
inline std::string handshake_failure_text(SSL* ssl, int result, const TlsHandshakeNotes& failure, const TlsOptions& tls,
                                          const std::string& checked_name, int saved_errno) {
  const int kind = SSL_get_error(ssl, result);
  const unsigned long code = ERR_peek_last_error();
  const bool has_client_cert = !tls.certfile.empty() || tls.ssl_context;
  if (kind == SSL_ERROR_SSL) {
    if (is_reason(code, SSL_R_CERTIFICATE_VERIFY_FAILED)) {
      if (failure.recorded) return verify_failure_text(failure, tls, checked_name);
      return fmt::format("the server's certificate was refused: {}",
                         X509_verify_cert_error_string(SSL_get_verify_result(ssl)));
    }
    if (is_reason(code, SSL_R_WRONG_VERSION_NUMBER) || is_reason(code, SSL_R_PACKET_LENGTH_TOO_LONG) ||
        is_reason(code, SSL_R_UNKNOWN_PROTOCOL) || is_reason(code, SSL_R_RECORD_LENGTH_MISMATCH))
      return "the server answered in plain text, not TLS: this is probably a plain (non-TLS) Redis port; use "
             "redis:// for it, or the server's tls-port";
    if (is_reason(code, SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED))
      return "the server requires a client certificate and none was sent (set TlsOptions::certfile and keyfile)";
    if (is_reason(code, SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE))
      return has_client_cert
                 ? "the server refused the handshake (no cipher or protocol version in common?)"
                 : "the server refused the handshake: it probably requires a client certificate (set "
                   "TlsOptions::certfile and keyfile), or has no cipher in common with us";
    if (is_reason(code, SSL_R_SSLV3_ALERT_BAD_CERTIFICATE) || is_reason(code, SSL_R_TLSV1_ALERT_UNKNOWN_CA) ||
        is_reason(code, SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED) ||
        is_reason(code, SSL_R_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE))
      return fmt::format("the server rejected this client's certificate '{}' ({})", printable(tls.certfile),
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
      return fmt::format("TLS handshake failed: {}", errno_text(saved_errno));
    return "the server closed the connection during the TLS handshake (a plain Redis port does this when it "
           "cannot read our hello; or the server refused the client)";
  }
  return "TLS handshake failed: " + openssl_error_text();
}

// Waits until `fd` is ready for `events` or `deadline` passes; false on time-out. A zero
// deadline waits without limit.
inline bool wait_until(int fd, int events, std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    int wait_ms = -1;
    if (deadline != std::chrono::steady_clock::time_point{}) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      wait_ms = static_cast<int>(std::min<long long>(left.count(), INT_MAX));
    }
    pollfd p{fd, static_cast<short>(events), 0};
    const int ready = ::poll(&p, 1, wait_ms);
    if (ready > 0) return true;
    if (ready == 0) return false;
    if (errno != EINTR) return true;  // let the next SSL call report the socket's error
  }
}

inline std::chrono::steady_clock::time_point deadline_after(std::chrono::milliseconds timeout) {
  return timeout.count() > 0 ? std::chrono::steady_clock::now() + timeout : std::chrono::steady_clock::time_point{};
}

// What a failed SSL_read/SSL_write means as an error code; {} for a clean close.
inline std::error_code tls_io_error(int kind, int saved_errno) {
  if (kind == SSL_ERROR_ZERO_RETURN) return {};
  if (kind == SSL_ERROR_SYSCALL) return saved_errno == 0 ? std::error_code{} : std::error_code(saved_errno, std::generic_category());
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

}  // namespace detail

REDISPP_DECL const std::error_category& tls_category() noexcept {
  static const detail::TlsCategory category;
  return category;
}

REDISPP_DECL std::unique_ptr<TlsStream> TlsStream::connect(const ConnectionOptions& options, const std::string& endpoint) {
  const TlsOptions& tls = *options.tls;
  std::shared_ptr<SSL_CTX> context = detail::shared_context(tls, endpoint);
  const int fd = detail::connect_socket(options, endpoint);
  SSL* ssl = nullptr;
  // Owns the socket and the session until the stream does.
  struct Pending {
    int fd;
    SSL*& ssl;
    ~Pending() {
      if (fd < 0) return;
      if (ssl != nullptr) SSL_free(ssl);
      ::close(fd);
    }
  } pending{fd, ssl};
  const auto fail = [&endpoint](const std::string& what) { detail::tls_connect_failed(endpoint, what); };

  const int flags = ::fcntl(fd, F_GETFL, 0);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) fail(detail::errno_text(errno));
  ERR_clear_error();
  ssl = SSL_new(context.get());
  BIO* bio = detail::tls_bio_method() != nullptr ? BIO_new(detail::tls_bio_method()) : nullptr;
  if (ssl == nullptr || bio == nullptr) {
    if (bio != nullptr) BIO_free(bio);
    fail("OpenSSL could not make a session: " + detail::openssl_error_text());
  }
  BIO_set_fd(bio, fd, BIO_NOCLOSE);
  SSL_set_bio(ssl, bio, bio);

  const std::string& name = tls.server_name.empty() ? options.host : tls.server_name;
  const bool ip = detail::is_ip_address(name);
  if (!ip && SSL_set_tlsext_host_name(ssl, name.c_str()) != 1) fail("cannot send the server name (SNI) '" + detail::printable(name) + "'");
  const bool verify = tls.ssl_context ? SSL_CTX_get_verify_mode(context.get()) != SSL_VERIFY_NONE
                                      : tls.cert_reqs != TlsCertReqs::none;
  if (verify && tls.check_hostname) {
    const int set = ip ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name.c_str()) : SSL_set1_host(ssl, name.c_str());
    if (set != 1) fail("cannot check the server's name '" + detail::printable(name) + "'");
  }
  detail::TlsHandshakeNotes failure;
  SSL_set_app_data(ssl, &failure);
  SSL_set_msg_callback(ssl, detail::handshake_message_callback);
  // A context of the user's own may come without a verify callback: ours then records what a
  // refused certificate says. One with a callback (pinning ...) keeps it.
  if (tls.ssl_context && SSL_CTX_get_verify_callback(context.get()) == nullptr)
    SSL_set_verify(ssl, SSL_CTX_get_verify_mode(context.get()), detail::verify_callback);

  // The handshake's own limit: the connect time-out (socket_timeout when that is 0; none if both are).
  const std::chrono::milliseconds limit =
      options.socket_connect_timeout.count() > 0 ? options.socket_connect_timeout : options.socket_timeout;
  const auto deadline = detail::deadline_after(limit);
  for (;;) {
    ERR_clear_error();
    errno = 0;
    const int result = SSL_connect(ssl);
    if (result == 1) break;
    const int saved_errno = errno;
    const int kind = SSL_get_error(ssl, result);
    if (kind == SSL_ERROR_WANT_READ || kind == SSL_ERROR_WANT_WRITE) {
      if (!detail::wait_until(fd, kind == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline))
        throw TimeoutError(fmt::format(
            "TLS handshake with {} timed out after {} ms ({}): the server took the TCP connection but sent no TLS "
            "answer; a plain (non-TLS) Redis port waits like this, so check that {} is the server's tls-port",
            endpoint, limit.count(), options.socket_connect_timeout.count() > 0 ? "socket_connect_timeout" : "socket_timeout",
            endpoint));
      continue;
    }
    fail(detail::handshake_failure_text(ssl, result, failure, tls, name, saved_errno));
  }
  // `failure` goes out of scope: no callback may look for it after the handshake.
  SSL_set_msg_callback(ssl, nullptr);
  SSL_set_app_data(ssl, nullptr);
  auto stream = std::make_unique<TlsStream>(fd, ssl, std::move(context), options.socket_timeout);
  stream->asked_for_client_certificate_ = failure.asked_for_client_certificate;
  stream->sent_client_certificate_ = SSL_get_certificate(ssl) != nullptr;
  pending.fd = -1;
  return stream;
}

REDISPP_DECL std::unique_ptr<Stream> open_tls_stream(const ConnectionOptions& options, const std::string& endpoint) {
  return TlsStream::connect(options, endpoint);
}

REDISPP_DECL TlsStream::~TlsStream() {
  // close_notify, without waiting for the server's: a courtesy, not a guarantee. Never in a
  // child after fork (the parent's session must go on) or after a fatal error (OpenSSL forbids it).
  if (!abandoned_ && !broken_) {
    ERR_clear_error();
    SSL_shutdown(ssl_);
  }
  SSL_free(ssl_);
  ::close(fd_);
  ERR_clear_error();
}

REDISPP_DECL IoResult TlsStream::write(std::string_view bytes) noexcept {
  IoResult result;
  const auto deadline = detail::deadline_after(write_timeout_);
  while (!bytes.empty()) {
    int sent = 0;
    int kind = SSL_ERROR_NONE;
    int saved_errno = 0;
    {
      std::lock_guard<std::mutex> lock(ssl_mutex_);
      ERR_clear_error();
      errno = 0;
      sent = SSL_write(ssl_, bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), INT_MAX)));
      saved_errno = errno;
      if (sent <= 0) kind = SSL_get_error(ssl_, sent);
    }
    if (sent > 0) {
      result.bytes += static_cast<std::size_t>(sent);
      bytes.remove_prefix(static_cast<std::size_t>(sent));
      continue;
    }
    if (kind == SSL_ERROR_WANT_WRITE || kind == SSL_ERROR_WANT_READ) {
      if (!detail::wait_until(fd_, kind == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN, deadline)) {
        result.error = std::make_error_code(std::errc::timed_out);
        return result;
      }
      continue;
    }
    broken_ = true;
    result.error = detail::tls_io_error(kind, saved_errno);
    if (!result.error) result.error = std::make_error_code(std::errc::broken_pipe);  // closed: nothing more can go
    result.error = explain_early_close(result.error);
    return result;
  }
  return result;
}

REDISPP_DECL IoResult TlsStream::read(std::span<char> room, std::chrono::milliseconds timeout) noexcept {
  const auto deadline = detail::deadline_after(timeout);
  // Nothing buffered inside OpenSSL: the reply is not at the socket yet either, most likely (we
  // read right after a request), so wait first rather than spend a recv() on EAGAIN.
  if (!has_pending() && !detail::wait_until(fd_, POLLIN, deadline))
    return IoResult{0, std::make_error_code(std::errc::timed_out)};
  for (;;) {
    int received = 0;
    int kind = SSL_ERROR_NONE;
    int saved_errno = 0;
    {
      std::lock_guard<std::mutex> lock(ssl_mutex_);
      ERR_clear_error();
      errno = 0;
      received = SSL_read(ssl_, room.data(), static_cast<int>(std::min<std::size_t>(room.size(), INT_MAX)));
      saved_errno = errno;
      if (received <= 0) kind = SSL_get_error(ssl_, received);
    }
    if (received > 0) {
      received_data_ = true;
      return IoResult{static_cast<std::size_t>(received), {}};
    }
    if (kind == SSL_ERROR_WANT_READ || kind == SSL_ERROR_WANT_WRITE) {
      if (!detail::wait_until(fd_, kind == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline))
        return IoResult{0, std::make_error_code(std::errc::timed_out)};
      continue;
    }
    if (kind != SSL_ERROR_ZERO_RETURN) broken_ = true;
    return IoResult{0, explain_early_close(detail::tls_io_error(kind, saved_errno))};
  }
}

REDISPP_DECL std::error_code TlsStream::explain_early_close(std::error_code error) const noexcept {
  // With TLS 1.3 the server judges our certificate (or its absence) after the client's part of
  // the handshake is over, then closes; its alert saying why may be lost to the reset. A close
  // before any reply, after it asked for a certificate, means it did not accept what we sent.
  const bool closed = !error || error == std::errc::connection_reset || error == std::errc::broken_pipe;
  if (!closed || !asked_for_client_certificate_ || received_data_) return error;
  return {static_cast<int>(sent_client_certificate_ ? TlsErrc::client_certificate_rejected
                                                    : TlsErrc::client_certificate_required),
          tls_category()};
}

REDISPP_DECL bool TlsStream::has_pending() noexcept {
  std::lock_guard<std::mutex> lock(ssl_mutex_);
  return SSL_has_pending(ssl_) != 0;
}

REDISPP_DECL bool TlsStream::readable() noexcept {
  if (has_pending()) {
    std::lock_guard<std::mutex> lock(ssl_mutex_);
    if (SSL_pending(ssl_) > 0) return true;
  }
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, 0) == 0 && !has_pending()) return false;
  // Bytes at the socket (or read ahead) may be records with no data for us (TLS 1.3 session
  // tickets): peek processes those and reports only data, a close or an error.
  char byte = 0;
  std::lock_guard<std::mutex> lock(ssl_mutex_);
  ERR_clear_error();
  const int peeked = SSL_peek(ssl_, &byte, 1);
  if (peeked > 0) return true;
  const int kind = SSL_get_error(ssl_, peeked);
  return kind != SSL_ERROR_WANT_READ && kind != SSL_ERROR_WANT_WRITE;
}

REDISPP_DECL std::string TlsStream::protocol_version() const { return SSL_get_version(ssl_); }

REDISPP_DECL std::string TlsStream::cipher() const {
  const char* name = SSL_get_cipher_name(ssl_);
  return name != nullptr ? name : "";
}

}  // namespace redispp
