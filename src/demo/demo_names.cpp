#include "demo/demo_names.hpp"

#include <array>

namespace kakari::demo {

namespace {
constexpr std::array<Reading, 40> kSurnames = {{
    {"佐藤", "サトウ"},         {"鈴木", "スズキ"},     {"高橋", "タカハシ"}, {"髙橋", "タカハシ"},
    {"田中", "タナカ"},         {"伊藤", "イトウ"},     {"渡辺", "ワタナベ"}, {"渡邉", "ワタナベ"},
    {"山本", "ヤマモト"},       {"中村", "ナカムラ"},   {"小林", "コバヤシ"}, {"加藤", "カトウ"},
    {"吉田", "ヨシダ"},         {"𠮷田", "ヨシダ"},     {"山田", "ヤマダ"},   {"佐々木", "ササキ"},
    {"山口", "ヤマグチ"},       {"松本", "マツモト"},   {"井上", "イノウエ"}, {"木村", "キムラ"},
    {"林", "ハヤシ"},           {"斎藤", "サイトウ"},   {"齋藤", "サイトウ"}, {"清水", "シミズ"},
    {"山崎", "ヤマザキ"},       {"山﨑", "ヤマザキ"},   {"森", "モリ"},       {"池田", "イケダ"},
    {"橋本", "ハシモト"},       {"阿部", "アベ"},       {"石川", "イシカワ"}, {"前田", "マエダ"},
    {"藤田", "フジタ"},         {"長谷川", "ハセガワ"}, {"宮﨑", "ミヤザキ"}, {"濵田", "ハマダ"},
    {"勅使河原", "テシガワラ"}, {"小鳥遊", "タカナシ"}, {"久保田", "クボタ"}, {"德永", "トクナガ"},
}};
constexpr std::array<Reading, 32> kGivenNames = {{
    {"太郎", "タロウ"},       {"健一", "ケンイチ"}, {"誠", "マコト"},         {"大輔", "ダイスケ"},
    {"直樹", "ナオキ"},       {"浩", "ヒロシ"},     {"翔太", "ショウタ"},     {"隆", "タカシ"},
    {"花子", "ハナコ"},       {"由美子", "ユミコ"}, {"恵子", "ケイコ"},       {"陽子", "ヨウコ"},
    {"美咲", "ミサキ"},       {"裕子", "ユウコ"},   {"真由美", "マユミ"},     {"智子", "トモコ"},
    {"一郎", "イチロウ"},     {"修", "オサム"},     {"剛", "ツヨシ"},         {"学", "マナブ"},
    {"彩", "アヤ"},           {"結衣", "ユイ"},     {"葵", "アオイ"},         {"蓮", "レン"},
    {"健太郎", "ケンタロウ"}, {"明日香", "アスカ"}, {"慎之介", "シンノスケ"}, {"千尋", "チヒロ"},
    {"寿々花", "スズカ"},     {"晃", "アキラ"},     {"聡", "サトシ"},         {"礼子", "レイコ"},
}};
constexpr std::array<Reading, 24> kPlaces = {{
    {"中央", "チュウオウ"}, {"北", "キタ"},         {"南", "ミナミ"},     {"東", "ヒガシ"},
    {"西", "ニシ"},         {"青葉", "アオバ"},     {"若葉", "ワカバ"},   {"緑", "ミドリ"},
    {"港", "ミナト"},       {"桜台", "サクラダイ"}, {"大川", "オオカワ"}, {"松原", "マツバラ"},
    {"高田", "タカダ"},     {"本町", "ホンマチ"},   {"川口", "カワグチ"}, {"新田", "ニッタ"},
    {"山手", "ヤマテ"},     {"浜", "ハマ"},         {"朝日", "アサヒ"},   {"白石", "シロイシ"},
    {"平野", "ヒラノ"},     {"清水", "シミズ"},     {"富士見", "フジミ"}, {"栄", "サカエ"},
}};
constexpr std::array<std::string_view, 16> kLectureTitles = {{
    "日医e-ラーニング 地域包括ケアの基本",
    "日医e-ラーニング 高齢者の多疾患併存",
    "生涯教育講座 在宅医療と多職種連携",
    "生涯教育講座 認知症の早期診断と支援",
    "生涯教育講座 フレイル予防の実際",
    "生涯教育講座 小児の予防接種update",
    "学術講演会 糖尿病診療の最新知見",
    "学術講演会 高血圧治療ガイドライン",
    "学術講演会 慢性腎臓病の地域連携",
    "学術講演会 がん緩和ケアの基礎",
    "研修会 ACP（人生会議）の進め方",
    "研修会 感染症対策と地域医療",
    "研修会 ポリファーマシー対策",
    "研修会 救急初期対応の要点",
    "研修会 こころの健康とかかりつけ医",
    "研修会 医療安全と医療倫理",
}};
// Codes of the seeded catalogue (activity_categories), so that every screen
// names them; ten draws as before (other_community twice), so that the rest
// of the demo stays the same.
constexpr std::array<std::string_view, 10> kActivityCategories = {{
    "school_doctor",
    "vaccination",
    "home_care",
    "holiday_night_clinic",
    "care_certification_board",
    "health_checkup",
    "industrial_doctor",
    "other_community",
    "simulation_training",
    "other_community",
}};
}  // namespace

std::span<const Reading> Surnames() { return kSurnames; }
std::span<const Reading> GivenNames() { return kGivenNames; }
std::span<const Reading> Places() { return kPlaces; }
std::span<const std::string_view> LectureTitles() { return kLectureTitles; }
std::span<const std::string_view> ActivityCategories() { return kActivityCategories; }

}  // namespace kakari::demo
