#include "labs/labprotocol.h"

#include <charconv>
#include <cstdio>
#include <sstream>
#include <string_view>

#include "labs/labtarget.h"

// Initialised (not zero) so that it lives in the data segment, not in .bss.
alignas(4096) volatile char g_vmatlasLabImageData[vmatlas::kLabImageDataSize]
    = { 'V', 'M', 'A', 't', 'l', 'a', 's', 1 };

namespace vmatlas::labprotocol {

volatile char *imageData()
{
    return g_vmatlasLabImageData;
}

std::vector<std::string> splitWords(const std::string &line)
{
    std::vector<std::string> words;
    std::istringstream in(line);
    std::string w;
    while (in >> w)
        words.push_back(w);
    return words;
}

bool parseNumber(const std::string &text, std::uint64_t &out)
{
    int base = 10;
    std::string_view v = text;
    if (v.size() > 2 && v[0] == '0' && v[1] == 'x') {
        v.remove_prefix(2);
        base = 16;
    }
    auto r = std::from_chars(v.data(), v.data() + v.size(), out, base);
    return !v.empty() && r.ec == std::errc() && r.ptr == v.data() + v.size();
}

bool takeLine(std::string &buffer, std::string &line)
{
    const auto nl = buffer.find('\n');
    if (nl == std::string::npos)
        return false;
    std::size_t end = nl;
    while (end > 0 && buffer[end - 1] == '\r')
        --end;
    line.assign(buffer, 0, end);
    buffer.erase(0, nl + 1);
    return true;
}

Result<std::vector<std::string>> parseReply(std::string_view reply, const std::string &command)
{
    auto words = splitWords(std::string(reply));
    if (!words.empty() && words[0] == "ok")
        return std::vector<std::string>(words.begin() + 1, words.end());
    // "error MESSAGE": the message; anything else whole.
    const std::string_view message = reply.size() > 6 ? reply.substr(6) : reply;
    return makeError(ErrorCode::Io, "the lab target refused '" + command + "': " + std::string(message));
}

Error targetExited(long long pid)
{
    return makeError(ErrorCode::ProcessExited, "the lab target (PID " + std::to_string(pid) + ") has exited");
}

int serve(long long pid, const std::function<std::string(const std::vector<std::string> &)> &handler)
{
    char line[4096];
    std::printf("ok ready %lld\n", pid);
    std::fflush(stdout);
    while (std::fgets(line, sizeof line, stdin)) {
        const auto words = splitWords(line);
        if (words.empty())
            continue;
        if (words[0] == "quit") {
            std::printf("ok bye\n");
            std::fflush(stdout);
            break;
        }
        const std::string reply = handler(words);
        std::printf("%s\n", reply.c_str());
        std::fflush(stdout);
    }
    return 0;
}

} // namespace vmatlas::labprotocol

namespace vmatlas {

Result<std::unique_ptr<LabTarget>> LabTarget::awaitReady(
    std::unique_ptr<LabTarget> target, const std::string &executable)
{
    // The first line says it is ready.
    auto hello = target->call("");
    if (!hello)
        return makeError(
            ErrorCode::Io, "the lab target (" + executable + " lab-target) did not start: " + hello.error().message);
    return target;
}

} // namespace vmatlas
