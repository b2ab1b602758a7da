#pragma once
// TLS set-up from TlsOptions for any transport: the client context, one session's preparation
// for a host, and what a failed (or stalled) handshake means in words. TlsStream, the blocking
// transport, uses it; a transport on another I/O model (an asio::ssl::stream, built on the
// SSL_CTX and SSL objects OpenSSL hands out) can use it the same way and so fail with the same
// messages:
//
//   std::shared_ptr<ssl_ctx_st> context = redispp::tls_client_context(tls, endpoint);
//   SSL* ssl = SSL_new(context.get());                          // or the asio stream's handle
//   redispp::TlsHandshakeNotes notes;
//   redispp::prepare_tls_session(ssl, context.get(), tls, host, notes, endpoint);
//   ... SSL_connect until done; on failure:
//       throw ConnectionError(tls_handshake_failure(ssl, result, notes, tls, errno));
//   redispp::finish_tls_session(ssl, notes);                    // before `notes` goes
//
// The context comes from TlsOptions (or is the user's own ssl_context): protocol versions,
// ciphers, the trusted CAs, the client certificate and key. Contexts are shared by the
// connections of a process while the files they read stay unchanged, and the certificates'
// extensions are decoded before a context is shared (see impl/tls_context.ipp for why).
// The session is prepared for a host: SNI with the name (names only: an IP address is sent
// without), the host-name (or IP) check against the certificate unless verification is off,
// and callbacks that note what the handshake saw, so its failure can be named: which
// certificate was refused and why, a plain-text answer (a plain Redis port), bytes that are not
// TLS at all, a handshake the server began and then stalled, or silence (from a server that
// spoke TLS to this process before: stopped).
//
// This header includes no OpenSSL header: it names OpenSSL's SSL_CTX and SSL by their struct
// tags (ssl_ctx_st, ssl_st), as tls_options.hpp does.

#include <cstddef>       // std::size_t
#include <memory>        // std::shared_ptr
#include <string>        // std::string
#include <system_error>  // std::error_category, std::error_code
#include <vector>        // std::vector

#include <redispp/config.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/transport/tls_options.hpp>

struct ssl_ctx_st;  // OpenSSL's SSL_CTX
struct ssl_st;      // OpenSSL's SSL

namespace redispp {

/// TLS failures after the handshake, as Stream errors (Connection messages print their text).
enum class TlsErrc {
  client_certificate_required = 1,  ///< the server wants a client certificate; none was sent
  client_certificate_rejected,      ///< the server refused the one that was sent
  session_failed,                   ///< a bad record, or an alert from the server
};

/// The category of TlsErrc values; message() says what to check.
REDISPP_DECL const std::error_category& tls_category() noexcept;

/// The client context for `tls`: the user's ssl_context when set, otherwise one made from the
/// options and shared with every other connection of the process that has the same options
/// and files (re-made when a file changes). Throws ConnectionError "TLS set-up for <endpoint>
/// failed: ..." naming the option at fault (a missing CA file, a key that does not match).
REDISPP_DECL std::shared_ptr<ssl_ctx_st> tls_client_context(const TlsOptions& tls, const std::string& endpoint);

/// What the callbacks saw during one handshake, for the messages. prepare_tls_session() hands
/// it to the session; it must outlive the handshake (finish_tls_session() takes it back).
struct TlsHandshakeNotes {
  /// The name checked in the certificate (server_name, or the host), and the endpoint.
  std::string checked_name;
  std::string endpoint;
  /// The server sent a CertificateRequest: with TLS 1.3 it says it wanted a client
  /// certificate it did not get only by closing the connection after the handshake.
  bool asked_for_client_certificate = false;
  /// The first record header the server sent (5 bytes; empty when none came), whatever it held:
  /// plain text from a plain port, or the start of a TLS record that may never have finished.
  std::string first_header;
  /// Whole handshake messages received from the server.
  std::size_t handshake_messages = 0;
  // The certificate the verify callback refused (the handshake's error alone says only
  // "certificate verify failed").
  bool recorded = false;
  int error = 0;  // X509_V_OK
  int depth = 0;
  std::string subject;
  std::string issuer;
  std::vector<std::string> names;  // DNS and IP entries of the subjectAltName
  std::string not_after;
};

/// Prepares `ssl` (a session of `context`) for a handshake with `host`: SNI, the host-name or IP
/// check (unless `tls` turns verification off), and the callbacks that fill `notes`. Throws
/// ConnectionError "TLS connection to <endpoint> failed: ..." when OpenSSL refuses the name.
REDISPP_DECL void prepare_tls_session(ssl_st* ssl, ssl_ctx_st* context, const TlsOptions& tls, const std::string& host,
                                      TlsHandshakeNotes& notes, const std::string& endpoint);

/// After a handshake that succeeded: takes back what prepare_tls_session() gave the session
/// (before `notes` goes out of scope), and remembers that the endpoint speaks TLS, so that a
/// later handshake with it that meets silence is named as a stopped server, not a plain port.
REDISPP_DECL void finish_tls_session(ssl_st* ssl, const TlsHandshakeNotes& notes);

/// A failed SSL_connect in words: which check failed and what to do. `result` is what
/// SSL_connect returned and `saved_errno` the errno right after it; call it before anything
/// else touches OpenSSL's error queue.
REDISPP_DECL std::string tls_handshake_failure(ssl_st* ssl, int result, const TlsHandshakeNotes& notes,
                                               const TlsOptions& tls, int saved_errno);

/// A handshake that did not finish within `limit` (`limit_source`: the option that set it), in
/// words, named by what had arrived: part of a TLS record or of the handshake (a TLS server that
/// stalled), a few bytes, or nothing at all. Nothing at all is a stopped TLS server when the
/// endpoint completed a handshake with this process before (finish_tls_session), and otherwise
/// either that or a plain Redis port, which reads our hello as a command and waits for its end.
REDISPP_DECL std::string tls_handshake_timeout(ssl_st* ssl, const TlsHandshakeNotes& notes, const std::string& endpoint,
                                               std::chrono::milliseconds limit, const std::string& limit_source);

/// A failed SSL_read or SSL_write after the handshake as an error code: `kind` is
/// SSL_get_error's answer, `saved_errno` the errno right after the call. {} for a clean close.
REDISPP_DECL std::error_code tls_session_error(int kind, int saved_errno);

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/tls_context.ipp>
#endif
