#include "crosscheck/text/unicode.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

namespace crosscheck::text {
namespace {

TEST(RepairUtf8, KeepsValidText) {
  Utf8Repair r = RepairUtf8("Zelenskyy’s “denial”");
  EXPECT_EQ(r.invalid_sequences, 0u);
  EXPECT_EQ(r.text, "Zelenskyy’s “denial”");
}

TEST(RepairUtf8, ReplacesEachInvalidSequence) {
  Utf8Repair r = RepairUtf8(std::string("caf\xE9 and \xFF\xFE end"));
  EXPECT_EQ(r.invalid_sequences, 3u);
  EXPECT_EQ(r.text, "caf\xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD end");
}

TEST(RepairUtf8, TruncatedSequenceAtEnd) {
  Utf8Repair r = RepairUtf8(std::string("ok \xE2\x80"));
  EXPECT_EQ(r.invalid_sequences, 1u);
}

TEST(ToNfc, ComposesDecomposedLetters) {
  EXPECT_EQ(ToNfc("Cafe\xCC\x81"), "Caf\xC3\xA9");
  EXPECT_EQ(ToNfc("already composed é"), "already composed é");
}

TEST(FoldForMatch, FoldsCaseQuotesDashesAndDiacritics) {
  EXPECT_EQ(FoldForMatch("Putin’s"), "putin's");
  EXPECT_EQ(FoldForMatch("28–29"), "28-29");
  EXPECT_EQ(FoldForMatch("Zaporizhzhia ZÜRICH"), "zaporizhzhia zurich");
  EXPECT_EQ(FoldForMatch("“Quoted”"), "\"quoted\"");
}

TEST(CodePoints, CountsCodePointsNotBytes) {
  EXPECT_EQ(CodePointCount("a’b"), 3u);
  size_t i = 1;
  EXPECT_EQ(NextCodePoint("a’b", i), U'\u2019');
  EXPECT_EQ(i, 4u);
}

}  // namespace
}  // namespace crosscheck::text

// The ASCII shortcuts answer as ICU's properties do.
TEST(Unicode, AsciiClassesAgreeWithIcu) {
  for (char32_t c = 0; c < 0x80; ++c) {
    const auto u = static_cast<UChar32>(c);
    EXPECT_EQ(crosscheck::text::IsAlpha(c), static_cast<bool>(u_isUAlphabetic(u))) << static_cast<int>(c);
    EXPECT_EQ(crosscheck::text::IsUpper(c), u_isupper(u) || u_istitle(u)) << static_cast<int>(c);
    EXPECT_EQ(crosscheck::text::IsDigit(c), static_cast<bool>(u_isdigit(u))) << static_cast<int>(c);
    EXPECT_EQ(crosscheck::text::IsSpace(c), static_cast<bool>(u_isUWhiteSpace(u))) << static_cast<int>(c);
  }
}
