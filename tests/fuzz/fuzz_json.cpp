// libFuzzer target: the JSON snapshot loader. Whatever loads must save and load back identically.
#include "snapshotjson.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto s = vmatlas::snapshotFromJson(text, "fuzz.json");
    if (!s.ok()) {
        if (s.error().message.rfind("fuzz.json: ", 0) != 0) // errors name the file
            std::abort();
        return 0;
    }
    const std::string saved = vmatlas::snapshotToJson(*s);
    auto again = vmatlas::snapshotFromJson(saved, "again.json");
    if (!again.ok() || !(*again == *s) || vmatlas::snapshotToJson(*again) != saved)
        std::abort();
    return 0;
}
