#include "context.h"
namespace crosscheck::analysis::internal {
void BuildConflicts(Context& c, Report& r) {}
void BuildTimeline(Context& c, Report& r) {}
}
