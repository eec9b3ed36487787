#include "sitrep/utf8.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "common/utf8_sequence.h"

namespace sitrep {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// Bytes to skip for one invalid sequence: the maximal prefix of a
// well-formed sequence (Unicode "maximal subpart" practice), at least 1.
size_t InvalidSequenceLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char c = p[i];
  size_t want = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
  if (c > 0xF4) want = 1;
  size_t k = 1;
  while (k < want && i + k < s.size() && (p[i + k] & 0xC0) == 0x80) {
    unsigned char c1 = p[i + k];
    if (k == 1 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) ||
                   (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))) {
      break;
    }
    ++k;
  }
  return k;
}

bool AsciiBlock(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return (v & 0x8080808080808080ULL) == 0;
}

void AppendCodePoint(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes UTF-16 (after its BOM) to UTF-8; unpaired surrogates and an odd
// trailing byte become U+FFFD.
std::string Utf16ToUtf8(std::string_view s, bool big_endian, size_t* repairs) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size() / 2;
  auto unit = [&](size_t k) -> uint32_t {
    return big_endian ? (p[2 * k] << 8) | p[2 * k + 1]
                      : (p[2 * k + 1] << 8) | p[2 * k];
  };
  for (size_t k = 0; k < n; ++k) {
    uint32_t u = unit(k);
    if (u >= 0xD800 && u <= 0xDBFF && k + 1 < n) {
      uint32_t lo = unit(k + 1);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        AppendCodePoint(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00), &out);
        ++k;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      out.append(kReplacement);
      ++*repairs;
      continue;
    }
    AppendCodePoint(u, &out);
  }
  if (s.size() % 2 != 0) {
    out.append(kReplacement);
    ++*repairs;
  }
  return out;
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(ec);
    return U_SUCCESS(ec) ? n : nullptr;
  }();
  return nfc;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size() && AsciiBlock(s.data() + i)) {
      i += 8;
      continue;
    }
    size_t len = ValidSequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string RepairUtf8(std::string_view s, size_t* repairs) {
  size_t local = 0;
  if (repairs == nullptr) repairs = &local;
  *repairs = 0;
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xFF &&
      static_cast<unsigned char>(s[1]) == 0xFE) {
    return Utf16ToUtf8(s.substr(2), false, repairs);
  }
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xFE &&
      static_cast<unsigned char>(s[1]) == 0xFF) {
    return Utf16ToUtf8(s.substr(2), true, repairs);
  }
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  size_t run = 0;  // start of the pending valid run
  while (i < s.size()) {
    if (i + 8 <= s.size() && AsciiBlock(s.data() + i)) {
      i += 8;
      continue;
    }
    size_t len = ValidSequenceLength(s, i);
    if (len != 0) {
      i += len;
      continue;
    }
    out.append(s.data() + run, i - run);
    out.append(kReplacement);
    ++*repairs;
    i += InvalidSequenceLength(s, i);
    run = i;
  }
  out.append(s.data() + run, s.size() - run);
  return out;
}

bool LooksBinary(std::string_view s) {
  if (s.size() >= 2 && ((static_cast<unsigned char>(s[0]) == 0xFF &&
                         static_cast<unsigned char>(s[1]) == 0xFE) ||
                        (static_cast<unsigned char>(s[0]) == 0xFE &&
                         static_cast<unsigned char>(s[1]) == 0xFF))) {
    return false;  // UTF-16 text with a BOM
  }
  std::string_view head = s.substr(0, 8192);
  if (std::memchr(head.data(), 0, head.size()) != nullptr) return true;
  // A branch-free count the compiler vectorises: in byte lanes, blocks of
  // at most 255 bytes (a wider count per byte was not vectorised).
  size_t controls = 0;
  for (size_t b = 0; b < head.size(); b += 255) {
    const size_t e = std::min(head.size(), b + 255);
    uint8_t block = 0;
    for (size_t i = b; i < e; ++i) {
      const unsigned char c = static_cast<unsigned char>(head[i]);
      block += static_cast<uint8_t>((c < 0x20) & (c != '\t') & (c != '\n') &
                                    (c != '\r') & (c != '\f')) |
               static_cast<uint8_t>(c == 0x7F);
    }
    controls += block;
  }
  // More than 10% control characters: not text.
  return !head.empty() && controls * 10 > head.size();
}

std::string NormalizeNfc(std::string_view in, OffsetMap* map) {
  const uint32_t size = static_cast<uint32_t>(in.size());
  bool ascii = true;
  for (size_t i = 0; i + 8 <= in.size() && ascii; i += 8) {
    ascii = AsciiBlock(in.data() + i);
  }
  for (size_t i = in.size() & ~size_t{7}; i < in.size() && ascii; ++i) {
    ascii = static_cast<unsigned char>(in[i]) < 0x80;
  }
  const icu::Normalizer2* nfc = Nfc();
  UErrorCode ec = U_ZERO_ERROR;
  icu::StringPiece sp(in.data(), static_cast<int32_t>(in.size()));
  if (ascii || nfc == nullptr || nfc->isNormalizedUTF8(sp, ec) ||
      U_FAILURE(ec)) {
    if (map != nullptr) *map = OffsetMap::Identity(size);
    return std::string(in);
  }
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized, in.size());
  icu::Edits edits;
  nfc->normalizeUTF8(0, sp, sink, &edits, ec);
  if (U_FAILURE(ec)) {
    if (map != nullptr) *map = OffsetMap::Identity(size);
    return std::string(in);
  }
  // Unchanged runs map linearly; each changed run maps to its source start.
  TextBuilder b(in);
  icu::Edits::Iterator it = edits.getCoarseIterator();
  while (it.next(ec)) {
    size_t src = static_cast<size_t>(it.sourceIndex());
    if (!it.hasChange()) {
      b.Copy(src, src + static_cast<size_t>(it.oldLength()));
    } else {
      b.Append(std::string_view(normalized)
                   .substr(static_cast<size_t>(it.destinationIndex()),
                           static_cast<size_t>(it.newLength())),
               src);
    }
  }
  OffsetMap m;
  std::string out = b.TakeText(&m);
  if (map != nullptr) *map = std::move(m);
  return out;
}

}  // namespace sitrep
