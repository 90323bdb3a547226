#include "remote.h"

#include "csv.h"
#include "pages.h"
#include "platform.h"
#include "snapshotjson.h"
#include "version.h"

#include <charconv>
#include <cstdlib>

namespace vmatlas {

namespace {

std::vector<std::string> splitCommandLine(const std::string &text)
{
    std::vector<std::string> out;
    std::string cur;
    bool any = false;
    char quote = 0;
    for (char c : text) {
        if (quote) {
            if (c == quote)
                quote = 0;
            else
                cur += c;
        } else if (c == '"' || c == '\'') {
            quote = c;
            any = true;
        } else if (c == ' ' || c == '\t') {
            if (any || !cur.empty())
                out.push_back(cur);
            cur.clear();
            any = false;
        } else {
            cur += c;
        }
    }
    if (any || !cur.empty())
        out.push_back(cur);
    return out;
}

bool contains(const std::string &text, std::string_view what)
{
    return text.find(what) != std::string::npos;
}

// The last non-empty line of ssh's complaints.
std::string lastLine(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    const auto nl = text.rfind('\n');
    return nl == std::string::npos ? text : text.substr(nl + 1);
}

} // namespace

std::string serveHello()
{
    return "vmatlas-serve " + std::to_string(kServeProtocol) + " " + kVersion + " " + std::string(platformName())
        + "\n";
}

std::string serveAnswer(const Result<std::string> &answer)
{
    if (answer)
        return "ok " + std::to_string(answer->size()) + "\n" + *answer;
    const Error &e = answer.error();
    return "error " + std::to_string(int(e.code)) + " " + std::to_string(e.message.size()) + "\n" + e.message;
}

std::string processesToCsv(const std::vector<ProcessInfo> &list, std::string_view host)
{
    std::string hostCell;
    appendCsvCell(hostCell, escapeCsvText(host));
    std::string out = "pid,user,rss,name,command_line,readable,cgroup,namespace_pid,host\n";
    for (const ProcessInfo &pi : list) {
        out += std::to_string(pi.pid) + ",";
        appendCsvCell(out, escapeCsvText(pi.user));
        out += "," + std::to_string(pi.rss) + ",";
        appendCsvCell(out, escapeCsvText(pi.name));
        out += ",";
        appendCsvCell(out, escapeCsvText(pi.commandLine));
        out += pi.readable ? ",1," : ",0,";
        appendCsvCell(out, escapeCsvText(pi.cgroup));
        // Empty when not known (not Linux, or no NSpid line), as counters not read are.
        out += "," + (pi.namespacePid ? std::to_string(pi.namespacePid) : std::string()) + ",";
        out += hostCell;
        out += '\n';
    }
    return out;
}

Result<std::vector<ProcessInfo>> processesFromCsv(std::string_view text)
{
    auto rows = parseCsv(text);
    if (!rows)
        return rows.error();
    std::vector<ProcessInfo> out;
    for (std::size_t i = 1; i < rows->size(); ++i) {
        const auto &row = (*rows)[i];
        if (row.size() < 6)
            return makeError(ErrorCode::BadInput, "process list line " + std::to_string(i + 1) + " has too few cells");
        ProcessInfo p;
        auto number = [](const std::string &s, auto &v) {
            return !s.empty() && std::from_chars(s.data(), s.data() + s.size(), v).ec == std::errc();
        };
        if (!number(row[0], p.pid) || !number(row[2], p.rss))
            return makeError(ErrorCode::BadInput, "process list line " + std::to_string(i + 1) + " is malformed");
        if (!unescapeCsvText(row[1], p.user) || !unescapeCsvText(row[3], p.name)
            || !unescapeCsvText(row[4], p.commandLine))
            return makeError(ErrorCode::BadInput, "process list line " + std::to_string(i + 1) + " is malformed");
        p.readable = row[5] == "1";
        if (row.size() > 6)
            unescapeCsvText(row[6], p.cgroup);
        if (row.size() > 7 && !row[7].empty())
            number(row[7], p.namespacePid);
        out.push_back(std::move(p));
    }
    return out;
}

RemoteHost::RemoteHost(std::string destination)
    : m_destination(std::move(destination))
{
}

RemoteHost::~RemoteHost()
{
    std::lock_guard lock(m_mutex);
    if (m_ssh) {
        m_ssh->write("quit\n");
        m_ssh->finish(2000);
    }
}

std::string RemoteHost::displayName() const
{
    std::string host = m_destination;
    if (host.rfind("ssh://", 0) == 0)
        host = host.substr(6);
    if (const auto at = host.find('@'); at != std::string::npos)
        host = host.substr(at + 1);
    return host;
}

std::vector<std::string> RemoteHost::commandLine() const
{
    const char *ssh = std::getenv("VMATLAS_SSH");
    std::vector<std::string> argv = splitCommandLine(ssh && *ssh ? ssh : "ssh");
    const char *cli = std::getenv("VMATLAS_REMOTE_CLI");
    for (std::string a : { std::string("-o"), std::string("BatchMode=yes"), m_destination,
             std::string(cli && *cli ? cli : "vmatlas"), std::string("serve") })
        argv.push_back(std::move(a));
    return argv;
}

std::string RemoteHost::remoteVersion() const
{
    return m_version;
}

std::string RemoteHost::remotePlatform() const
{
    return m_platform;
}

void RemoteHost::drop()
{
    if (m_ssh)
        m_ssh->finish(1000);
    m_ssh.reset();
}

Error RemoteHost::connectionError(const std::string &what, int exitCode)
{
    const std::string err = m_ssh ? m_ssh->errorText() : std::string();
    const std::string host = m_destination;
    const std::string said = lastLine(err);
    if (contains(err, "Permission denied (") || contains(err, "Too many authentication failures"))
        return makeError(ErrorCode::Remote,
            host + " refused the login (" + said
                + "): VM Atlas logs in with your ssh keys and never asks for a password; set up key login "
                  "(ssh-keygen, then ssh-copy-id "
                + host + ") and check that 'ssh " + host + " true' works without a prompt");
    if (contains(err, "Host key verification failed") || contains(err, "REMOTE HOST IDENTIFICATION HAS CHANGED"))
        return makeError(ErrorCode::Remote,
            "the host key of " + host + " is not known or has changed (" + said + "): connect once with 'ssh " + host
                + "' to check and accept it");
    if (contains(err, "Could not resolve hostname") || contains(err, "Connection refused")
        || contains(err, "Connection timed out") || contains(err, "No route to host")
        || contains(err, "Network is unreachable") || contains(err, "Connection closed by")
        || contains(err, "kex_exchange_identification"))
        return makeError(ErrorCode::Remote, "cannot reach " + host + ": " + said);
    if (exitCode == 127 || contains(err, "command not found") || contains(err, "No such file or directory"))
        return makeError(ErrorCode::Remote,
            "vmatlas is not installed on " + host + " (" + said
                + "): install the VM Atlas command-line package there (no window needed), or set VMATLAS_REMOTE_CLI "
                  "to its path");
    if (contains(err, "unknown command 'serve'"))
        return makeError(ErrorCode::Remote,
            "the vmatlas on " + host + " is older than " + kVersion
                + " and cannot serve requests: install the same version there");
    if (exitCode >= 0)
        return makeError(ErrorCode::Remote,
            what + ": the remote vmatlas on " + host + " exited (code " + std::to_string(exitCode) + ")"
                + (said.empty() ? std::string() : ": " + said));
    return makeError(ErrorCode::Remote,
        what + ": the connection to " + host + " was lost" + (said.empty() ? std::string() : " (" + said + ")"));
}

Status RemoteHost::connect()
{
    std::lock_guard lock(m_mutex);
    return connectLocked();
}

Status RemoteHost::connectLocked()
{
    if (m_ssh)
        return Ok {};
    auto child = startChildProcess(commandLine());
    if (!child)
        return makeError(ErrorCode::Remote, "cannot run ssh for " + m_destination + ": " + child.error().message);
    m_ssh = std::move(child).value();
    std::string hello;
    if (!m_ssh->readLine(hello)) {
        const int code = m_ssh->finish(5000);
        Error e = connectionError("cannot connect to " + m_destination, code == 255 ? -2 : code);
        if (code == 255 && e.message.rfind("cannot connect", 0) == 0)
            e.message = "cannot reach " + m_destination + ": ssh failed" + [&] {
                const std::string said = lastLine(m_ssh->errorText());
                return said.empty() ? std::string() : " (" + said + ")";
            }();
        m_ssh.reset();
        return e;
    }
    // "vmatlas-serve 1 0.9.0 linux"
    std::vector<std::string> words = splitCommandLine(hello);
    if (words.size() < 4 || words[0] != "vmatlas-serve") {
        drop();
        return makeError(ErrorCode::Remote,
            "the remote vmatlas on " + m_destination + " did not answer as expected (it said: '" + hello.substr(0, 80)
                + "'): check that VMATLAS_REMOTE_CLI or PATH names VM Atlas there");
    }
    m_version = words[2];
    m_platform = words[3];
    if (words[1] != std::to_string(kServeProtocol) || m_version != kVersion) {
        const std::string theirs = m_version;
        drop();
        return makeError(ErrorCode::Remote,
            m_destination + " has vmatlas " + theirs + " (protocol " + words[1] + "); this is " + kVersion
                + " (protocol " + std::to_string(kServeProtocol)
                + "): install the same version of the command-line package there");
    }
    return Ok {};
}

Result<std::string> RemoteHost::requestOnce(const std::string &line)
{
    if (auto st = connectLocked(); !st)
        return st.error();
    std::string head;
    if (!m_ssh->write(line + "\n") || !m_ssh->readLine(head)) {
        const int code = m_ssh->finish(3000);
        Error e = connectionError(line.substr(0, line.find(' ')), code == 255 ? -2 : code);
        m_ssh.reset();
        return e;
    }
    // "ok N" or "error CODE N"
    std::vector<std::string> words = splitCommandLine(head);
    std::size_t n = 0;
    const std::string &count = words.empty() ? head : words.back();
    const bool okHead = (words.size() == 2 && words[0] == "ok") || (words.size() == 3 && words[0] == "error");
    if (!okHead || std::from_chars(count.data(), count.data() + count.size(), n).ec != std::errc()
        || n > (std::size_t(1) << 31)) {
        drop();
        return makeError(
            ErrorCode::Remote, "the remote vmatlas on " + m_destination + " answered '" + head.substr(0, 80) + "'");
    }
    std::string payload;
    if (!m_ssh->readExact(n, payload)) {
        const int code = m_ssh->finish(3000);
        Error e = connectionError(line.substr(0, line.find(' ')), code == 255 ? -2 : code);
        m_ssh.reset();
        return e;
    }
    if (words[0] == "ok")
        return payload;
    int code = int(ErrorCode::Io);
    std::from_chars(words[1].data(), words[1].data() + words[1].size(), code);
    if (code < 0 || code > int(ErrorCode::Remote))
        code = int(ErrorCode::Io);
    return makeError(ErrorCode(code), "on " + m_destination + ": " + payload);
}

Result<std::string> RemoteHost::request(const std::string &line)
{
    std::lock_guard lock(m_mutex);
    const bool wasConnected = m_ssh != nullptr;
    auto answer = requestOnce(line);
    // A connection that dropped since the last request: one new connection, then the error stands.
    if (!answer && wasConnected && !m_ssh && answer.error().code == ErrorCode::Remote)
        answer = requestOnce(line);
    return answer;
}

Result<Snapshot> RemoteHost::snapshot(Pid pid)
{
    auto text = request("snapshot " + std::to_string(pid));
    if (!text)
        return text.error();
    auto snap = snapshotFromJson(*text, "the snapshot from " + m_destination);
    if (snap)
        snap->host = displayName();
    return snap;
}

Result<std::vector<PageInfo>> RemoteHost::pages(Pid pid, Address start, Address end)
{
    auto text = request("pages " + std::to_string(pid) + " " + hexAddress(start) + " " + hexAddress(end));
    if (!text)
        return text.error();
    return pagesFromCsv(*text);
}

Result<std::vector<ProcessInfo>> RemoteHost::processes()
{
    auto text = request("ps");
    if (!text)
        return text.error();
    return processesFromCsv(*text);
}

Result<std::string> RemoteHost::summary(Pid pid, bool csv)
{
    return request("summary " + std::to_string(pid) + (csv ? " csv" : " text"));
}

} // namespace vmatlas
