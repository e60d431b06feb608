#include "simulators/department/src/control_api.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "simulators/department/src/task_payload.h"

namespace hotline::sim::department {
namespace {

void replyJson(httplib::Response& response, std::string body) {
  response.status = 200;
  response.set_content(std::move(body), "application/json");
}

void replyOk(httplib::Response& response) {
  replyJson(response, R"({"code":0,"message":"ok","data":null})");
}

void replyBadRequest(httplib::Response& response, std::string_view message) {
  response.status = 400;
  response.set_content(errorEnvelope(400, message), "application/json");
}

std::string textMember(const rapidjson::Value& object, const char* name) {
  return object.HasMember(name) && object[name].IsString() ? object[name].GetString() : "";
}

// /sim/act's body as a callback; "" or the reason it is refused. Texts are not required here,
// so that a scenario can send the gateway a callback its mapping must refuse.
std::string readAct(const rapidjson::Document& doc, CallbackRequest& request) {
  if (!doc.IsObject()) {
    return "body: expected a JSON object {\"ticket_no\":..,\"action\":..}";
  }
  request.ticket_no = textMember(doc, "ticket_no");
  if (request.ticket_no.empty()) {
    return "ticket_no: required, the hotline number";
  }
  const std::optional<CallbackAction> action = actionFromName(textMember(doc, "action"));
  if (!action) {
    return "action: required, one of sign, progress, extension, result, return";
  }
  request.action = *action;
  const bool with_reason =
      *action == CallbackAction::Extension || *action == CallbackAction::Return;
  request.content = textMember(doc, with_reason ? "reason" : "content");
  if (doc.HasMember("days")) {
    if (!doc["days"].IsInt()) {
      return "days: expected an integer";
    }
    request.days = doc["days"].GetInt();
  }
  request.msg_id = textMember(doc, "msg_id");
  request.dept_case_no = textMember(doc, "dept_case_no");
  return "";
}

// {"code":0,"message":"ok","data":{"msg_id":..,"status":..,"reply_verified":..,"error":..,
// "reply":<the gateway's JSON body, or its text>}}
std::string actAnswer(const SentCallback& sent) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> out(buffer);
  out.StartObject();
  out.Key("code");
  out.Int(0);
  out.Key("message");
  out.String("ok");
  out.Key("data");
  out.StartObject();
  out.Key("msg_id");
  out.String(sent.msg_id.c_str());
  out.Key("status");
  out.Int(sent.status);
  out.Key("reply_verified");
  out.Bool(sent.reply_verified);
  out.Key("attempts");
  out.Int(sent.attempts);
  out.Key("error");
  out.String(sent.error.c_str(), static_cast<rapidjson::SizeType>(sent.error.size()));
  out.Key("reply");
  rapidjson::Document reply;
  reply.Parse(sent.reply.c_str(), sent.reply.size());
  if (!reply.HasParseError()) {
    reply.Accept(out);
  } else {
    out.String(sent.reply.c_str(), static_cast<rapidjson::SizeType>(sent.reply.size()));
  }
  out.EndObject();
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace

void ControlApi::registerRoutes(httplib::Server& server) {
  server.Get("/sim/tasks", [this](const httplib::Request&, httplib::Response& response) {
    replyJson(response, recorder_.tasksJson());
  });
  server.Get("/sim/callbacks", [this](const httplib::Request&, httplib::Response& response) {
    replyJson(response, recorder_.callbacksJson());
  });
  server.Get("/sim/stats", [this](const httplib::Request&, httplib::Response& response) {
    replyJson(response, recorder_.statsJson());
  });
  server.Get("/sim/behaviour", [this](const httplib::Request&, httplib::Response& response) {
    replyJson(response, behaviourScriptJson(runner_.script()));
  });
  server.Post("/sim/behaviour",
              [this](const httplib::Request& request, httplib::Response& response) {
                postBehaviour(request, response);
              });
  server.Post("/sim/act", [this](const httplib::Request& request, httplib::Response& response) {
    postAct(request, response);
  });
  server.Post("/sim/down", [this](const httplib::Request& request, httplib::Response& response) {
    postDown(request, response);
  });
  server.Post("/sim/reset", [this](const httplib::Request&, httplib::Response& response) {
    postReset(response);
  });
}

void ControlApi::postBehaviour(const httplib::Request& request, httplib::Response& response) {
  Result<BehaviourScript> script = parseBehaviourScript(request.body);
  if (!script) {
    replyBadRequest(response, script.status().message());
    return;
  }
  runner_.setScript(*script);
  replyOk(response);
}

void ControlApi::postAct(const httplib::Request& request, httplib::Response& response) {
  rapidjson::Document doc;
  doc.Parse(request.body.c_str(), request.body.size());
  CallbackRequest callback;
  const std::string refusal = doc.HasParseError() ? "body: not JSON" : readAct(doc, callback);
  if (!refusal.empty()) {
    replyBadRequest(response, refusal);
    return;
  }
  // Sent on this worker, so the answer can carry the gateway's.
  replyJson(response, actAnswer(sender_.send(callback)));
}

void ControlApi::postDown(const httplib::Request& request, httplib::Response& response) {
  rapidjson::Document doc;
  doc.Parse(request.body.c_str(), request.body.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("down") || !doc["down"].IsBool()) {
    replyBadRequest(response, "down: required, true or false");
    return;
  }
  recorder_.setDown(doc["down"].GetBool());
  replyOk(response);
}

void ControlApi::postReset(httplib::Response& response) {
  runner_.cancelAll();
  runner_.setScript(initial_);
  recorder_.reset();
  replyOk(response);
}

} // namespace hotline::sim::department
