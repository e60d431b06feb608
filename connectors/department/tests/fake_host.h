#pragma once
// The SDK's fake host for connector tests (hotline/plugin/testing/fake_host.h, shared with the
// exchange connector's tests), under the names these tests use.

#include "hotline/plugin/testing/fake_host.h"

namespace hotline::connectors::department::testing {

using plugin::testing::Call;
using plugin::testing::FakeHost;

} // namespace hotline::connectors::department::testing
