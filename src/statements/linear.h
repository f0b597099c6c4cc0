// What the two linear models share: standardised features and the model
// compiled into the library.
#pragma once

#include <array>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace crosscheck::statements::internal {

// Sets mean and scale (the standard deviation, 1 for a constant feature) of
// each feature over x and returns x standardised by them.
template <size_t N>
std::vector<std::array<double, N>> Standardise(const std::vector<std::array<double, N>>& x,
                                               std::array<double, N>& mean, std::array<double, N>& scale) {
  const size_t n = x.size();
  for (size_t k = 0; k < N; ++k) {
    double m = 0, var = 0;
    for (const auto& f : x) m += f[k];
    m = n ? m / static_cast<double>(n) : 0;
    for (const auto& f : x) var += (f[k] - m) * (f[k] - m);
    double sd = n ? std::sqrt(var / static_cast<double>(n)) : 0;
    mean[k] = m;
    scale[k] = sd > 1e-9 ? sd : 1;
  }
  std::vector<std::array<double, N>> z(x);
  for (auto& f : z)
    for (size_t k = 0; k < N; ++k) f[k] = (f[k] - mean[k]) / scale[k];
  return z;
}

// The model read from its text compiled into the library, once; a text
// that does not parse is a broken build.
template <class Model>
const Model& Embedded(std::string_view text) {
  static const Model* m = [text] {
    auto loaded = Model::FromText(text);
    if (!loaded.ok()) std::abort();
    return new Model(std::move(loaded).value());
  }();
  return *m;
}

}  // namespace crosscheck::statements::internal
