#pragma once

#include "model.h"
#include "result.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

// Another machine over ssh: `ssh -o BatchMode=yes DEST vmatlas serve` runs one long-lived remote process that
// answers requests on its standard input and output (the line protocol below), so one connection serves every
// refresh. The user's ssh does the connecting (keys, agent, ~/.ssh/config, known_hosts); nothing is written on
// the remote host. VMATLAS_SSH names another ssh command line (tests: "ssh -F CONFIG"), VMATLAS_REMOTE_CLI the
// remote program ("vmatlas" on its PATH by default).
namespace vmatlas {

// The protocol. The server greets with "vmatlas-serve PROTOCOL VERSION PLATFORM". Requests are lines:
//   snapshot PID | pages PID START END (hex) | ps | summary PID text|csv | quit
// and each answer is "ok BYTES" or "error CODE BYTES" (CODE: an ErrorCode as a number) followed by BYTES of
// payload: the snapshot's JSON, the pages' CSV, `ps --csv`, the summary's text or CSV, or the error's message.
inline constexpr int kServeProtocol = 1;
std::string serveHello();
std::string serveAnswer(const Result<std::string> &answer);

// Reads `ps --csv` back (the columns this version writes; later columns are ignored).
Result<std::vector<ProcessInfo>> processesFromCsv(std::string_view text);
std::string processesToCsv(const std::vector<ProcessInfo> &processes, std::string_view host = {});

class RemoteHost
{
public:
    explicit RemoteHost(std::string destination);
    ~RemoteHost();
    RemoteHost(const RemoteHost &) = delete;
    RemoteHost &operator=(const RemoteHost &) = delete;

    const std::string &destination() const { return m_destination; }
    // The host's name as the title and exports show it: DEST without "ssh://" and user.
    std::string displayName() const;
    // Connects (or checks the connection): the greeting, the version. Requests connect on their own too; a
    // request over a dropped connection reconnects once and fails with a plain message when it cannot.
    Status connect();
    std::string remoteVersion() const;
    std::string remotePlatform() const;

    Result<Snapshot> snapshot(Pid pid);
    Result<std::vector<PageInfo>> pages(Pid pid, Address start, Address end);
    Result<std::vector<ProcessInfo>> processes();
    Result<std::string> summary(Pid pid, bool csv);

    // The ssh command line used: VMATLAS_SSH (split at spaces, quotes kept together) or "ssh", then
    // "-o BatchMode=yes DEST REMOTE_CLI serve".
    std::vector<std::string> commandLine() const;

private:
    Result<std::string> request(const std::string &line);
    Result<std::string> requestOnce(const std::string &line);
    Status connectLocked();
    Error connectionError(const std::string &what, int exitCode);
    void drop();

    std::string m_destination;
    std::mutex m_mutex;
    std::unique_ptr<class ChildProcess> m_ssh;
    std::string m_version, m_platform;
};

} // namespace vmatlas
