#include "core/services/registry_setup.hpp"

#include "core/domain/prefectures.hpp"

namespace kakari::core {

Status SeedRegistry(Store& store) {
  auto uow = store.Begin(true);
  if (!uow) return tl::unexpected(uow.error());
  auto& orgs = (*uow)->Organisations();
  auto jma = orgs.FindByCode("00");
  if (!jma) return tl::unexpected(jma.error());
  if (*jma) return {};  // already seeded
  auto jma_id = orgs.Insert(
      {0, std::nullopt, OrgLevel::kNational, "00", "日本医師会", "Japan Medical Association"});
  if (!jma_id) return tl::unexpected(jma_id.error());
  for (const auto& p : Prefectures()) {
    auto id = orgs.Insert({0, *jma_id, OrgLevel::kPrefecture, std::string(p.code),
                           AssociationNameJa(p), std::string(p.name_en) + " Medical Association"});
    if (!id) return tl::unexpected(id.error());
  }
  if (auto s = (*uow)->Programmes().Upsert(DefaultProgramme()); !s) return s;
  return (*uow)->Commit();
}

}  // namespace kakari::core
