#include "snapshotjson.h"

#include "fileio.h"
#include "json.h"
#include "textcodec.h"
#include "usage.h"
#include "version.h"

#include <limits>
#include <map>
#include <type_traits>

namespace vmatlas {

namespace {

// A string field; text that is not valid UTF-8 is written lossily and, exactly, as KEY_hex.
void writeText(std::string &out, std::string_view key, std::string_view value)
{
    out += '"';
    out.append(key);
    out += "\":";
    if (isValidUtf8(value)) {
        json::appendString(out, value);
        return;
    }
    json::appendString(out, toValidUtf8(value));
    out += ",\"";
    out.append(key);
    out += "_hex\":\"";
    out += toHex(value);
    out += '"';
}

void writeKey(std::string &out, std::string_view key)
{
    out += '"';
    out.append(key);
    out += "\":";
}

void writeNumber(std::string &out, std::string_view key, std::uint64_t v)
{
    writeKey(out, key);
    appendNumber(out, v);
}

void writeHex(std::string &out, std::string_view key, std::uint64_t v)
{
    writeKey(out, key);
    out += '"';
    appendHex(out, v);
    out += '"';
}

class Reader
{
public:
    explicit Reader(std::string source)
        : m_source(std::move(source))
    {
    }

    Error error(const std::string &what) const { return makeError(ErrorCode::BadInput, m_source + ": " + what); }

    bool text(const json::Value &obj, std::string_view key, std::string &out, bool required, std::string &err) const
    {
        if (const json::Value *hex = obj.find(std::string(key) + "_hex")) {
            if (hex->kind() != json::Value::Kind::String || !fromHex(hex->text(), out)) {
                err = "'" + std::string(key) + "_hex' is not hex text";
                return false;
            }
            return true;
        }
        const json::Value *v = obj.find(key);
        if (!v) {
            if (required)
                err = "'" + std::string(key) + "' is missing";
            return !required;
        }
        if (v->kind() != json::Value::Kind::String) {
            err = "'" + std::string(key) + "' is not a string";
            return false;
        }
        out = v->text();
        return true;
    }

    template <typename T>
    bool number(const json::Value &obj, std::string_view key, T &out, bool required, std::string &err) const
    {
        const json::Value *v = obj.find(key);
        if (!v) {
            if (required)
                err = "'" + std::string(key) + "' is missing";
            return !required;
        }
        std::int64_t s = 0;
        std::uint64_t u = 0;
        if constexpr (std::is_signed_v<T>) {
            if (!v->toInt64(s) || s < std::numeric_limits<T>::min() || s > std::numeric_limits<T>::max()) {
                err = "'" + std::string(key) + "' is not an integer in range";
                return false;
            }
            out = static_cast<T>(s);
        } else {
            if (!v->toUInt64(u) || u > std::numeric_limits<T>::max()) {
                err = "'" + std::string(key) + "' is not an integer in range";
                return false;
            }
            out = static_cast<T>(u);
        }
        return true;
    }

    bool address(const json::Value &obj, std::string_view key, std::uint64_t &out, std::string &err) const
    {
        const json::Value *v = obj.find(key);
        if (!v || v->kind() != json::Value::Kind::String || !parseAddress(v->text(), out)) {
            err = "'" + std::string(key) + "' is missing or not a hex address";
            return false;
        }
        return true;
    }

private:
    std::string m_source;
};

} // namespace

std::string snapshotToJson(const Snapshot &s)
{
    std::string out;
    out.reserve(s.regions.size() * 900 + 1024);
    out += "{\n";
    out += "\"format\":\"vmatlas-snapshot\",\"version\":";
    appendNumber(out, std::uint64_t(kSnapshotJsonVersion));
    out += ",\"generator\":";
    json::appendString(out, std::string("vmatlas ") + kVersion);
    out += ",\n";
    writeText(out, "platform", s.platform);
    out += ',';
    if (!s.host.empty()) { // read on another machine (--host): an optional key, added after version 1's
        writeText(out, "host", s.host);
        out += ',';
    }
    writeKey(out, "pid");
    appendNumber(out, std::int64_t(s.pid));
    out += ',';
    writeText(out, "process_name", s.processName);
    out += ',';
    writeText(out, "command_line", s.commandLine);
    out += ',';
    writeKey(out, "timestamp_ms");
    appendNumber(out, std::int64_t(s.timestampMs));
    out += ',';
    writeKey(out, "counters_read_ms");
    appendNumber(out, std::int64_t(s.countersReadMs));
    out += ',';
    writeNumber(out, "page_size", s.pageSize);
    out += ",\n\"regions\":[\n";
    auto note = s.useNotes.begin();
    for (std::size_t i = 0; i < s.regions.size(); ++i) {
        const Region &r = s.regions[i];
        out += i ? ",\n{" : "{";
        writeHex(out, "start", r.start);
        out += ',';
        writeHex(out, "end", r.end);
        out += ',';
        writeNumber(out, "size", r.size());
        out += ",\"type\":\"";
        out.append(regionTypeName(r.type));
        out += "\",\"state\":\"";
        out.append(regionStateName(r.state));
        out += "\",\"protection\":\"";
        out += r.protection.toString();
        out += "\",";
        writeHex(out, "offset", r.offset);
        out += ",\"device\":\"";
        out += r.device();
        out += "\",";
        writeNumber(out, "inode", r.inode);
        out += ',';
        writeText(out, "path", r.path());
        out += ',';
        writeText(out, "label", r.label());
        out += ",\"label_kind\":\"";
        out.append(labelKindKey(r.labelKind));
        out += "\",";
        writeKey(out, "tid");
        appendNumber(out, std::int64_t(r.tid));
        out += ",\"use\":\"";
        out.append(regionUseKey(r.use));
        out += "\",";
        if (note != s.useNotes.end() && note->region == i) {
            writeText(out, "use_evidence", note->evidence);
            out += ',';
            ++note;
        }
        writeNumber(out, "kernel_page_size", r.kernelPageSize());
        out += ',';
        writeNumber(out, "mmu_page_size", r.mmuPageSize());
        out += ',';
        writeNumber(out, "thp_eligible", r.thpEligible);
        out += ',';
        writeKey(out, "protection_key");
        if (r.protectionKey >= 0)
            appendNumber(out, std::int64_t(r.protectionKey));
        else
            out += "null";
        out += ",\"vm_flags\":\"";
        out += r.vmFlagsText(); // mnemonics and spaces only (checked when read): nothing to escape
        out += "\",\"counters\":{";
        for (std::size_t c = 0; c < kCounterCount; ++c) {
            if (c)
                out += ',';
            if (r.hasCounter(static_cast<Counter>(c))) {
                writeNumber(out, counterKey(static_cast<Counter>(c)), r.counters[c]);
            } else {
                writeKey(out, counterKey(static_cast<Counter>(c)));
                out += "null"; // not read: absent, not zero
            }
        }
        out += "}}";
    }
    out += "\n],\n\"extras\":[";
    for (std::size_t i = 0; i < s.extras.size(); ++i) {
        if (i)
            out += ',';
        out += "{";
        writeNumber(out, "region", s.extras[i].region);
        out += ',';
        writeText(out, "name", s.extras[i].name);
        out += ',';
        writeText(out, "value", s.extras[i].value);
        out += '}';
    }
    out += "]\n}\n";
    return out;
}

Result<Snapshot> snapshotFromJson(std::string_view text, const std::string &source)
{
    Reader rd(source);
    auto doc = json::parse(text);
    if (!doc)
        return rd.error("not valid JSON: " + doc.error().message);
    const json::Value &root = *doc;
    if (root.kind() != json::Value::Kind::Object)
        return rd.error("not a VM Atlas snapshot (the document is not an object)");
    const json::Value *format = root.find("format");
    if (!format || format->kind() != json::Value::Kind::String || format->text() != "vmatlas-snapshot")
        return rd.error("not a VM Atlas snapshot (\"format\" is not \"vmatlas-snapshot\")");
    std::string err;
    int version = 0;
    if (!rd.number(root, "version", version, true, err))
        return rd.error(err);
    if (version > kSnapshotJsonVersion)
        return rd.error("written by a newer VM Atlas (format version " + std::to_string(version)
            + "); this one reads up to version " + std::to_string(kSnapshotJsonVersion));
    if (version < 1)
        return rd.error("format version " + std::to_string(version) + " is not valid");

    Snapshot s;
    if (!rd.text(root, "platform", s.platform, true, err) || !rd.number(root, "pid", s.pid, true, err)
        || !rd.text(root, "process_name", s.processName, false, err)
        || !rd.text(root, "command_line", s.commandLine, false, err) || !rd.text(root, "host", s.host, false, err)
        || !rd.number(root, "timestamp_ms", s.timestampMs, true, err)
        || !rd.number(root, "counters_read_ms", s.countersReadMs, false, err)
        || !rd.number(root, "page_size", s.pageSize, true, err))
        return rd.error(err);
    if (s.pid < 0)
        return rd.error("'pid' is negative (" + std::to_string(s.pid) + ")");
    const json::Value *regions = root.find("regions");
    if (!regions || regions->kind() != json::Value::Kind::Array)
        return rd.error("'regions' is missing or not an array");
    s.regions.reserve(regions->array().size());
    std::map<std::string, std::shared_ptr<const std::string>> paths, flagTexts;
    std::size_t index = 0;
    bool missingUse = false;
    for (const json::Value &v : regions->array()) {
        Region r;
        // "region 3 (0x1000-0x2000)" once its bounds are read.
        auto regionError = [&](const std::string &what) {
            std::string name = "region " + std::to_string(index);
            if (r.end > r.start)
                name += " (" + hexAddress(r.start) + "-" + hexAddress(r.end) + ")";
            return rd.error(name + ": " + what);
        };
        if (v.kind() != json::Value::Kind::Object)
            return regionError("not an object");
        std::string type, state, prot, device, path, labelKind, flags;
        std::uint64_t size = 0, kernelPage = 0, mmuPage = 0;
        if (!rd.address(v, "start", r.start, err) || !rd.address(v, "end", r.end, err)
            || !rd.number(v, "size", size, true, err) || !rd.text(v, "type", type, true, err)
            || !rd.text(v, "state", state, true, err) || !rd.text(v, "protection", prot, true, err)
            || !rd.address(v, "offset", r.offset, err) || !rd.text(v, "device", device, true, err)
            || !rd.number(v, "inode", r.inode, true, err) || !rd.text(v, "path", path, true, err)
            || !rd.text(v, "label_kind", labelKind, true, err) || !rd.number(v, "tid", r.tid, true, err)
            || !rd.number(v, "kernel_page_size", kernelPage, false, err)
            || !rd.number(v, "mmu_page_size", mmuPage, false, err)
            || !rd.number(v, "thp_eligible", r.thpEligible, false, err) || !rd.text(v, "vm_flags", flags, false, err))
            return regionError(err);
        if (!r.setKernelPageSize(kernelPage) || !r.setMmuPageSize(mmuPage))
            return regionError("a page size is not a power of two");
        if (r.end <= r.start || size != r.end - r.start)
            return regionError("'start', 'end' and 'size' disagree");
        if (!regionTypeFromString(type, r.type))
            return regionError("unknown type '" + type + "'");
        if (!regionStateFromString(state, r.state))
            return regionError("unknown state '" + state + "'");
        if (!Protection::fromString(prot, r.protection))
            return regionError("bad protection '" + prot + "'");
        if (!labelKindFromKey(labelKind, r.labelKind))
            return regionError("unknown label_kind '" + labelKind + "'");
        {
            auto colon = device.find(':');
            Address major = 0, minor = 0;
            if (colon == std::string::npos || !parseAddress(device.substr(0, colon), major)
                || !parseAddress(device.substr(colon + 1), minor) || major > 0xffffffff || minor > 0xffffffff)
                return regionError("bad device '" + device + "'");
            r.devMajor = static_cast<std::uint32_t>(major);
            r.devMinor = static_cast<std::uint32_t>(minor);
        }
        if (const json::Value *pk = v.find("protection_key"); pk && !pk->isNull()) {
            if (!rd.number(v, "protection_key", r.protectionKey, true, err) || r.protectionKey < 0)
                return regionError("bad protection_key");
        }
        if (!parseVmFlagsText(flags, r.vmFlags))
            return regionError("bad vm_flags '" + flags + "' (two-letter flags separated by single spaces)");
        if (!flags.empty()) {
            auto it = flagTexts.find(flags);
            if (it == flagTexts.end())
                it = flagTexts.emplace(flags, std::make_shared<const std::string>(flags)).first;
            r.vmFlagsPtr = it->second;
        }
        const json::Value *counters = v.find("counters");
        if (!counters || counters->kind() != json::Value::Kind::Object)
            return regionError("'counters' is missing or not an object");
        // Every version wrote every counter: a missing one is a damaged file, not a zero; null is one the source
        // did not read. Each counts bytes of this region's pages, so none can exceed its size.
        for (std::size_t c = 0; c < kCounterCount; ++c) {
            const auto key = counterKey(static_cast<Counter>(c));
            if (const json::Value *cv = counters->find(key); cv && cv->isNull()) {
                r.setCounterKnown(static_cast<Counter>(c), false);
                continue;
            }
            if (!rd.number(*counters, key, r.counters[c], true, err))
                return regionError(err);
            if (r.counters[c] > size)
                return regionError("counter '" + std::string(key) + "' (" + std::to_string(r.counters[c])
                    + " bytes) is larger than the region (" + std::to_string(size) + " bytes)");
        }
        if (!path.empty()) {
            auto it = paths.find(path);
            if (it == paths.end())
                it = paths.emplace(path, std::make_shared<const std::string>(path)).first;
            r.pathPtr = it->second;
        }
        // "use" and "use_evidence" came later: a file without them gets uses computed below.
        if (v.find("use")) {
            std::string use, evidence;
            if (!rd.text(v, "use", use, true, err) || !rd.text(v, "use_evidence", evidence, false, err))
                return regionError(err);
            if (!regionUseFromKey(use, r.use))
                return regionError("unknown use '" + use + "'");
            if (!evidence.empty())
                s.useNotes.push_back({ static_cast<std::uint32_t>(index), std::move(evidence) });
        } else {
            missingUse = true;
        }
        if (!s.regions.empty() && r.start < s.regions.back().end)
            return regionError("regions overlap or are out of order");
        s.regions.push_back(std::move(r));
        ++index;
    }
    if (const json::Value *extras = root.find("extras")) {
        if (extras->kind() != json::Value::Kind::Array)
            return rd.error("'extras' is not an array");
        for (const json::Value &v : extras->array()) {
            ExtraField e;
            if (v.kind() != json::Value::Kind::Object || !rd.number(v, "region", e.region, true, err)
                || !rd.text(v, "name", e.name, true, err) || !rd.text(v, "value", e.value, true, err))
                return rd.error("extras: " + (err.empty() ? std::string("not an object") : err));
            if (e.region >= s.regions.size())
                return rd.error("extras: region " + std::to_string(e.region) + " does not exist");
            s.extras.push_back(std::move(e));
        }
    }
    if (missingUse)
        assignUses(s, factsFromSnapshot(s));
    return s;
}

Status saveSnapshotJson(const Snapshot &snapshot, const std::string &path)
{
    return writeFileAtomically(path, snapshotToJson(snapshot));
}

Result<Snapshot> loadSnapshotJson(const std::string &path)
{
    auto text = readWholeFile(path);
    if (!text)
        return text.error();
    return snapshotFromJson(*text, path);
}

} // namespace vmatlas
