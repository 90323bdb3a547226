#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vmatlas::cli {

// A small, Qt-free option parser: "--name value", "--name=value", flags, and positional arguments.
class ArgParser
{
public:
    void addOption(const std::string &name, const std::string &valueName, const std::string &help);
    void addFlag(const std::string &name, const std::string &help);

    // False with error() set when an option is unknown, lacks its value, or repeats.
    bool parse(const std::vector<std::string> &args);
    const std::string &error() const { return m_error; }

    bool has(const std::string &name) const { return m_values.count(name) != 0; }
    std::optional<std::string> value(const std::string &name) const;
    const std::vector<std::string> &positional() const { return m_positional; }
    std::string optionsHelp() const;

private:
    struct Spec
    {
        std::string valueName; // empty for flags
        std::string help;
    };
    std::vector<std::pair<std::string, Spec>> m_specs;
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_positional;
    std::string m_error;
};

// Strict parsers for option values: whole text, in range.
bool parsePid(const std::string &text, long long &pid);
bool parseUnsigned(const std::string &text, unsigned long long &out, unsigned long long max);
bool parseRange(const std::string &text, unsigned long long &start, unsigned long long &end);
bool parseSize(const std::string &text, int &width, int &height); // "1600x1000"

} // namespace vmatlas::cli
