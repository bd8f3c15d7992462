#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace kakari::util {

// A map from text to a number, built for millions of short keys (an import
// whose rows each name a new lecture): keys are copied once into chunks that
// never move, slots live in one open-addressed array, so adding a key costs
// no allocation of its own and a key's view stays valid while the table lives.
// Not thread-safe: one import's table, used by one thread.
class TextTable {
 public:
  TextTable();

  // The number stored for `key`, or nullptr.
  [[nodiscard]] const int64_t* Find(std::string_view key) const;

  struct Added {
    int64_t value;         // the number now stored for the key
    bool added;            // false: the key was there already, with `value`
    std::string_view key;  // the stored copy of the key
  };
  // Stores `key` -> `value` unless the key is there already.
  Added Insert(std::string_view key, int64_t value);

  [[nodiscard]] size_t size() const { return size_; }

 private:
  struct Slot {
    const char* text = nullptr;  // nullptr: empty slot
    uint32_t length = 0;
    uint64_t hash = 0;
    int64_t value = 0;
  };
  [[nodiscard]] size_t SlotOf(std::string_view key, uint64_t hash) const;
  const char* Copy(std::string_view key);
  void Grow();

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  size_t size_ = 0;
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t chunk_left_ = 0;
  char* chunk_next_ = nullptr;
};

}  // namespace kakari::util
