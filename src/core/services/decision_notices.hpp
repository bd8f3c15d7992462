// The notices a review decision and a certificate cause, in words a doctor
// recognises: which item (its category and organisation, not a number) and
// which association decided. Written into the deciding unit of work.
// Thread-safe: stateless; the unit of work belongs to the calling thread.
#pragma once

#include <string>

#include "core/services/notice_service.hpp"

namespace kakari::core {

// The name of the caller's association ("港区医師会"; 日本医師会 for the
// JMA and the operator).
[[nodiscard]] Result<std::string> CallerAssociationName(UnitOfWork& uow, const Caller& caller);

// "実地研修：予防接種（練馬区）", "講義の単位の申告：…", "修了の申請".
[[nodiscard]] Result<std::string> DescribeItem(UnitOfWork& uow, ReviewKind kind, Id id);

// Tells the item's doctor that `action` (approve, return, reject) was taken
// by the caller's association, with the reason word for word.
[[nodiscard]] Status QueueDecisionNotice(UnitOfWork& uow, const Deps& deps, const Caller& caller,
                                         const ReviewItem& item, ReviewAction action,
                                         std::string_view reason);

// Tells a doctor their certificate `number` was issued, or mailed.
[[nodiscard]] Status QueueCertificateNotice(UnitOfWork& uow, const Deps& deps, Id doctor_id,
                                            NoticeKind kind, std::string_view number);

}  // namespace kakari::core
