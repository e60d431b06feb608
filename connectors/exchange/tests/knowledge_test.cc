// Knowledge sharing 知识库 on the exchange link: the peer's signed POST /exchange/v1/knowledge
// submitted as kind "knowledge" (fake host), our articles pushed to the peer's endpoint
// (loopback peer), published on our feed and pulled from the peer's.

#include "connector_fixture.h"
#include "loopback_server.h"

#include "hotline/support/request_signing_verifier.h"

namespace hotline::connectors::exchange {
namespace {

using testing::LoopbackServer;

constexpr const char* kKnowledge = "/connectors/county-yucheng/exchange/v1/knowledge";
// As the peer sends it: canonical, spaced as the peer likes (passed on as received).
constexpr const char* kArticle =
    R"({"id":"KB-0042", "title":"路灯报修","content":"路灯不亮请拨打12345。",)"
    R"("tags":["路灯"],"region_code":"411425","source":"yucheng-12345"})";

class KnowledgeInTest : public testing::ConnectorFixture {
protected:
  void SetUp() override {
    ASSERT_TRUE(configure().isOk());
    ASSERT_TRUE(connector.start().isOk());
  }
  testing::Call share(const std::string& body,
                      std::vector<std::pair<std::string, std::string>> headers = {
                          {"Content-Type", "application/json"}}) {
    return fake.call("POST", "/exchange/v1/knowledge", kKnowledge, body, key, true,
                     std::move(headers));
  }
};

TEST_F(KnowledgeInTest, ASignedArticleIsSubmittedAsReceivedUnderItsKey) {
  fake.submit_ticket = "kb:KB-0042";
  testing::Call call = share(kArticle, {{"Content-Type", "application/json; charset=utf-8"},
                                        {"Idempotency-Key", "KB-0042-rev3"}});
  EXPECT_EQ(call.response.status, 201) << call.response.body;
  EXPECT_EQ(call.response.body,
            R"({"code":0,"message":"ok","data":{"article_id":"KB-0042","duplicate":false}})");
  expectSignedReply(call, kKnowledge);
  ASSERT_EQ(fake.submitted.size(), 1u);
  EXPECT_EQ(fake.submitted[0].kind, "knowledge");
  EXPECT_EQ(fake.submitted[0].content_type, "application/json");
  EXPECT_EQ(fake.submitted[0].body, kArticle);
  EXPECT_EQ(fake.submitted[0].idempotency_key, "KB-0042-rev3");
  EXPECT_EQ(fake.submitted[0].attrs,
            (std::vector<std::pair<std::string, std::string>>{{"app_key", "yucheng-county"},
                                                              {"peer_system", "yucheng-12345"}}));
}

TEST_F(KnowledgeInTest, WithoutAKeyTheArticlesIdIsTheKeyAndADuplicateSaysSo) {
  fake.on_submit = [](const plugin::Inbound&) {
    plugin::testing::SubmitAnswer answer;
    answer.http_status = 200;
    answer.duplicate = true;
    answer.ticket_id = "kb:KB-0042";
    return answer;
  };
  testing::Call call = share(kArticle);
  EXPECT_EQ(call.response.status, 200) << call.response.body;
  EXPECT_EQ(call.response.body,
            R"({"code":0,"message":"ok","data":{"article_id":"KB-0042","duplicate":true}})");
  ASSERT_EQ(fake.submitted.size(), 1u);
  // No Idempotency-Key: the host keys it by the body's digest, so a revision is a new message.
  EXPECT_EQ(fake.submitted[0].idempotency_key, "");
}

TEST_F(KnowledgeInTest, AForgedCallIs401AndSubmitsNothing) {
  key.secret = "not-the-link-secret";
  testing::Call call = share(kArticle);
  EXPECT_EQ(call.response.status, 401);
  EXPECT_TRUE(fake.submitted.empty());
  ASSERT_EQ(fake.audits.size(), 1u);
  EXPECT_EQ(fake.audits[0].rfind("refused_signature||", 0), 0u) << fake.audits[0];
}

TEST_F(KnowledgeInTest, ABodyThatIsNoArticleIs400Signed) {
  testing::Call no_id = share(R"({"title":"t","content":"c"})");
  EXPECT_EQ(no_id.response.status, 400);
  EXPECT_EQ(no_id.response.body, R"x({"code":400,"message":"id: the article has no id (a )x"
                                 R"x(non-empty string is required)","data":null})x");
  expectSignedReply(no_id, kKnowledge);
  testing::Call not_json = share("[1]");
  EXPECT_EQ(not_json.response.status, 400);
  EXPECT_NE(not_json.response.body.find("body: not a JSON object (a canonical knowledge article)"),
            std::string::npos)
      << not_json.response.body;
  EXPECT_TRUE(fake.submitted.empty());
}

TEST_F(KnowledgeInTest, TheHostsRefusalIsAnsweredInTheEnvelope) {
  fake.submit_code = HL_INVALID_ARGUMENT;
  fake.submit_error = "invalid knowledge article (1 problem): /title: required";
  testing::Call call = share(R"({"id":"KB-1","content":"c"})");
  EXPECT_EQ(call.response.status, 400);
  EXPECT_EQ(call.response.body, R"({"code":400,"message":"invalid knowledge article (1 problem): )"
                                R"(/title: required","data":null})");
  expectSignedReply(call, kKnowledge);
}

TEST_F(KnowledgeInTest, NotRunningIs503) {
  connector.stop();
  EXPECT_EQ(share(kArticle).response.status, 503);
  EXPECT_TRUE(fake.submitted.empty());
}

class KnowledgePullTest : public testing::ConnectorFixture {};

TEST_F(KnowledgePullTest, OurArticleIsPublishedOnTheFeed) {
  ASSERT_TRUE(configure({{"mode", "pull"}}).isOk()); // not started: no poller thread
  plugin::Outbound article{"kb:KB-7",
                           "knowledge",
                           "application/json",
                           R"({"id":"KB-7","title":"t","content":"c"})",
                           {},
                           "kb-out-7",
                           1};
  EXPECT_EQ(connector.deliver(article).kind, plugin::Delivery::Kind::Ok);
  testing::Call feed = fake.call("GET", "/exchange/v1/actions",
                                 "/connectors/county-yucheng/exchange/v1/actions?since=", "", key);
  EXPECT_EQ(feed.response.body,
            R"({"code":0,"message":"ok","data":{"items":[{"seq":1,"kind":"knowledge","body":)"
            R"({"id":"KB-7","title":"t","content":"c"}}],"next":"1"}})");
}

class KnowledgeOutTest : public testing::ConnectorFixture {
protected:
  LoopbackServer peer{[this](const LoopbackServer::Request& request) {
    LoopbackServer::Reply out{status, {{"Content-Type", "application/json"}}, reply};
    auto caller = verifier.verify(request.method, request.target, request.headers, request.body);
    if (!caller) {
      return LoopbackServer::Reply{401, {}, caller.status().message()};
    }
    for (auto& header : verifier.signReply(*caller, request.target, out.body)->toHeaderList()) {
      out.headers.push_back(std::move(header));
    }
    return out;
  }};
  support::RequestVerifier verifier{
      support::fixedKeys({{key.app_key, {key.secret, {key.algorithm}, {}}}})};
  int status = 200;
  std::string reply = R"({"code":0,"message":"ok","data":{"article_id":"KB-7"}})";

  void SetUp() override { ASSERT_TRUE(configureFor("push").isOk()); }
  Status configureFor(const std::string& mode) {
    HOTLINE_RETURN_IF_ERROR(configure({{"role", "county"},
                                       {"peer_url", peer.url() + "/gw"},
                                       {"system", "yucheng-12345"},
                                       {"peer_system", "shangqiu-12345"},
                                       {"mode", mode}}));
    return connector.start();
  }
  static plugin::Outbound article(std::string body = R"({"id":"KB-7","title":"t","content":"c"})") {
    return {"kb:KB-7", "knowledge", "application/json", std::move(body), {}, "kb-out-7", 1};
  }
};

TEST_F(KnowledgeOutTest, AnArticleIsPostedSignedToTheKnowledgeEndpointUnchanged) {
  plugin::Delivery delivery = connector.deliver(article());
  ASSERT_EQ(delivery.kind, plugin::Delivery::Kind::Ok) << delivery.reason;
  std::vector<LoopbackServer::Request> requests = peer.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, "/gw/exchange/v1/knowledge");
  EXPECT_EQ(requests[0].header("Idempotency-Key"), "kb-out-7");
  EXPECT_EQ(requests[0].header("Content-Type"), "application/json");
  EXPECT_EQ(requests[0].body, R"({"id":"KB-7","title":"t","content":"c"})");
  EXPECT_TRUE(fake.links.empty());
}

TEST_F(KnowledgeOutTest, AnswersAreClassifiedLikeTickets) {
  reply = R"({"code":400,"message":"body: invalid knowledge article","data":null})";
  plugin::Delivery refused = connector.deliver(article());
  EXPECT_EQ(refused.kind, plugin::Delivery::Kind::Permanent);
  EXPECT_NE(refused.reason.find("POST http://127.0.0.1:"), std::string::npos) << refused.reason;
  EXPECT_NE(refused.reason.find("/gw/exchange/v1/knowledge"), std::string::npos);
  status = 503;
  EXPECT_EQ(connector.deliver(article()).kind, plugin::Delivery::Kind::Retry);
  status = 404;
  EXPECT_EQ(connector.deliver(article()).kind, plugin::Delivery::Kind::Permanent);
}

TEST_F(KnowledgeOutTest, NoIdIsPermanentAndThePeersOwnArticleIsNotSentBack) {
  plugin::Delivery no_id = connector.deliver(article(R"({"title":"t","content":"c"})"));
  EXPECT_EQ(no_id.kind, plugin::Delivery::Kind::Permanent);
  EXPECT_NE(no_id.reason.find("cannot send knowledge kb:KB-7: id:"), std::string::npos)
      << no_id.reason;
  plugin::Delivery own = connector.deliver(
      article(R"({"id":"KB-7","title":"t","content":"c","source":"shangqiu-12345"})"));
  EXPECT_EQ(own.kind, plugin::Delivery::Kind::Ok);
  EXPECT_TRUE(peer.requests().empty());
}

TEST_F(KnowledgeOutTest, APulledArticleIsSubmittedAsKnowledge) {
  reply = R"({"code":0,"message":"ok","data":{"items":[{"seq":3,"kind":"knowledge","body":)"
          R"({"id":"KB-9","title":"t","content":"c"}}],"next":"3"}})";
  ASSERT_TRUE(connector.pollOnce().isOk());
  ASSERT_EQ(fake.submitted.size(), 1u);
  EXPECT_EQ(fake.submitted[0].kind, "knowledge");
  EXPECT_EQ(fake.submitted[0].body, R"({"id":"KB-9","title":"t","content":"c"})");
  EXPECT_EQ(fake.submitted[0].idempotency_key, "");
  EXPECT_EQ(fake.state["pull-cursor"], "3");
}

} // namespace
} // namespace hotline::connectors::exchange
