// Test driver for tests/report_browser_test.sh: writes the report of the
// invented sample events (src/export/sample_events.h) to argv[1].
#include <cstdio>
#include <fstream>
#include <iostream>

#include "export/sample_events.h"
#include "sitrep/export.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: report_fixture OUT.html\n";
    return 2;
  }
  sitrep::ReportOptions options;
  options.title = "Sample situation report";
  options.subtitle = "invented test events";
  options.generated = "2019-12-15";
  options.country_name = [](std::string_view cc) -> std::string {
    if (cc == "IQ") return "Iraq";
    if (cc == "LB") return "Lebanon";
    if (cc == "CL") return "Chile";
    return "";
  };
  std::string html;
  sitrep::Status st =
      sitrep::WriteReport(sitrep::sample::Events(), options, &html);
  if (!st.ok()) {
    std::cerr << "report_fixture: " << st.ToString() << "\n";
    return 1;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << html;
  return out.good() ? 0 : 1;
}
