#include "util/text_table.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace kakari::util {

namespace {

constexpr size_t kChunkBytes = 1 << 20;
constexpr size_t kFirstSlots = 1024;

uint64_t HashOf(std::string_view key) { return std::hash<std::string_view>{}(key); }

}  // namespace

TextTable::TextTable() : slots_(kFirstSlots) {}

size_t TextTable::SlotOf(std::string_view key, uint64_t hash) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.text == nullptr) return i;
    if (s.hash == hash && s.length == key.size() &&
        std::memcmp(s.text, key.data(), key.size()) == 0)
      return i;
  }
}

const int64_t* TextTable::Find(std::string_view key) const {
  const Slot& s = slots_[SlotOf(key, HashOf(key))];
  return s.text == nullptr ? nullptr : &s.value;
}

TextTable::Added TextTable::Insert(std::string_view key, int64_t value) {
  if (key.size() > UINT32_MAX) throw std::length_error("TextTable key longer than 4 GiB");
  uint64_t hash = HashOf(key);
  Slot* s = &slots_[SlotOf(key, hash)];
  if (s->text != nullptr) return {s->value, false, {s->text, s->length}};
  if ((size_ + 1) * 2 > slots_.size()) {
    Grow();
    s = &slots_[SlotOf(key, hash)];
  }
  *s = {Copy(key), static_cast<uint32_t>(key.size()), hash, value};
  ++size_;
  return {value, true, {s->text, s->length}};
}

// Keys are packed into 1 MiB chunks; a longer key gets a chunk of its own.
const char* TextTable::Copy(std::string_view key) {
  if (chunk_next_ == nullptr || key.size() > chunk_left_) {
    size_t bytes = std::max(kChunkBytes, key.size());
    chunks_.push_back(std::make_unique<char[]>(bytes));
    chunk_next_ = chunks_.back().get();
    chunk_left_ = bytes;
  }
  char* at = chunk_next_;
  if (!key.empty()) std::memcpy(at, key.data(), key.size());
  chunk_next_ += key.size();
  chunk_left_ -= key.size();
  return at;
}

void TextTable::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.text == nullptr) continue;
    size_t i = s.hash & mask;
    while (slots_[i].text != nullptr) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace kakari::util
