#pragma once

#include <string>
#include <utility>
#include <variant>

namespace vmatlas {

// What went wrong, in categories a caller can act on (the CLI maps them to exit codes,
// the GUI to banners).
enum class ErrorCode
{
    NoSuchProcess, // the PID does not exist
    PermissionDenied, // ptrace-read access missing
    ProcessExited, // the process went away while being read
    NoAddressSpace, // a kernel thread: nothing to map
    BadInput, // malformed text, file or argument
    Io, // reading or writing a file failed
    Unsupported, // the platform or kernel lacks the feature
    Remote, // a remote host could not be reached, refused the login, or its vmatlas failed or went away
};

struct Error
{
    ErrorCode code = ErrorCode::Io;
    std::string message; // a plain sentence naming the cause (PID, file, line)
};

// A value or an Error; the core never throws across its API.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::move(error))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

struct Ok
{
};
using Status = Result<Ok>;

inline Error makeError(ErrorCode code, std::string message)
{
    return Error { code, std::move(message) };
}

} // namespace vmatlas
