// Pools of plausible Japanese names and places for the demo generator,
// including variant kanji (髙, 﨑, 𠮷, 邉, 齋) that real rosters carry.
// Thread-safe: constant tables.
#pragma once

#include <span>
#include <string_view>

namespace kakari::demo {

struct Reading {
  std::string_view kanji;
  std::string_view kana;
};

std::span<const Reading> Surnames();
std::span<const Reading> GivenNames();
std::span<const Reading> Places();  // city/ward stems for associations
std::span<const std::string_view> LectureTitles();
std::span<const std::string_view> ActivityCategories();

}  // namespace kakari::demo
