#pragma once
// Reply: one value the server sent, of any RESP2 or RESP3 type.
//
// A Reply owns its text and children; moving one is a few pointer swaps. Text of up to
// inline_text_capacity bytes (32 with libstdc++: an "OK", a short value, a field name) is kept
// inside the Reply itself, so a parser makes such replies without a heap allocation; the text
// and the children share one slot (a reply has one or the other), which keeps a Reply at 56
// bytes instead of 80. A longer text is a std::string of its own, or, for the medium-sized
// elements of an aggregate the built-in parser read in one go, a share of one block the
// elements hold together (detail/shared_text_block.hpp). RESP3 attributes
// ("|" frames) are never replies of their own: the parser attaches them to the reply they
// precede, where attribute() finds them. RESP2's nil bulk and nil array and RESP3's null all
// become ReplyType::nil; RESP3's blob error becomes ReplyType::error like a simple error.

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <cstring>      // std::memcpy
#include <new>          // placement new
#include <memory>       // std::unique_ptr
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <fmt/core.h>  // fmt::formatter (and fmt::format for users printing a Reply)

#include <redispp/config.hpp>
#include <redispp/detail/copy_short.hpp>

namespace redispp {

class RespParser;
namespace detail {
class SharedTextBlock;
}  // namespace detail

enum class ReplyType : std::uint8_t {
  simple_string,  // +OK
  error,          // -ERR ... and RESP3 blob errors (!)
  integer,        // :42
  bulk_string,    // $5 hello
  nil,            // $-1, *-1, RESP3 _
  array,          // *
  map,            // % (elements: key, value, key, value ...)
  set,            // ~
  double_,        // , (inf, -inf and nan included)
  boolean,        // #t / #f
  big_number,     // ( (kept as its decimal text)
  verbatim,       // = (text plus a three-letter format such as "txt")
  push,           // > (out-of-band data: pub/sub messages, invalidations)
  attribute,      // | (only ever reached through Reply::attribute())
};

/// The name of a reply type as the docs spell it ("bulk string", "map").
REDISPP_DECL std::string_view to_string(ReplyType type) noexcept;

class Reply {
 public:
  /// A nil reply.
  Reply() noexcept {}
  Reply(const Reply& other);
  Reply& operator=(const Reply& other);
  Reply(Reply&& other) noexcept
      : type_(other.type_), format_{other.format_[0], other.format_[1], other.format_[2]},
        attribute_(std::move(other.attribute_)) {
    int_value_ = other.int_value_;  // or the double: the same eight bytes
    take_body(other);
  }
  Reply& operator=(Reply&& other) noexcept {
    if (this != &other) {
      // Taken out first: `other` may live inside this reply (r = std::move(r.elements()[0])),
      // and destroying this body would destroy it.
      Reply taken(std::move(other));
      destroy_body();
      type_ = taken.type_;
      for (int i = 0; i < 3; ++i) format_[i] = taken.format_[i];
      int_value_ = taken.int_value_;
      take_body(taken);
      attribute_ = std::move(taken.attribute_);
    }
    return *this;
  }
  ~Reply() { destroy_body(); }

  /// Bytes of text a Reply holds without a heap allocation.
  static constexpr std::size_t inline_text_capacity = sizeof(std::string);

  // Named constructors, one per type.
  static Reply simple_string(std::string text) { return Reply(ReplyType::simple_string, std::move(text)); }
  static Reply error(std::string text) { return Reply(ReplyType::error, std::move(text)); }
  static Reply bulk_string(std::string text) { return Reply(ReplyType::bulk_string, std::move(text)); }
  static Reply big_number(std::string digits) { return Reply(ReplyType::big_number, std::move(digits)); }
  /// A reply of a text type (simple string, bulk string, error, big number) holding a copy of
  /// `text`: what the parsers use, since a short text then costs no allocation at all.
  static Reply from_text(ReplyType type, std::string_view text) {
    Reply r;
    r.assign_text(type, text);
    return r;
  }
  /// Makes this reply what from_text(type, text) makes, in place (its attribute dropped): a
  /// parser fills the slot a reply will stay in, rather than moving a new one there.
  void assign_text(ReplyType type, std::string_view text) {
    destroy_body();
    attribute_.reset();
    type_ = type;
    set_text(text);
  }
  static Reply nil() noexcept { return Reply(); }
  static Reply integer(long long value) noexcept {
    Reply r;
    r.type_ = ReplyType::integer;
    r.int_value_ = value;
    return r;
  }
  static Reply double_(double value) noexcept {
    Reply r;
    r.type_ = ReplyType::double_;
    r.double_value_ = value;
    return r;
  }
  static Reply boolean(bool value) noexcept {
    Reply r;
    r.type_ = ReplyType::boolean;
    r.int_value_ = value ? 1 : 0;
    return r;
  }
  /// A verbatim string; `format` is its three-letter format ("txt", "mkd").
  static Reply verbatim(std::string_view format, std::string text);
  /// An aggregate: array, map (key, value, ... flattened), set, push or attribute.
  static Reply aggregate(ReplyType type, std::vector<Reply> elements);
  static Reply array(std::vector<Reply> elements) { return aggregate(ReplyType::array, std::move(elements)); }

  ReplyType type() const noexcept { return type_; }
  bool is_nil() const noexcept { return type_ == ReplyType::nil; }
  bool is_error() const noexcept { return type_ == ReplyType::error; }
  /// True for array, map, set, push and attribute: the types that have elements().
  bool is_aggregate() const noexcept {
    return type_ == ReplyType::array || type_ == ReplyType::map || type_ == ReplyType::set ||
           type_ == ReplyType::push || type_ == ReplyType::attribute;
  }
  /// True for the types whose value is text: simple, bulk, error, verbatim, big number.
  bool has_text() const noexcept {
    return type_ == ReplyType::simple_string || type_ == ReplyType::bulk_string || type_ == ReplyType::error ||
           type_ == ReplyType::verbatim || type_ == ReplyType::big_number;
  }

  /// The text of a simple/bulk string, error, verbatim string (without its format) or big
  /// number. Throws DataError for other types.
  std::string_view str() const;
  /// Moves the text out (same types as str()); the reply keeps an empty string.
  std::string take_str();
  /// An integer reply's value. Throws DataError for other types.
  long long integer() const;
  /// A double reply's value. Throws DataError for other types.
  double dbl() const;
  /// A boolean reply's value. Throws DataError for other types.
  bool boolean() const;
  /// A verbatim string's format ("txt"); empty for other types.
  std::string_view verbatim_format() const noexcept { return {format_, type_ == ReplyType::verbatim ? 3u : 0u}; }
  /// Children of an array, set, push or attribute; a map's are key, value, key, value ...
  /// Empty for scalar types.
  const std::vector<Reply>& elements() const noexcept { return body_ == Body::elements ? elements_ : no_elements(); }
  /// The same, to move children out or add them. On a scalar reply it is an empty list that
  /// belongs to no reply (a scalar has no room for children): what is put there is dropped.
  std::vector<Reply>& elements() noexcept { return body_ == Body::elements ? elements_ : scratch_elements(); }

  /// The RESP3 attribute that preceded this reply, or nullptr. Its elements() are key, value ...
  const Reply* attribute() const noexcept { return attribute_.get(); }
  void set_attribute(Reply attribute);

  friend bool operator==(const Reply& a, const Reply& b) noexcept;

 private:
  friend class RespParser;  // init_text(), assign_shared_text()

  // What the slot holds.
  enum class Body : std::uint8_t { none, inline_text, text, shared_text, elements };  // destroy_body() relies on the order
  // Text in a block other replies share, with this reply's share of it.
  struct SharedText {
    const char* data;
    std::size_t size;
    detail::SharedTextBlock* block;
  };

  // A std::string handed over is kept as it is (moved, never copied); from_text() is the way to
  // the inline form.
  Reply(ReplyType type, std::string&& text) noexcept : type_(type), body_(Body::text) {
    new (&text_) std::string(std::move(text));
  }
  [[noreturn]] void throw_wrong_type(std::string_view wanted) const;
  static const std::vector<Reply>& no_elements() noexcept;
  static std::vector<Reply>& scratch_elements() noexcept;

  // Tests in the order of what replies hold most: written as a switch over the four kinds, it
  // cost every str() about 6 instructions more (callgrind, a pipeline of SETs read back).
  std::string_view text_view() const noexcept {
    if (body_ == Body::inline_text) return {inline_text_, inline_size_};
    if (body_ == Body::text) return text_;
    if (body_ == Body::shared_text) return {shared_.data, shared_.size};
    return {};
  }
  void set_text(std::string_view text) {  // on an empty body
    if (text.size() <= inline_text_capacity) {
      detail::copy_short(inline_text_, text.data(), text.size());
      inline_size_ = static_cast<std::uint8_t>(text.size());
      body_ = Body::inline_text;
    } else {
      new (&text_) std::string(text);  // may throw bad_alloc: body_ is still none then
      body_ = Body::text;
    }
  }
  // Inline for what a pipeline's replies mostly hold (nothing, inline text, a std::string),
  // a call for the rest: a Reply is destroyed in many places, and the children's loop inlined
  // in each would keep the common case from being inlined itself.
  void destroy_body() noexcept {
    if (body_ == Body::text)
      text_.~basic_string();
    else if (body_ >= Body::shared_text)
      destroy_shared_or_elements();
    body_ = Body::none;
  }
  // A shared text's share, or the children (out of line: <atomic> stays out of this header).
  void destroy_shared_or_elements() noexcept;
  // Gives up the shares `children` hold, one step per run of children sharing a block rather
  // than one atomic decrement each (they are destroyed together, in this thread); they are left
  // with empty bodies.
  static void release_child_shares(std::vector<Reply>& children) noexcept;
  // What assign_text() does, on a reply fresh from Reply() (no body, no attribute to undo): the
  // parser's slots, emplaced just before.
  void init_text(ReplyType type, std::string_view text) {
    type_ = type;
    set_text(text);
  }
  // Makes this reply a text reply whose bytes are `text`, inside `block`, and which owns one
  // share of `block` (already counted by the caller). Its attribute is dropped.
  void assign_shared_text(ReplyType type, std::string_view text, detail::SharedTextBlock* block) noexcept {
    destroy_body();
    attribute_.reset();
    type_ = type;
    new (&shared_) SharedText{text.data(), text.size(), block};
    body_ = Body::shared_text;
  }
  // Moves other's text or children here (this body is empty); other keeps an empty one.
  // Inline text, a shared text's handle (the share moves with it) and an empty body are copied
  // as the whole slot, a fixed size the compiler copies in two moves: a copy of inline_size_
  // bytes would be a call to memcpy, and a Reply moves at least once on its way into a vector.
  void take_body(Reply& other) noexcept {
    switch (other.body_) {
      case Body::none:
      case Body::inline_text:
      case Body::shared_text:
        std::memcpy(inline_text_, other.inline_text_, inline_text_capacity);
        inline_size_ = other.inline_size_;
        break;
      case Body::text:
        new (&text_) std::string(std::move(other.text_));
        other.text_.~basic_string();
        break;
      case Body::elements:
        new (&elements_) std::vector<Reply>(std::move(other.elements_));
        other.elements_.~vector();
        break;
    }
    body_ = other.body_;
    other.body_ = Body::none;
  }

  ReplyType type_ = ReplyType::nil;
  Body body_ = Body::none;
  std::uint8_t inline_size_ = 0;  // of inline_text_
  char format_[3] = {};           // a verbatim string's format
  union {
    long long int_value_ = 0;  // integer, and boolean as 0/1
    double double_value_;
  };
  union {  // which member is alive: body_
    char inline_text_[inline_text_capacity];
    std::string text_;
    std::vector<Reply> elements_;
    SharedText shared_;
  };
  std::unique_ptr<Reply> attribute_;

  static_assert(sizeof(SharedText) <= inline_text_capacity, "take_body() moves a shared text as the inline slot");
};

/// Appends a readable one-line rendering of `reply` to `out`: strings quoted with escapes,
/// "(integer) 5", "(nil)", arrays as [..], maps as {k: v}, attributes as |{..}| before the value.
REDISPP_DECL void format_reply(std::string& out, const Reply& reply);

namespace detail {
/// The replies of a command that gets several (Command::reply_count() > 1), as its caller
/// receives them: the first error reply among them if there is one, else an array of them all.
inline Reply combine_replies(std::vector<Reply>&& replies) {
  for (Reply& reply : replies)
    if (reply.is_error()) return std::move(reply);
  return Reply::array(std::move(replies));
}
}  // namespace detail

}  // namespace redispp

namespace redispp::detail {
/// fmt's formatter for Reply and ReplyType: parses "{}" only, writes the text as it is.
struct plain_text_formatter {
  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) { return ctx.begin(); }
  template <class FormatContext>
  static auto write(std::string_view text, FormatContext& ctx) -> decltype(ctx.out()) {
    auto out = ctx.out();
    for (const char c : text) *out++ = c;
    return out;
  }
};
}  // namespace redispp::detail

// Inside namespace fmt rather than as fmt::formatter<...> from outside: the same to a compiler,
// but Doxygen can only place a specialisation in a namespace it has seen opened.
// Only "{}" (no width or fill): borrowing formatter<std::string_view>'s specs would need
// <fmt/format.h> here, the heaviest header a user's file could get from this one.
namespace fmt {

template <>
struct formatter<redispp::Reply> : redispp::detail::plain_text_formatter {
  template <class FormatContext>
  auto format(const redispp::Reply& reply, FormatContext& ctx) const -> decltype(ctx.out()) {
    std::string text;
    redispp::format_reply(text, reply);
    return write(text, ctx);
  }
};

template <>
struct formatter<redispp::ReplyType> : redispp::detail::plain_text_formatter {
  template <class FormatContext>
  auto format(redispp::ReplyType type, FormatContext& ctx) const -> decltype(ctx.out()) {
    return write(redispp::to_string(type), ctx);
  }
};

}  // namespace fmt

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/reply.ipp>
#endif
