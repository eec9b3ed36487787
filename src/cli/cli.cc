#include "sitrep/cli.h"

#include <cstdio>

namespace sitrep {

int RunCli(int argc, char** argv) {
  std::fprintf(stderr, "sitrep: no commands yet\n");
  return 1;
}

}  // namespace sitrep
