#include <gtest/gtest.h>

#include <string>

#include "export/sample_events.h"
#include "sitrep/export.h"

namespace sitrep {
namespace {

// AppendEventJsonLine appends exactly EventToJsonLine's line, whatever the
// buffer already holds (the extract command reuses one buffer).
TEST(AppendEventJsonLine, AppendsTheLine) {
  std::string buffer = "{\"earlier\":1}\n";
  std::string want = buffer;
  for (const Event& e : sample::Events()) {
    std::string line = EventToJsonLine(e);
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.find('\n'), std::string::npos);
    AppendEventJsonLine(e, &buffer);
    buffer.push_back('\n');
    want += line + "\n";
  }
  EXPECT_EQ(buffer, want);
  Event empty;
  std::string fresh;
  AppendEventJsonLine(empty, &fresh);
  EXPECT_EQ(fresh, EventToJsonLine(empty));
}

}  // namespace
}  // namespace sitrep
