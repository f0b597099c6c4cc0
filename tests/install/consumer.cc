// Cross-checks two short articles written here, through the installed headers.
#include <iostream>

#include "crosscheck/analysis/report.h"
#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/report/render.h"

int main() {
  auto a = crosscheck::ingest::ParseTextArticle(
      "a", "The lock at Varne reopened on Monday after repairs, the canal office said.\n");
  auto b = crosscheck::ingest::ParseTextArticle(
      "b", "The canal office said the Varne lock reopened on Monday once repairs ended.\n");
  if (!a.ok() || !b.ok()) return 1;
  auto r = crosscheck::analysis::BuildReport({*a, *b});
  if (!r.ok()) return 1;
  std::cout << r->facts.size() << " fact(s), " << r->sources.size() << " sources\n";
  return r->facts.empty() ? 1 : 0;
}
