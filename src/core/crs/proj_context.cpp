// Thread-local PROJ context.
#include "crs/proj_context.h"

namespace vnland::crs {
namespace {
struct ThreadContext {
    PJ_CONTEXT *handle = proj_context_create();
    ThreadContext() { proj_log_level(handle, PJ_LOG_NONE); }
    ~ThreadContext() { proj_context_destroy(handle); }
    ThreadContext(const ThreadContext &) = delete;
    ThreadContext &operator=(const ThreadContext &) = delete;
};
} // namespace

PJ_CONTEXT *ctx()
{
    thread_local ThreadContext c;
    return c.handle;
}

void PjDeleter::operator()(PJ *p) const noexcept { proj_destroy(p); }

std::string lastError()
{
    const int e = proj_context_errno(ctx());
    return e ? proj_context_errno_string(ctx(), e) : std::string();
}

} // namespace vnland::crs
