// The sitrep command line: each subcommand is a function over the library.
// The binary's main() only forwards argv here (tools/sitrep_main.cc).
//
// Exit codes: 0 ok, 1 usage error, 2 some inputs failed, 3 internal/store
// error.
//
// Thread safety: call from one thread.
#ifndef SITREP_CLI_H_
#define SITREP_CLI_H_

namespace sitrep {

int RunCli(int argc, char** argv);

}  // namespace sitrep

#endif  // SITREP_CLI_H_
