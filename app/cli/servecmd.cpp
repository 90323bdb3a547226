// `vmatlas serve`: the far end of --host. One process per ssh connection, answering requests on standard input
// and output (the protocol in core/remote.h) until its input ends or it is asked to quit. It writes no file.
#include "clicommands.h"
#include "platform.h"
#include "remote.h"
#include "snapshotjson.h"

#include "csv.h"

#include <charconv>
#include <cstdio>
#include <sstream>

namespace vmatlas::cli {

namespace {

bool readLine(std::FILE *in, std::string &line)
{
    line.clear();
    int c;
    while ((c = std::fgetc(in)) != EOF) {
        if (c == '\n')
            return true;
        if (line.size() < 4096)
            line += char(c);
    }
    return !line.empty();
}

bool pidOf(const std::string &text, Pid &pid)
{
    long long v = 0;
    if (!parsePid(text, v))
        return false;
    pid = v;
    return true;
}

Result<std::string> answer(const std::string &line)
{
    std::istringstream words(line);
    std::string verb, a, b, c;
    words >> verb >> a >> b >> c;
    Pid pid = 0;
    if (verb == "snapshot" && pidOf(a, pid)) {
        auto snap = readSnapshot(pid);
        if (!snap)
            return snap.error();
        return snapshotToJson(*snap);
    }
    if (verb == "pages" && pidOf(a, pid)) {
        Address start = 0, end = 0;
        if (!parseAddress(b, start) || !parseAddress(c, end) || end <= start)
            return makeError(ErrorCode::BadInput, "pages needs START END in hex");
        auto pages = readPages(pid, start, end);
        if (!pages)
            return pages.error();
        return pagesToCsv(*pages);
    }
    if (verb == "ps") {
        auto list = listProcesses();
        if (!list)
            return list.error();
        return processesToCsv(*list);
    }
    if (verb == "summary" && pidOf(a, pid) && (b == "csv" || b == "text"))
        return summaryOutput(pid, b == "csv");
    return makeError(ErrorCode::BadInput, "unknown request '" + line.substr(0, 80) + "'");
}

} // namespace

int cmdServe(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    if (auto done = parseSubcommand("serve", p, args, s,
            "Answers requests on standard input and output, for 'vmatlas --host' on another machine\n"
            "(which starts it over ssh). One request a line: snapshot PID, pages PID START END, ps,\n"
            "summary PID text|csv, quit. Writes no file."))
        return *done;
    std::fputs(serveHello().c_str(), s.out);
    std::fflush(s.out);
    std::string line;
    while (readLine(stdin, line)) {
        if (line == "quit")
            break;
        const std::string out = serveAnswer(answer(line));
        if (std::fwrite(out.data(), 1, out.size(), s.out) != out.size() || std::fflush(s.out) != 0)
            return ExitIo; // the connection is gone
    }
    return ExitOk;
}

} // namespace vmatlas::cli
