# redispp_extract_snippets(<markdown file> <output dir> <out var>)
#
# Writes each ```cpp block of the file to <output dir>/<stem>_<n>.cpp (n counts the file's cpp
# blocks from 1; the file is rewritten only when its text changed, so an unchanged block is not
# rebuilt) and sets <out var> to a list of "<target>|<kind>|<path>" entries, kind being
# program, tls_program or fragment. A ```cpp fence must start its line: an indented one is an
# error here, so that no block escapes the check. See tests/docs/CMakeLists.txt for the kinds.

set(REDISPP_SNIPPET_PRELUDE [=[
#include <redispp/redispp.hpp>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

using namespace std::chrono_literals;
]=])

# A fragment shows calls and their results' types; it need not use every variable it names.
set(REDISPP_SNIPPET_UNUSED [=[
#pragma GCC diagnostic ignored "-Wunused-variable"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wunused-function"
]=])

function(redispp_write_if_changed path text)
  if(EXISTS "${path}")
    file(READ "${path}" old)
    if(old STREQUAL text)
      return()
    endif()
  endif()
  file(WRITE "${path}" "${text}")
endfunction()

function(redispp_extract_snippets doc out_dir out_var)
  file(READ "${doc}" text)
  file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${doc}")
  get_filename_component(stem "${doc}" NAME_WE)
  string(MAKE_C_IDENTIFIER "${stem}" stem)
  file(MAKE_DIRECTORY "${out_dir}")
  if(text MATCHES "\n[ \t]+```cpp")
    message(FATAL_ERROR "${rel}: an indented ```cpp block; start the fence at the beginning of its line so that tests/docs compiles it")
  endif()

  set(result "")
  set(n 0)
  set(consumed 0)  # characters of text before `rest`
  set(rest "\n${text}")
  while(TRUE)
    string(FIND "${rest}" "\n```cpp\n" open)
    if(open EQUAL -1)
      break()
    endif()
    math(EXPR n "${n} + 1")
    # What precedes the fence: a marker comment on the line before it, if any.
    string(SUBSTRING "${rest}" 0 ${open} before)
    set(marker "")
    if(before MATCHES "<!-- snippet: ([a-z]+) -->[ \t]*$")
      set(marker "${CMAKE_MATCH_1}")
    endif()
    math(EXPR body_start "${open} + 8")
    string(SUBSTRING "${rest}" ${body_start} -1 rest)
    string(FIND "${rest}" "\n```" close)
    if(close EQUAL -1)
      message(FATAL_ERROR "${rel}: ```cpp block ${n} is not closed")
    endif()
    string(SUBSTRING "${rest}" 0 ${close} code)
    string(APPEND code "\n")
    # The block's first line in the Markdown file: the newlines before it, plus one.
    math(EXPR consumed "${consumed} + ${body_start}")
    string(SUBSTRING "\n${text}" 0 ${consumed} head)
    string(REGEX MATCHALL "\n" newlines "${head}")
    list(LENGTH newlines line)
    math(EXPR consumed "${consumed} + ${close}")
    string(SUBSTRING "${rest}" ${close} -1 rest)

    if(marker STREQUAL "skip")
      continue()
    elseif(NOT marker STREQUAL "" AND NOT marker STREQUAL "toplevel" AND NOT marker STREQUAL "tls")
      message(FATAL_ERROR "${rel}: unknown marker <!-- snippet: ${marker} --> before ```cpp block ${n}")
    endif()
    set(name "docs_${stem}_${n}")
    set(path "${out_dir}/${name}.cpp")
    set(location "#line ${line} \"${doc}\"\n")
    if(code MATCHES "int main\\(")
      set(kind program)
      if(marker STREQUAL "tls")
        set(kind tls_program)
      endif()
      redispp_write_if_changed("${path}" "// ${rel}, ```cpp block ${n}: a program\n${location}${code}")
    elseif(marker STREQUAL "toplevel")
      set(kind fragment)
      redispp_write_if_changed("${path}"
        "// ${rel}, ```cpp block ${n}: declarations\n${REDISPP_SNIPPET_PRELUDE}\n${REDISPP_SNIPPET_UNUSED}${location}${code}")
    else()
      set(kind fragment)
      redispp_write_if_changed("${path}"
        "// ${rel}, ```cpp block ${n}: statements, given a client r\n${REDISPP_SNIPPET_PRELUDE}\n${REDISPP_SNIPPET_UNUSED}[[maybe_unused]] static void ${name}(redispp::Redis& r) {\n  static_cast<void>(r);\n${location}${code}}\n")
    endif()
    list(APPEND result "${name}|${kind}|${path}")
  endwhile()
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()
