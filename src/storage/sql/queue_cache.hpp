// Queue pages shared by every connection of a store, valid while the review
// generation they were read at is current. Generations are counters per
// prefecture (and one national) that the schema's triggers bump on any
// change to review items, doctors' names or associations (schema 6), in the
// changing transaction, so every process sharing the file sees them: a page
// is served from memory only when nothing it shows can have changed. Reviewers reload the same
// queue page all day; this spares the keys query (~0.6 ms) on each reload.
// Thread-safe: one cache per store, shared by its connections' threads under a mutex.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/domain/workflow.hpp"

namespace kakari::storage::sql {

class QueueCache {
 public:
  std::optional<core::QueuePage> Find(const std::string& key, int64_t generation) {
    std::lock_guard lock(mu_);
    auto it = pages_.find(key);
    if (it == pages_.end() || it->second.generation != generation) return std::nullopt;
    return it->second.page;
  }
  void Put(const std::string& key, int64_t generation, const core::QueuePage& page) {
    std::lock_guard lock(mu_);
    if (pages_.size() >= kMaxPages) pages_.clear();  // bounded; refilled on demand
    pages_[key] = Entry{generation, page};
  }

 private:
  static constexpr size_t kMaxPages = 1024;
  struct Entry {
    int64_t generation;
    core::QueuePage page;
  };
  std::mutex mu_;
  std::unordered_map<std::string, Entry> pages_;
};

}  // namespace kakari::storage::sql
