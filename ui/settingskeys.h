#pragma once

#include <QLatin1StringView>

// Every QSettings key the window uses, in one place (a typo is then a compile error, not a lost setting).
namespace vmatlas::ui::SettingsKey {

inline constexpr QLatin1StringView Language("language"); // "", "en" or "zh_CN"
inline constexpr QLatin1StringView Geometry("geometry");
inline constexpr QLatin1StringView WindowState("windowState");
inline constexpr QLatin1StringView RegionColumns("regionColumns"); // the table header's state
inline constexpr QLatin1StringView Interval("interval"); // ms between snapshots; 0: paused
inline constexpr QLatin1StringView CustomInterval("customInterval");
inline constexpr QLatin1StringView LastPid("lastPid");
inline constexpr QLatin1StringView LastDir("lastDir"); // the folder of the last file opened or saved
inline constexpr QLatin1StringView RecentFiles("recentFiles");
inline constexpr QLatin1StringView PngWidth("pngWidth");
inline constexpr QLatin1StringView PngHeight("pngHeight");
inline constexpr QLatin1StringView ShrinkGaps("shrinkGaps"); // large free gaps drawn as narrow marks

} // namespace vmatlas::ui::SettingsKey
