#include "sitrep/json_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "common/utf8_sequence.h"

namespace sitrep {
namespace {

// AppendJsonString as first written (each byte tested for a run).
void PlainAppendJsonString(std::string* out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < s.size(); ++i) {
    // Printable ASCII other than '"' and '\\' is copied as a run.
    size_t run = i;
    while (run < s.size()) {
      unsigned char r = static_cast<unsigned char>(s[run]);
      if (r < 0x20 || r >= 0x80 || r == '"' || r == '\\') break;
      ++run;
    }
    if (run > i) {
      out->append(s.data() + i, run - i);
      if (run == s.size()) break;
      i = run;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {  // JSON text must be UTF-8: a bad byte becomes U+FFFD
      size_t n = ValidSequenceLength(s, i);
      if (n == 0) {
        out->append("\xEF\xBF\xBD");
      } else {
        out->append(s.substr(i, n));
        i += n - 1;
      }
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

// WriteJsonString's bytes, written in a buffer of exactly its bound.
std::string Written(std::string_view s) {
  std::string buf(JsonStringBound(s.size()), '?');
  char* end = WriteJsonString(buf.data(), s);
  EXPECT_LE(end - buf.data(), static_cast<ptrdiff_t>(buf.size()));
  buf.resize(end - buf.data());
  return buf;
}

TEST(AppendJsonString, MatchesThePlainForm) {
  const std::string pieces[] = {"a",
                                "Z ",
                                "\"",
                                "\\",
                                "\n",
                                "\r",
                                "\t",
                                "\x01",
                                "\x1f",
                                "\x7f",
                                "\xc3\xa9",
                                "\xe2\x80\x99",
                                "\xf0\x9f\x98\x80",
                                "\x80",
                                "\xc3",
                                "\xff",
                                std::string(1, '\0'),
                                "long run of plain text, 123."};
  std::mt19937 rng(13);
  for (int n = 0; n < 20000; ++n) {
    std::string s, want = "x", got = "x";
    for (int k = static_cast<int>(rng() % 16); k > 0; --k) {
      s += pieces[rng() % std::size(pieces)];
    }
    PlainAppendJsonString(&want, s);
    AppendJsonString(&got, s);
    ASSERT_EQ(got, want) << s;
    ASSERT_EQ("x" + Written(s), want) << s;
    // JsonWriter::String (a short plain string in one append) alike.
    std::string in_array = "[";
    PlainAppendJsonString(&in_array, s);
    in_array += ",1]";
    std::string written;
    JsonWriter w(&written);
    w.BeginArray();
    w.String(s);
    w.Int(1);
    w.EndArray();
    ASSERT_EQ(written, in_array) << s;
  }
}

// Double and Int against their plain forms (printf's "%.10g" and
// std::to_string), Key against AppendJsonString and ':'.
std::string PlainDouble(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

TEST(JsonWriter, NumbersMatchThePlainForms) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> deg(-180.0, 180.0);
  std::vector<double> vs = {0.0,
                            -0.0,
                            1.0,
                            0.1,
                            1e-7,
                            1e10,
                            1e16,
                            123456789012.0,
                            9999999999.5,
                            33.3128,
                            -1.5e-300,
                            std::numeric_limits<double>::max(),
                            std::numeric_limits<double>::denorm_min(),
                            std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::quiet_NaN()};
  // Decimals of 1 to 12 significant digits at every scale near and inside
  // the short fixed form's range (1e-3 to 1e9), and their neighbours.
  for (int n = 0; n < 200000; ++n) {
    int digits = 1 + static_cast<int>(rng() % 12);
    double m = static_cast<double>(
        rng() % static_cast<uint64_t>(std::pow(10.0, digits)));
    double v = m / std::pow(10.0, static_cast<int>(rng() % 16));
    if (rng() % 2) v = -v;
    vs.push_back(v);
    vs.push_back(std::nextafter(v, 1e300));
    vs.push_back(std::nextafter(v, -1e300));
  }
  for (double v : {1e-3, 9.99999999e-4, 0.001234567891, 999999999.5,
                   999999999.0, 1e9, 0.1 + 0.2, 9999999999.0, 0.5, 12.5}) {
    vs.push_back(v);
    vs.push_back(-v);
  }
  // Coordinates held as floats (the gazetteer's), and halves at the 11th
  // digit (ties in decimal, near-ties in binary).
  for (int n = 0; n < 100000; ++n) {
    vs.push_back(static_cast<double>(static_cast<float>(deg(rng))));
    double tie = (1e9 + static_cast<double>(rng() % 9000000000ull) + 0.5) /
                 std::pow(10.0, static_cast<int>(rng() % 14));
    vs.push_back(tie);
    vs.push_back(std::nextafter(tie, 0.0));
  }
  for (int n = 0; n < 100000; ++n) {
    vs.push_back(deg(rng));
    vs.push_back(std::round(deg(rng) * 1e4) / 1e4);
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    vs.push_back(d);
  }
  for (double v : vs) {
    std::string got;
    JsonWriter(&got).Double(v);
    ASSERT_EQ(got, PlainDouble(v)) << v;
    char buf[32];
    ASSERT_EQ(std::string(buf, WriteJsonDouble(buf, v)), got) << v;
  }
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{42},
                    std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    std::string got;
    JsonWriter(&got).Int(v);
    EXPECT_EQ(got, std::to_string(v));
  }
  for (int n = 0; n < 10000; ++n) {
    int64_t v = static_cast<int64_t>(rng()) >> (rng() % 64);
    std::string got;
    JsonWriter(&got).Int(v);
    ASSERT_EQ(got, std::to_string(v));
  }
}

TEST(JsonWriter, KeyMatchesThePlainForm) {
  // (61 bytes is the longest key written through Key's own buffer.)
  for (const std::string& k : std::vector<std::string>{
           "", "event_id", "a b", "q\"", "back\\slash", "nl\n", "\x7f",
           "caf\xC3\xA9", "bad\xff", "\x01", std::string(61, 'k'),
           std::string(62, 'k'), std::string(60, 'k') + "\"",
           std::string(61, 'k') + "\""}) {
    std::string got, want(1, '{');
    JsonWriter w(&got);
    w.BeginObject();
    w.Key(k);
    w.Int(1);
    w.Key(k);
    w.Null();
    AppendJsonString(&want, k);
    want += ":1,";
    AppendJsonString(&want, k);
    want += ":null";
    EXPECT_EQ(got, want) << k;
  }
}

// A key given as a char array (Key's template) is written as the
// std::string_view up to its first '\0' is: literals plain or not, short
// or past the one-append buffer, and arrays with bytes after the '\0'.
TEST(JsonWriter, ArrayKeyMatchesTheStringViewKey) {
  char padded[16] = "abc";  // (zeros after)
  char unterminated[3] = {'x', 'y', 'z'};
  std::string got, want;
  JsonWriter w(&got), v(&want);
  w.BeginObject();
  v.BeginObject();
  auto both = [&](const auto& k) {
    w.Key(k);
    w.Int(1);
    v.Key(std::string_view(&k[0], std::find(&k[0], std::end(k), '\0') - &k[0]));
    v.Int(1);
  };
  both("");
  both("event_id");
  both("a\"b");
  both("back\\slash");
  both("tab\t");
  both("\x7f");
  both("caf\xC3\xA9");
  both("nul\0after");
  both("a_key_that_is_longer_than_the_one_append_buffer_of_sixty_two_bytes");
  both("the_longest_key_written_with_one_append_buffer_of_61_bytes__");
  both(padded);
  both(unterminated);
  w.EndObject();
  v.EndObject();
  EXPECT_EQ(got, want);
}

// JsonWriter's commas as first written: a std::vector<bool> per open
// container. Writes the same calls as the fast writer, for comparison.
class PlainJsonWriter {
 public:
  explicit PlainJsonWriter(std::string* out) : out_(out) {}
  void Begin(char b) {
    Comma();
    out_->push_back(b);
    first_.push_back(true);
  }
  void End(char b) {
    out_->push_back(b);
    first_.pop_back();
  }
  void Key(std::string_view k) {
    Comma();
    AppendJsonString(out_, k);
    out_->push_back(':');
    after_key_ = true;
  }
  void Int(int64_t v) {
    Comma();
    out_->append(std::to_string(v));
  }

 private:
  void Comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_->push_back(',');
      first_.back() = false;
    }
  }
  std::string* out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

// Random nestings, shallow and deep (past 64 levels).
TEST(JsonWriter, CommasMatchThePlainForm) {
  std::mt19937 rng(5);
  int deep = 0;  // runs nesting deeper than 65 levels
  for (int n = 0; n < 2000; ++n) {
    std::string got, want;
    JsonWriter w(&got);
    PlainJsonWriter p(&want);
    std::vector<char> open = {'['};  // '{' or '['
    w.BeginArray();
    p.Begin('[');
    int max_depth = n % 3 == 0 ? 150 : 6;
    unsigned opens = n % 3 == 0 ? 6 : 4;  // in 10
    size_t deepest = 0;
    for (int k = 0; k < 400; ++k) {
      bool in_object = !open.empty() && open.back() == '{';
      if (in_object) {
        w.Key("k");
        p.Key("k");
      }
      unsigned r = rng() % 10;
      if (r < opens && static_cast<int>(open.size()) < max_depth) {
        char b = rng() % 2 ? '{' : '[';
        b == '{' ? w.BeginObject() : w.BeginArray();
        p.Begin(b);
        open.push_back(b);
        deepest = std::max(deepest, open.size());
      } else if (r < 7 || (open.size() == 1 && k < 300)) {
        w.Int(k);
        p.Int(k);
      } else {
        if (in_object) {  // the key written above needs its value
          w.Int(0);
          p.Int(0);
        }
        char b = open.back() == '{' ? '}' : ']';
        b == '}' ? w.EndObject() : w.EndArray();
        p.End(b);
        open.pop_back();
      }
      if (open.empty()) break;
    }
    ASSERT_EQ(got, want);
    deep += deepest > 65;
  }
  EXPECT_GT(deep, 300);  // of 667 runs allowed to
}

// Every byte value at every offset of a plain run longer than the 8-byte
// steps, against the plain form.
TEST(AppendJsonString, EachByteAtEachOffset) {
  for (int c = 0; c < 256; ++c) {
    for (size_t at = 0; at < 27; ++at) {
      std::string s(26, 'a');
      s.insert(s.begin() + static_cast<std::ptrdiff_t>(at),
               static_cast<char>(c));
      std::string want, got;
      PlainAppendJsonString(&want, s);
      AppendJsonString(&got, s);
      ASSERT_EQ(got, want) << c << " at " << at;
      ASSERT_EQ(Written(s), want) << c << " at " << at;
      // JsonWriter::String's short form (8 bytes at a time) alike.
      std::string written;
      JsonWriter w(&written);
      w.String(s);
      ASSERT_EQ(written, want) << c << " at " << at;
    }
  }
}

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
