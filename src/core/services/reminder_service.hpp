// Reminders and digests, given by the server's own schedule or by `kakari
// remind` from a system timer: doctors close to completion who have not
// applied (November and December), returned items left 14 days, a weekly
// digest of waiting items for each association's reviewers, and
// institutions whose G-MIS answer would be 無し (December). Each is given
// once per period whoever runs it and however often; people who turned
// reminders off are skipped. No I/O of its own.
// Thread-safe: every call opens its own units of work.
#pragma once

#include <stop_token>

#include "core/domain/date.hpp"
#include "core/services/notice_service.hpp"

namespace kakari::core {

struct ReminderRun {
  int near_completion = 0;  // notices newly queued, by kind
  int returned_unanswered = 0;
  int digests = 0;
  int gmis_no = 0;
  bool interrupted = false;  // stopped before the end; the next run gives the rest
};

// Everything due on `day` (a day in Japan). JMA administrators and the
// operator only (it reads the whole registry). Stops between batches once
// `stop` is requested.
[[nodiscard]] Result<ReminderRun> RunReminders(const Deps& deps, const Caller& caller,
                                               const Date& day, std::stop_token stop = {});

}  // namespace kakari::core
