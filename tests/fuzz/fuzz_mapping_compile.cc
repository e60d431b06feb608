// libFuzzer target: the mapping compiler on arbitrary mapping text (the JSON parser, key
// checks, paths, transforms and their arguments, regexes, date formats). A text that
// compiles is run once on a small payload of its format, so that odd but valid plans run too.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_plans.h"

namespace {

constexpr std::string_view kJsonPayload =
    R"({"data":{"gdbh":"YC1","sqnr":" x ","status":"20","flows":[{"seq":"1","unit":"a、b"}]},)"
    R"("refs":[{"system":"yucheng-12345","number":"YC1"}],"channel":"phone","content":"c",)"
    R"("status":"assigned","assignments":[{"seq":1,"co_units":[{"name":"u"}]}]})";
constexpr std::string_view kXmlPayload =
    R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:d="urn:d">)"
    R"(<s:Body><d:Ticket seq="1"><d:No>1</d:No><d:C><![CDATA[x]]></d:C></d:Ticket></s:Body>)"
    R"(</s:Envelope>)";
constexpr std::string_view kCsvPayload = "a,b,3\n\"1|2\",\"x, y\",\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  hotline::Result<std::shared_ptr<const hotline::mapping::Plan>> plan =
      hotline::mapping::compileText(text, "fuzz.json", hotline::fuzz::codeTables());
  if (!plan) {
    if (plan.status().message().empty()) {
      hotline::fuzz::die("a mapping refused without a reason");
    }
    return 0;
  }
  const hotline::mapping::Plan& compiled = **plan;
  const bool reads_json = compiled.direction() == hotline::mapping::Direction::Outbound ||
                          compiled.peerFormat() == "json";
  const std::string_view payload = reads_json                       ? kJsonPayload
                                   : compiled.peerFormat() == "xml" ? kXmlPayload
                                                                    : kCsvPayload;
  hotline::fuzz::runChecked(compiled, payload, true);
  return 0;
}
