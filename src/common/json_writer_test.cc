#include "sitrep/json_writer.h"

#include <gtest/gtest.h>

#include <string>

namespace sitrep {
namespace {

TEST(AppendJsonString, Table) {
  const std::pair<std::string, std::string> cases[] = {
      {"plain", "\"plain\""},
      {"q\"b\\n\nt\tc\x01", "\"q\\\"b\\\\n\\nt\\tc\\u0001\""},
      {"Nāṣiriyah \u2013 \U0001F600", "\"Nāṣiriyah \u2013 \U0001F600\""},
      // Invalid UTF-8 becomes U+FFFD: a stray continuation byte, a
      // truncated sequence, an overlong '/', a surrogate, beyond U+10FFFF.
      {"a\x80z", "\"a\uFFFDz\""},
      {"a\xE2\x80", "\"a\uFFFD\uFFFD\""},
      {"\xC0\xAF", "\"\uFFFD\uFFFD\""},
      {"\xED\xA0\x80", "\"\uFFFD\uFFFD\uFFFD\""},
      {"\xF4\x90\x80\x80", "\"\uFFFD\uFFFD\uFFFD\uFFFD\""},
      {"%FF\xFF", "\"%FF\uFFFD\""},
      // Plain runs (copied whole) meeting escapes at either end.
      {"", "\"\""},
      {"ab\"", "\"ab\\\"\""},
      {"\\ab\x1f", "\"\\\\ab\\u001f\""},
      {"a\x7f\xC3\xA9"
       "b",
       "\"a\x7f\xC3\xA9"
       "b\""},
  };
  for (const auto& [in, want] : cases) {
    std::string out;
    AppendJsonString(&out, in);
    EXPECT_EQ(out, want) << in;
  }
}

}  // namespace
}  // namespace sitrep
