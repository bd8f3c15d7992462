#include "core/services/registry_setup.hpp"

#include "core/domain/prefectures.hpp"

namespace kakari::core {

Status SeedRegistry(Store& store) {
  auto uow = store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto& orgs = (*uow)->Organisations();
  auto jma = orgs.FindByCode("00");
  KAKARI_RETURN_IF_ERROR(jma);
  if (*jma) return {};  // already seeded
  auto jma_id = orgs.Insert(
      {0, std::nullopt, OrgLevel::kNational, "00", "日本医師会", "Japan Medical Association"});
  KAKARI_RETURN_IF_ERROR(jma_id);
  for (const auto& p : Prefectures()) {
    auto id = orgs.Insert({0, *jma_id, OrgLevel::kPrefecture, std::string(p.code),
                           AssociationNameJa(p), std::string(p.name_en) + " Medical Association"});
    KAKARI_RETURN_IF_ERROR(id);
  }
  KAKARI_RETURN_IF_ERROR((*uow)->Programmes().Upsert(DefaultProgramme()));
  return (*uow)->Commit();
}

}  // namespace kakari::core
