// Must not compile: SET takes one value, and a vector would be sent as several arguments
// (value_range_refused, in this folder's CMakeLists.txt, checks that the build fails with
// redispp's message).
#include <vector>

#include <redispp/redispp.hpp>

void set_a_vector(redispp::Redis& r) { r.set("k", std::vector<int>{1, 2}); }
