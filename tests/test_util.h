// Helpers shared by the tests: locating ../shared and building articles.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "crosscheck/ingest/text_reader.h"

namespace crosscheck::testing {

inline std::string SharedDir() { return CROSSCHECK_SHARED_DIR; }

// A database path in the temporary directory, with any earlier database
// there (and its WAL files) removed.
inline std::string TempDb(const char* name) {
  std::filesystem::path p = std::filesystem::temp_directory_path() / name;
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + ext);
  return p.string();
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// An article parsed from text written in the test; aborts the test on error.
inline Article Parse(const std::string& id, const std::string& text) {
  auto a = ingest::ParseTextArticle(id, text);
  if (!a.ok()) throw std::runtime_error(a.status().ToString());
  return std::move(*a);
}

}  // namespace crosscheck::testing
