// sitrep: turns news reports into a record of conflict events. See README.md.
#include "sitrep/cli.h"

int main(int argc, char** argv) { return sitrep::RunCli(argc, argv); }
