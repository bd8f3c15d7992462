// Queue pages shared by every connection of a store, valid while the review
// generation they were read at is current. Generations are counters per
// prefecture (and one national) that the schema's triggers bump on any
// change to review items, doctors' names or associations (schema 6), in the
// changing transaction, so every process sharing the database sees them: a
// page is served from memory only when nothing it shows can have changed.
// Reviewers reload the same queue page all day; this spares the keys query
// (~0.6 ms on SQLite, ~150 ms for a national prefecture on PostgreSQL).
// A page is made once per generation: callers that miss it while another
// caller is making it wait for that result instead of each running the
// queries (after every decision all of a prefecture's reviewers miss at once).
// Thread-safe: one cache per store, shared by its connections' threads under a mutex.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/domain/result.hpp"
#include "core/domain/workflow.hpp"

namespace kakari::storage::sql {

class QueueCache {
 public:
  using Make = std::function<core::Result<core::QueuePage>()>;

  // The page `key` at `generation`: from memory, from a caller making it
  // now, or made here by `make` (and kept when it succeeds). A negative
  // generation (none stored) is never cached.
  core::Result<core::QueuePage> FindOrMake(const std::string& key, int64_t generation,
                                           const Make& make) {
    if (generation < 0) return make();
    std::unique_lock lock(mu_);
    for (;;) {
      if (auto it = pages_.find(key); it != pages_.end() && it->second.generation == generation) {
        return it->second.page;
      }
      auto making = making_.find(key);
      if (making == making_.end() || making->second != generation) break;
      made_.wait(lock);  // a failed attempt leaves no page: the next waiter makes it
    }
    making_[key] = generation;
    lock.unlock();
    auto page = make();
    lock.lock();
    if (auto it = making_.find(key); it != making_.end() && it->second == generation) {
      making_.erase(it);
    }
    if (page) Put(key, generation, *page);
    made_.notify_all();
    return page;
  }

 private:
  static constexpr size_t kMaxPages = 1024;
  struct Entry {
    int64_t generation;
    core::QueuePage page;
  };
  void Put(const std::string& key, int64_t generation, const core::QueuePage& page) {
    if (pages_.size() >= kMaxPages) pages_.clear();  // bounded; refilled on demand
    pages_[key] = Entry{generation, page};
  }

  std::mutex mu_;
  std::condition_variable made_;
  std::unordered_map<std::string, Entry> pages_;
  std::map<std::string, int64_t> making_;  // key -> generation being made
};

}  // namespace kakari::storage::sql
