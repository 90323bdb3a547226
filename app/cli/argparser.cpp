#include "argparser.h"

#include "model.h"

#include <charconv>

namespace vmatlas::cli {

void ArgParser::addOption(const std::string &name, const std::string &valueName, const std::string &help)
{
    m_specs.push_back({ name, { valueName, help } });
}

void ArgParser::addFlag(const std::string &name, const std::string &help)
{
    m_specs.push_back({ name, { std::string {}, help } });
}

std::optional<std::string> ArgParser::value(const std::string &name) const
{
    auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

bool ArgParser::parse(const std::vector<std::string> &args)
{
    bool onlyPositional = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (onlyPositional || a.size() < 2 || a[0] != '-' || a == "-") {
            m_positional.push_back(a);
            continue;
        }
        if (a == "--") {
            onlyPositional = true;
            continue;
        }
        std::string name = a;
        std::optional<std::string> inlineValue;
        if (auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
            name = a.substr(0, eq);
            inlineValue = a.substr(eq + 1);
        }
        const Spec *spec = nullptr;
        for (const auto &[n, s] : m_specs)
            if (n == name)
                spec = &s;
        if (!spec) {
            m_error = "unknown option '" + name + "'";
            return false;
        }
        if (m_values.count(name)) {
            m_error = "option '" + name + "' given twice";
            return false;
        }
        if (spec->valueName.empty()) {
            if (inlineValue) {
                m_error = "option '" + name + "' takes no value";
                return false;
            }
            m_values[name] = "";
        } else if (inlineValue) {
            m_values[name] = *inlineValue;
        } else {
            if (i + 1 >= args.size()) {
                m_error = "option '" + name + "' needs a value (" + spec->valueName + ")";
                return false;
            }
            m_values[name] = args[++i];
        }
    }
    return true;
}

std::string ArgParser::optionsHelp() const
{
    std::string out;
    for (const auto &[name, spec] : m_specs) {
        std::string left = "  " + name + (spec.valueName.empty() ? "" : " " + spec.valueName);
        if (left.size() < 26)
            left.resize(26, ' ');
        else
            left += "  ";
        out += left + spec.help + "\n";
    }
    return out;
}

bool parsePid(const std::string &text, long long &pid)
{
    auto r = std::from_chars(text.data(), text.data() + text.size(), pid);
    return !text.empty() && r.ec == std::errc() && r.ptr == text.data() + text.size() && pid > 0 && pid <= 0x7fffffff;
}

bool parseUnsigned(const std::string &text, unsigned long long &out, unsigned long long max)
{
    auto r = std::from_chars(text.data(), text.data() + text.size(), out);
    return !text.empty() && r.ec == std::errc() && r.ptr == text.data() + text.size() && out <= max;
}

bool parseRange(const std::string &text, unsigned long long &start, unsigned long long &end)
{
    auto dash = text.find('-');
    if (dash == std::string::npos)
        return false;
    Address s = 0, e = 0;
    if (!parseAddress(text.substr(0, dash), s) || !parseAddress(text.substr(dash + 1), e))
        return false;
    start = s;
    end = e;
    return true;
}

bool parseSize(const std::string &text, int &width, int &height)
{
    auto x = text.find('x');
    if (x == std::string::npos)
        return false;
    unsigned long long w = 0, h = 0;
    if (!parseUnsigned(text.substr(0, x), w, 16384) || !parseUnsigned(text.substr(x + 1), h, 16384) || w < 64 || h < 64)
        return false;
    width = static_cast<int>(w);
    height = static_cast<int>(h);
    return true;
}

} // namespace vmatlas::cli
