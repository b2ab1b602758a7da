// The compiled part of redispp: every impl/*.ipp, built once into redispp::redispp. With
// REDISPP_HEADER_ONLY the headers include these files themselves, marked inline.
#ifdef REDISPP_HEADER_ONLY
#error "src/redispp.cpp is the compiled library; header-only users do not build it"
#endif

#include <redispp/impl/errors.ipp>
#include <redispp/impl/type_name.ipp>
#include <redispp/impl/sha1.ipp>
#include <redispp/impl/reply.ipp>
#include <redispp/impl/convert.ipp>
#include <redispp/impl/parser.ipp>
#include <redispp/impl/resp_parser.ipp>
#ifdef REDISPP_WITH_HIREDIS
#include <redispp/impl/hiredis_parser.ipp>
#endif
#include <redispp/impl/info.ipp>
#include <redispp/impl/reply_fields.ipp>
#include <redispp/impl/connection_replies.ipp>
#include <redispp/impl/geo_replies.ipp>
#include <redispp/impl/scripting_replies.ipp>
#include <redispp/impl/server_replies.ipp>
#include <redispp/impl/sorted_sets_types.ipp>
#include <redispp/impl/streams_types.ipp>
#include <redispp/impl/strings_replies.ipp>
#include <redispp/impl/bitmaps_commands.ipp>
#include <redispp/impl/connection_commands.ipp>
#include <redispp/impl/geo_commands.ipp>
#include <redispp/impl/hashes_commands.ipp>
#include <redispp/impl/hyperloglog_commands.ipp>
#include <redispp/impl/keys_commands.ipp>
#include <redispp/impl/lists_commands.ipp>
#include <redispp/impl/pubsub_commands.ipp>
#include <redispp/impl/scripting_commands.ipp>
#include <redispp/impl/server_commands.ipp>
#include <redispp/impl/sets_commands.ipp>
#include <redispp/impl/sorted_sets_commands.ipp>
#include <redispp/impl/streams_commands.ipp>
#include <redispp/impl/strings_commands.ipp>
#include <redispp/impl/client_list.ipp>
#include <redispp/impl/command_table.ipp>
#include <redispp/impl/retry.ipp>
#include <redispp/impl/options.ipp>
#include <redispp/impl/url.ipp>
#include <redispp/impl/handshake.ipp>
#include <redispp/impl/socket_stream.ipp>
#ifdef REDISPP_WITH_TLS
#include <redispp/impl/tls_context.ipp>
#include <redispp/impl/tls_stream.ipp>
#endif
#include <redispp/impl/stream.ipp>
#include <redispp/impl/connection.ipp>
#include <redispp/impl/session.ipp>
#include <redispp/impl/connection_pool.ipp>
#include <redispp/impl/transaction_reader.ipp>
#include <redispp/impl/pipeline_results.ipp>
#include <redispp/impl/pipeline.ipp>
#include <redispp/impl/typed_pipeline.ipp>
#include <redispp/impl/client.ipp>
#include <redispp/impl/client_scan.ipp>
#include <redispp/impl/script.ipp>
#include <redispp/impl/lock.ipp>
#include <redispp/impl/pubsub.ipp>
#include <redispp/impl/monitor.ipp>
