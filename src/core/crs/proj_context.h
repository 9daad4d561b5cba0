// Thread-local PROJ context and RAII handles for PJ objects.
#pragma once

#include <proj.h>

#include <memory>
#include <string>

namespace vnland::crs {

/// The PROJ context of the calling thread, created on first use.
PJ_CONTEXT *ctx();

struct PjDeleter {
    void operator()(PJ *p) const noexcept;
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

/// Message of the last PROJ error on this thread's context.
std::string lastError();

} // namespace vnland::crs
