// ChildProcess's reading of lines and exact byte counts, on top of each platform's fill().
#include "platform.h"

namespace vmatlas {

bool ChildProcess::readLine(std::string &line)
{
    for (;;) {
        const auto nl = m_buffer.find('\n', m_scanned);
        if (nl != std::string::npos) {
            line.assign(m_buffer, 0, nl);
            m_buffer.erase(0, nl + 1);
            m_scanned = 0;
            return true;
        }
        m_scanned = m_buffer.size();
        if (!fill(m_buffer))
            return false;
    }
}

bool ChildProcess::readExact(std::size_t n, std::string &out)
{
    while (m_buffer.size() < n)
        if (!fill(m_buffer))
            return false;
    out.assign(m_buffer, 0, n);
    m_buffer.erase(0, n);
    m_scanned = 0;
    return true;
}

} // namespace vmatlas
