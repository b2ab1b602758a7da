#pragma once
// Reply's out-of-line members and its readable rendering.

#include <cmath>    // std::isnan
#include <cstring>  // std::memcpy
#include <string>   // std::to_string

// fmt::format, not fmt::format_to(std::back_inserter(out), ...): format_to instantiates fmt's
// whole formatting engine in this file (about 60 KB of code to optimise in a header-only
// program), fmt::format calls the one compiled into libfmt.
#include <fmt/format.h>  // fmt::format

#include <redispp/detail/printable.hpp>  // append_escaped
#include <redispp/detail/shared_text_block.hpp>
#include <redispp/errors.hpp>
#include <redispp/protocol/reply.hpp>

namespace redispp {

REDISPP_DECL std::string_view to_string(ReplyType type) noexcept {
  switch (type) {
    case ReplyType::simple_string: return "simple string";
    case ReplyType::error: return "error";
    case ReplyType::integer: return "integer";
    case ReplyType::bulk_string: return "bulk string";
    case ReplyType::nil: return "nil";
    case ReplyType::array: return "array";
    case ReplyType::map: return "map";
    case ReplyType::set: return "set";
    case ReplyType::double_: return "double";
    case ReplyType::boolean: return "boolean";
    case ReplyType::big_number: return "big number";
    case ReplyType::verbatim: return "verbatim string";
    case ReplyType::push: return "push";
    case ReplyType::attribute: return "attribute";
  }
  return "unknown";
}

REDISPP_DECL Reply::Reply(const Reply& other)
    : type_(other.type_), attribute_(other.attribute_ ? std::make_unique<Reply>(*other.attribute_) : nullptr) {
  std::memcpy(format_, other.format_, sizeof format_);
  int_value_ = other.int_value_;  // or the double: the same eight bytes
  if (other.body_ == Body::elements) {
    new (&elements_) std::vector<Reply>(other.elements_);
    body_ = Body::elements;
  } else if (other.body_ != Body::none) {
    set_text(other.text_view());
  }
}

REDISPP_DECL void Reply::destroy_shared_or_elements() noexcept {
  if (body_ == Body::shared_text) {
    shared_.block->release();
  } else {
    release_child_shares(elements_);
    elements_.~vector();
  }
}

REDISPP_DECL void Reply::release_child_shares(std::vector<Reply>& children) noexcept {
  detail::SharedTextBlock* block = nullptr;
  std::size_t shares = 0;  // of `block`, held by the children seen since it changed
  for (Reply& child : children) {
    if (child.body_ != Body::shared_text) continue;
    if (child.shared_.block != block) {
      if (block != nullptr) block->release(shares);
      block = child.shared_.block;
      shares = 0;
    }
    ++shares;
    child.body_ = Body::none;
  }
  if (block != nullptr) block->release(shares);
}

REDISPP_DECL const std::vector<Reply>& Reply::no_elements() noexcept {
  static const std::vector<Reply> none;
  return none;
}

REDISPP_DECL std::vector<Reply>& Reply::scratch_elements() noexcept {
  thread_local std::vector<Reply> scratch;
  scratch.clear();
  return scratch;
}

REDISPP_DECL Reply& Reply::operator=(const Reply& other) {
  if (this != &other) *this = Reply(other);
  return *this;
}

REDISPP_DECL Reply Reply::verbatim(std::string_view format, std::string text) {
  Reply r(ReplyType::verbatim, std::move(text));
  for (std::size_t i = 0; i < 3 && i < format.size(); ++i) r.format_[i] = format[i];
  return r;
}

REDISPP_DECL Reply Reply::aggregate(ReplyType type, std::vector<Reply> elements) {
  Reply r;
  r.type_ = type;
  new (&r.elements_) std::vector<Reply>(std::move(elements));
  r.body_ = Body::elements;
  return r;
}

REDISPP_DECL void Reply::set_attribute(Reply attribute) {
  attribute_ = std::make_unique<Reply>(std::move(attribute));
}

REDISPP_DECL void Reply::throw_wrong_type(std::string_view wanted) const {
  std::string text = "expected " + std::string(wanted) + " reply, got " + std::string(to_string(type_));
  if (type_ == ReplyType::error) text += ": " + std::string(text_view());
  throw DataError(text);
}

REDISPP_DECL std::string_view Reply::str() const {
  if (!has_text()) throw_wrong_type("a string");
  return text_view();
}

REDISPP_DECL std::string Reply::take_str() {
  if (!has_text()) throw_wrong_type("a string");
  if (body_ == Body::text) return std::move(text_);
  std::string taken(text_view());
  destroy_body();  // a shared text's share
  body_ = Body::inline_text;
  inline_size_ = 0;
  return taken;
}

REDISPP_DECL long long Reply::integer() const {
  if (type_ != ReplyType::integer) throw_wrong_type("an integer");
  return int_value_;
}

REDISPP_DECL double Reply::dbl() const {
  if (type_ != ReplyType::double_) throw_wrong_type("a double");
  return double_value_;
}

REDISPP_DECL bool Reply::boolean() const {
  if (type_ != ReplyType::boolean) throw_wrong_type("a boolean");
  return int_value_ != 0;
}

REDISPP_DECL bool operator==(const Reply& a, const Reply& b) noexcept {
  if (a.type_ != b.type_) return false;
  if (static_cast<bool>(a.attribute_) != static_cast<bool>(b.attribute_)) return false;
  if (a.attribute_ && !(*a.attribute_ == *b.attribute_)) return false;
  switch (a.type_) {
    case ReplyType::integer:
    case ReplyType::boolean: return a.int_value_ == b.int_value_;
    // NaN equals NaN here: two replies that both say "nan" are the same reply.
    case ReplyType::double_: return a.double_value_ == b.double_value_ || (std::isnan(a.double_value_) && std::isnan(b.double_value_));
    case ReplyType::verbatim: return a.verbatim_format() == b.verbatim_format() && a.text_view() == b.text_view();
    case ReplyType::nil: return true;
    default: return a.text_view() == b.text_view() && a.elements() == b.elements();
  }
}

namespace detail {

inline void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  append_escaped(out, text, true, '"');
  out += '"';
}

}  // namespace detail

REDISPP_DECL void format_reply(std::string& out, const Reply& reply) {
  if (const Reply* attribute = reply.attribute()) {
    out += '|';
    format_reply(out, *attribute);
    out += "| ";
  }
  const auto join = [&out](const std::vector<Reply>& elements, const char* open, const char* close) {
    out += open;
    for (std::size_t i = 0; i < elements.size(); ++i) {
      if (i) out += ", ";
      format_reply(out, elements[i]);
    }
    out += close;
  };
  const auto join_pairs = [&out](const std::vector<Reply>& elements) {
    out += '{';
    for (std::size_t i = 0; i + 1 < elements.size(); i += 2) {
      if (i) out += ", ";
      format_reply(out, elements[i]);
      out += ": ";
      format_reply(out, elements[i + 1]);
    }
    out += '}';
  };
  switch (reply.type()) {
    case ReplyType::simple_string: out += reply.str(); break;
    case ReplyType::error: out += "(error) "; out += reply.str(); break;
    case ReplyType::integer: out += "(integer) "; out += std::to_string(reply.integer()); break;
    case ReplyType::bulk_string: detail::append_quoted(out, reply.str()); break;
    case ReplyType::nil: out += "(nil)"; break;
    case ReplyType::array: join(reply.elements(), "[", "]"); break;
    case ReplyType::set: join(reply.elements(), "set[", "]"); break;
    case ReplyType::push: join(reply.elements(), "push[", "]"); break;
    case ReplyType::map:
    case ReplyType::attribute: join_pairs(reply.elements()); break;
    case ReplyType::double_: out += fmt::format("(double) {}", reply.dbl()); break;
    case ReplyType::boolean: out += reply.boolean() ? "(true)" : "(false)"; break;
    case ReplyType::big_number: out += "(big number) "; out += reply.str(); break;
    case ReplyType::verbatim:
      out += reply.verbatim_format();
      out += ':';
      detail::append_quoted(out, reply.str());
      break;
  }
}

}  // namespace redispp
