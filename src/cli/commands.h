// The vnland sub-commands. Each lives in its own cmd_*.cpp file and returns
// the process exit code (0 ok, 1 findings/partial, 2 bad input or failure).
#pragma once

#include <string>
#include <vector>

namespace vnland::cli {

using Argv = std::vector<std::string>;

struct Command {
    const char *name;
    const char *summary;
    int (*run)(const Argv &args);
};

/// All commands, in the order `vnland --help` lists them.
const std::vector<Command> &commands();

int cmdCreate(const Argv &args);
int cmdImport(const Argv &args);
int cmdExport(const Argv &args);
int cmdInfo(const Argv &args);
int cmdPlugins(const Argv &args);
int cmdGeoref(const Argv &args);
int cmdReport(const Argv &args);
int cmdImportSurvey(const Argv &args);
int cmdCogo(const Argv &args);
int cmdSynth(const Argv &args);
int cmdCrs(const Argv &args);
int cmdSheet(const Argv &args);
int cmdParcelCode(const Argv &args);
int cmdValidate(const Argv &args);
int cmdFix(const Argv &args);
int cmdPublish(const Argv &args);
int cmdCheckout(const Argv &args);
int cmdCheckin(const Argv &args);
int cmdValidateServer(const Argv &args);
int cmdVectorize(const Argv &args);

} // namespace vnland::cli
