// The SOAP reply both connectors read (hotline/support/soap_reply.h).

#include "hotline/support/soap_reply.h"

#include <gtest/gtest.h>

namespace hotline::support {
namespace {

constexpr const char* kAccepted =
    R"(<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">)"
    R"(<s:Body><d:PushTaskResponse xmlns:d="urn:dept"><d:Code> 0 </d:Code>)"
    R"(<d:Message>ok</d:Message><d:DeptNo>CGJ-7</d:DeptNo><d:Number>SQ-7</d:Number>)"
    R"(</d:PushTaskResponse></s:Body></s:Envelope>)";

TEST(SoapReply, ReadsCodeMessageAndTheNamedNumberWhateverThePrefixes) {
  Result<PeerReply> reply = readSoapReply(kAccepted, "DeptNo");
  ASSERT_TRUE(reply.isOk()) << reply.status().toString();
  EXPECT_TRUE(reply->accepted()); // " 0 " trimmed
  EXPECT_EQ(reply->message, "ok");
  EXPECT_EQ(reply->number, "CGJ-7");
  EXPECT_EQ(readSoapReply(kAccepted, "Number")->number, "SQ-7");
  EXPECT_EQ(readSoapReply(kAccepted, "CaseNo")->number, "");
}

TEST(SoapReply, AFaultIsARefusalWithItsFaultstring) {
  Result<PeerReply> reply = readSoapReply(
      "<Envelope><Body><Fault><faultcode>Server</faultcode><faultstring> busy </faultstring>"
      "</Fault></Body></Envelope>",
      "Number");
  ASSERT_TRUE(reply.isOk());
  EXPECT_EQ(reply->code, "fault");
  EXPECT_EQ(reply->message, "busy");
  EXPECT_FALSE(reply->accepted());
}

TEST(SoapReply, RefusesWhatIsNotASoapResponse) {
  EXPECT_NE(readSoapReply("<a>", "Number").status().message().find("not well-formed XML"),
            std::string::npos);
  EXPECT_EQ(readSoapReply("<Reply><Code>0</Code></Reply>", "Number").status().message(),
            "reply is not a SOAP Envelope with a response element in its Body");
  EXPECT_EQ(readSoapReply("<Envelope><Body/></Envelope>", "Number").status().code(),
            StatusCode::InvalidArgument);
  EXPECT_EQ(readSoapReply("<Envelope><Body><R><Code> </Code></R></Body></Envelope>", "Number")
                .status()
                .message(),
            "reply R has no Code element");
}

} // namespace
} // namespace hotline::support
