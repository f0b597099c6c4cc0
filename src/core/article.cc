#include "crosscheck/article.h"

#include <array>
#include <utility>

namespace crosscheck {
namespace {
constexpr std::array<std::pair<Removal, const char*>, 11> kRemovalNames{{
    {Removal::kSourceUrl, "source URL"},
    {Removal::kDateline, "dateline"},
    {Removal::kPhotoCredit, "photo credit"},
    {Removal::kPhotoCaption, "photo caption"},
    {Removal::kAgencySignOff, "agency sign-off"},
    {Removal::kAgencyCredit, "agency credit"},
    {Removal::kByline, "byline"},
    {Removal::kPageFurniture, "page furniture"},
    {Removal::kOutletSignOff, "outlet sign-off"},
    {Removal::kHeadlineAfterBody, "headline after the body"},
    {Removal::kSectionHeading, "section heading"},
}};
}  // namespace

const char* ToString(Removal r) {
  for (const auto& [value, name] : kRemovalNames)
    if (value == r) return name;
  return "removed";
}

std::optional<Removal> RemovalFromString(std::string_view name) {
  for (const auto& [value, name_of] : kRemovalNames)
    if (name == name_of) return value;
  return std::nullopt;
}

}  // namespace crosscheck
