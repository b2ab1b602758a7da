// The seed's first program: StrictRedis commands, in C++.
//
//   r = redis.StrictRedis(host='127.0.0.1', port=9212)
//   r.set('foo', 'hello')
//   r.rpush('mylist', 'one')
//   print r.get('foo')
//   print r.rpop('mylist')
#include <cstdlib>  // std::getenv
#include <iostream>
#include <string>

#include <redispp/redispp.hpp>

int main() {
  // The server: $REDIS_URL when set (scripts/demo.sh sets it), else a local one.
  const char* env_url = std::getenv("REDIS_URL");
  const std::string redis_url = env_url && *env_url ? env_url : "redis://127.0.0.1:6379/0";

  // Redis(host=..., port=...) is Redis{ConnectionOptions}; from_url reads the same from a URL.
  redispp::Redis r = redispp::Redis::from_url(redis_url);

  bool ok = r.set("foo", "hello");                         // OK -> true
  long long length = r.rpush("mylist", "one");             // integer reply -> long long
  std::optional<std::string> foo = r.get("foo");           // nil would be std::nullopt
  std::optional<std::string> popped = r.rpop("mylist");

  std::cout << "set foo: " << std::boolalpha << ok << "\n"
            << "rpush mylist: length " << length << "\n"
            << "get foo: " << foo.value_or("(nil)") << "\n"
            << "rpop mylist: " << popped.value_or("(nil)") << "\n";

  r.del("foo", "mylist");
  return foo == "hello" && popped == "one" ? 0 : 1;
}
