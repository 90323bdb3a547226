#pragma once

#include "model.h"
#include "result.h"

#include <string>
#include <string_view>

namespace vmatlas {

// The JSON snapshot format (schema in the README). Version 1 is the one written.
constexpr int kSnapshotJsonVersion = 1;

std::string snapshotToJson(const Snapshot &snapshot);
// source names the file in error messages.
Result<Snapshot> snapshotFromJson(std::string_view text, const std::string &source = "the snapshot");

Status saveSnapshotJson(const Snapshot &snapshot, const std::string &path);
Result<Snapshot> loadSnapshotJson(const std::string &path);

} // namespace vmatlas
