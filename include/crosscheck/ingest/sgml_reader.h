// LDC/TREC newswire SGML (DUC, TDT, AQUAINT, Gigaword): one or more
// `<DOC>` elements per file, each with `DOCNO` (the id), `DATE_TIME` or
// `DATE` (else the date the DOCNO carries, "APW19990612.0141"), `HEADLINE`
// and `TEXT` with `<P>` paragraphs or blank-line blocks. Hard-wrapped lines
// of a paragraph are joined. The outlet is the DOCNO's source prefix
// ("APW", "NYT", "XIE"). Not an XML parser: the files are not well-formed
// XML (bare `&`, unclosed elements), so elements are found by their tags.
// Pure apart from file reads; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "crosscheck/article.h"
#include "crosscheck/ingest/jsonl_reader.h"
#include "crosscheck/status.h"

namespace crosscheck::ingest {

bool IsSgmlPath(std::string_view path);  // .sgml, .sgm
// Whether the first bytes of a file open an LDC document ("<DOC>" or
// "<DOC " after white space): newswire files often have no extension.
bool LooksLikeSgml(std::string_view head);

// Calls `article` per document and `error` per document that cannot be used
// (LineError::line is the document's number in the file, from 1). Fails when
// the file cannot be read or holds no `<DOC>`.
Status ReadSgml(const std::string& path, const std::function<void(Article&&)>& article,
                const std::function<void(const LineError&)>& error, const ReadOptions& options = {});

// The same over bytes already read; `path` names them in messages.
Status ParseSgml(std::string_view bytes, const std::string& path,
                 const std::function<void(Article&&)>& article,
                 const std::function<void(const LineError&)>& error, const ReadOptions& options = {});

}  // namespace crosscheck::ingest
