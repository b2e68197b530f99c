#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

TEST(LineManager, Placeholder) { orgraph::model m; EXPECT_EQ(m.node_count(), 0u); }
