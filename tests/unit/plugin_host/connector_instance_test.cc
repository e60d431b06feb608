#include "core/plugin_host/connector_instance.h"
#include "core/plugin_host/plugin_registry.h"
#include "hotline/plugin/abi_util.h"
#include "hotline/plugin/host.h"
#include "tests/unit/plugin_host/test_plugins.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <mutex>

namespace hotline::plugin_host {
namespace {

using ::testing::HasSubstr;

// Records what connectors submit and answers with a scripted outcome.
class RecordingSubmitter : public pipeline::Submitter {
public:
  Result<pipeline::SubmitOutcome> submit(const pipeline::InboundMessage& message) override {
    std::lock_guard<std::mutex> lock(mutex_);
    received.push_back(message);
    if (!refusal.isOk()) {
      return refusal;
    }
    return pipeline::SubmitOutcome{201, false, "01JDTEST000000000000000000",
                                   R"({"ticket_id":"01JDTEST000000000000000000"})"};
  }

  std::mutex mutex_;
  std::vector<pipeline::InboundMessage> received;
  Status refusal;
};

class ConnectorInstanceTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(registry_.loadFile(testing::examplePluginPath()).isOk());
    ASSERT_TRUE(registry_.loadFile(testing::testPluginPath("throwing_constructor")).isOk());
    ASSERT_TRUE(registry_.loadFile(testing::testPluginPath("failing_configure")).isOk());
  }

  Result<std::unique_ptr<ConnectorInstance>> make(const std::string& type, const std::string& name,
                                                  const ConfigEntries& config) {
    return ConnectorInstance::create(registry_.find(type), name, config, services_);
  }

  // Sends a request through the router as the ingress server would.
  http::HttpResponse call(const std::string& method, const std::string& path,
                          const std::string& body, bool* routed = nullptr,
                          const std::string& signature = "") {
    http::HttpRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.headers = {{"Content-Type", "application/json"}, {"x-request-id", "peer-msg-7"}};
    if (!signature.empty()) {
      request.headers.emplace_back("X-Signature", signature);
    }
    http::HttpResponse response;
    bool not_allowed = false;
    bool found = router_.dispatch(request, response, not_allowed);
    if (routed != nullptr) {
      *routed = found;
    }
    return response;
  }

  PluginRegistry registry_;
  http::Router router_;
  RecordingSubmitter submitter_;
  store::MemoryStateStore state_;
  std::vector<store::AuditInsert> audited_;
  HostServices services_{router_, submitter_, state_,
                         [this](store::AuditInsert fact) { audited_.push_back(std::move(fact)); }};
};

const ConfigEntries kExampleConfig{
    {"path", "/tickets"}, {"kind", "ticket"}, {"id_header", "X-Request-Id"}};

TEST_F(ConnectorInstanceTest, ExampleConnectorSubmitsWhatItsEndpointReceives) {
  auto instance = make("example", "ex-1", kExampleConfig);
  ASSERT_TRUE(instance.isOk()) << instance.status().toString();
  ASSERT_TRUE((*instance)->start().isOk());

  http::HttpResponse response = call("POST", "/connectors/ex-1/tickets", R"({"title":"路灯不亮"})");
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, R"({"ticket_id":"01JDTEST000000000000000000"})");
  ASSERT_EQ(submitter_.received.size(), 1u);
  const pipeline::InboundMessage& message = submitter_.received[0];
  EXPECT_EQ(message.source, "ex-1");
  EXPECT_EQ(message.connector_type, "example");
  EXPECT_EQ(message.kind, "ticket");
  EXPECT_EQ(message.content_type, "application/json");
  EXPECT_EQ(message.body, R"({"title":"路灯不亮"})");
  EXPECT_EQ(message.idempotency_key, "peer-msg-7"); // header matched case-insensitively
}

TEST_F(ConnectorInstanceTest, APipelineRefusalReachesThePeerWithItsStatusAndReason) {
  submitter_.refusal = conflict("result_submitted requires the ticket to be signed first");
  auto instance = make("example", "ex-1", kExampleConfig);
  ASSERT_TRUE(instance.isOk());
  ASSERT_TRUE((*instance)->start().isOk());

  http::HttpResponse response = call("POST", "/connectors/ex-1/tickets", "{}");
  EXPECT_EQ(response.status, 409);
  EXPECT_THAT(response.body, HasSubstr("\"code\":\"conflict\""));
  EXPECT_THAT(response.body, HasSubstr("requires the ticket to be signed first"));
}

TEST_F(ConnectorInstanceTest, StopTakesTheRoutesAway) {
  auto instance = make("example", "ex-1", kExampleConfig);
  ASSERT_TRUE(instance.isOk());
  ASSERT_TRUE((*instance)->start().isOk());
  EXPECT_EQ((*instance)->health().state, plugin::Health::State::Healthy);
  (*instance)->stop();
  bool routed = true;
  call("POST", "/connectors/ex-1/tickets", "{}", &routed);
  EXPECT_FALSE(routed);
  EXPECT_TRUE(submitter_.received.empty());
}

TEST_F(ConnectorInstanceTest, AThrowingConstructorIsOneClearErrorAndTheHostCarriesOn) {
  auto broken = make("throwing", "bad-1", {{"unused", ""}});
  ASSERT_FALSE(broken.isOk());
  EXPECT_THAT(broken.status().message(), HasSubstr("connector instance bad-1 (throwing from "));
  EXPECT_THAT(broken.status().message(),
              HasSubstr(testing::testPluginPath("throwing_constructor")));
  EXPECT_THAT(broken.status().message(),
              HasSubstr("the connector's constructor threw: cannot open /dev/peer-link"));

  // The host is unharmed: another connector still configures and serves.
  auto good = make("example", "ex-2", kExampleConfig);
  ASSERT_TRUE(good.isOk());
  ASSERT_TRUE((*good)->start().isOk());
  EXPECT_EQ(call("POST", "/connectors/ex-2/tickets", "{}").status, 201);
}

TEST_F(ConnectorInstanceTest, AFailedConfigureReportsTheReasonAndLeavesNoRouteBehind) {
  auto broken = make("failing", "bad-2", {{"endpoint", "ftp://nowhere"}});
  ASSERT_FALSE(broken.isOk());
  EXPECT_EQ(broken.status().code(), StatusCode::InvalidArgument);
  EXPECT_THAT(broken.status().message(),
              HasSubstr("configure failed: endpoint \"ftp://nowhere\" is not an http(s) URL"));
  bool routed = true;
  call("GET", "/connectors/bad-2/ping", "", &routed);
  EXPECT_FALSE(routed);
}

TEST_F(ConnectorInstanceTest, TwoInstancesOfOneTypeHaveTheirOwnRoutes) {
  auto first = make("example", "dept-a", kExampleConfig);
  auto second = make("example", "dept-b", {{"path", "/in"}, {"kind", "event"}});
  ASSERT_TRUE(first.isOk());
  ASSERT_TRUE(second.isOk()) << second.status().toString();
  ASSERT_TRUE((*first)->start().isOk());
  ASSERT_TRUE((*second)->start().isOk());
  EXPECT_EQ(call("POST", "/connectors/dept-b/in", "{}").status, 201);
  ASSERT_EQ(submitter_.received.size(), 1u);
  EXPECT_EQ(submitter_.received[0].source, "dept-b");
  EXPECT_EQ(submitter_.received[0].kind, "event");
}

TEST_F(ConnectorInstanceTest, WithASecretOnlyCorrectlySignedRequestsAreSubmitted) {
  ConfigEntries config = kExampleConfig;
  config.emplace_back("hmac_secret", "k3y-of-the-housing-bureau");
  auto instance = make("example", "signed-1", config);
  ASSERT_TRUE(instance.isOk()) << instance.status().toString();
  ASSERT_TRUE((*instance)->start().isOk());
  const std::string body = R"({"title":"供暖不热"})";
  // hex(HMAC-SHA256("k3y-of-the-housing-bureau", body)), computed independently with
  // `printf '%s' "$body" | openssl dgst -sha256 -hmac "$key"`.
  const std::string good = "2352b3e07d9c43adfc1f550f4e8c5efe81f21ee7e28b3b6ca24acc9e00cbd46d";
  http::HttpResponse unsigned_reply = call("POST", "/connectors/signed-1/tickets", body);
  EXPECT_EQ(unsigned_reply.status, 401);
  EXPECT_THAT(unsigned_reply.body, HasSubstr("missing X-Signature"));
  http::HttpResponse forged =
      call("POST", "/connectors/signed-1/tickets", body, nullptr, std::string(64, 'a'));
  EXPECT_EQ(forged.status, 401);
  EXPECT_THAT(forged.body, HasSubstr("does not match the body"));
  EXPECT_TRUE(submitter_.received.empty());
  // Both refusals are audited, by the instance, with their reason.
  ASSERT_EQ(audited_.size(), 2u);
  EXPECT_EQ(audited_[0].action, "refused_signature");
  EXPECT_EQ(audited_[0].actor, "signed-1");
  EXPECT_THAT(audited_[0].detail, HasSubstr("missing X-Signature"));
  EXPECT_THAT(audited_[1].detail, HasSubstr("does not match the body"));
  http::HttpResponse signed_reply =
      call("POST", "/connectors/signed-1/tickets", body, nullptr, good);
  EXPECT_EQ(signed_reply.status, 201) << signed_reply.body;
  EXPECT_EQ(submitter_.received.size(), 1u);
}

TEST_F(ConnectorInstanceTest, AuditFactsAreMaskedAndNeedAnAction) {
  HostContext host("dept-a", "example", services_);
  const hl_host_api* api = host.api();
  ASSERT_EQ(api->audit(api->ctx, "refused_scope", "01JTICKET",
                       "caller 13812345678 asked for another department's ticket"),
            static_cast<uint32_t>(HL_OK));
  EXPECT_EQ(api->audit(api->ctx, "", "", "no action"), static_cast<uint32_t>(HL_INVALID_ARGUMENT));
  ASSERT_EQ(audited_.size(), 1u);
  EXPECT_EQ(audited_[0].actor, "dept-a");
  EXPECT_EQ(audited_[0].ticket_id, "01JTICKET");
  EXPECT_EQ(audited_[0].detail.find("13812345678"), std::string::npos) << audited_[0].detail;
  EXPECT_THAT(audited_[0].detail, HasSubstr("another department's ticket"));

  HostServices without{router_, submitter_, state_};
  HostContext bare("dept-b", "example", without);
  EXPECT_EQ(bare.api()->audit(bare.api()->ctx, "refused_scope", "", "x"),
            static_cast<uint32_t>(HL_UNIMPLEMENTED));
  // A plugin built against 1.1 running on a 1.0 host: the SDK says so instead of crashing.
  hl_host_api old = *api;
  old.struct_size = static_cast<uint32_t>(offsetof(hl_host_api, audit));
  plugin::Host sdk_host(old);
  EXPECT_EQ(sdk_host.audit("refused_scope", "", "x").code(), StatusCode::Unimplemented);
}

TEST_F(ConnectorInstanceTest, StateIsKeptPerInstanceThroughTheHostApi) {
  HostContext a("dept-a", "example", services_);
  HostContext b("dept-b", "example", services_);
  const std::string cursor = "2026-11-28T10:00:00+08:00#1532";
  ASSERT_EQ(a.api()->state_put(a.api()->ctx, "cursor", cursor.data(), cursor.size()), HL_OK);

  char small[8];
  size_t size = 0;
  ASSERT_EQ(a.api()->state_get(a.api()->ctx, "cursor", small, sizeof(small), &size), HL_OK);
  EXPECT_EQ(size, cursor.size()); // too small a buffer: the caller learns the size it needs
  char big[64];
  ASSERT_EQ(a.api()->state_get(a.api()->ctx, "cursor", big, sizeof(big), &size), HL_OK);
  EXPECT_EQ(std::string(big, size), cursor);
  EXPECT_EQ(b.api()->state_get(b.api()->ctx, "cursor", big, sizeof(big), &size), HL_NOT_FOUND);
}

} // namespace
} // namespace hotline::plugin_host
