#include "formatting.h"

#include "units.h"

namespace vmatlas::ui {

QString formatBytes(std::uint64_t bytes)
{
    return QString::fromStdString(vmatlas::formatBytes(bytes));
}

QString hexAddress(Address address)
{
    return QStringLiteral("0x") + QString::number(address, 16);
}

QString hexRange(Address start, Address end)
{
    return hexAddress(start) + QStringLiteral(" – ") + hexAddress(end);
}

QString displayText(const std::string &s)
{
    QString out;
    out.reserve(qsizetype(s.size()));
    const QString decoded = QString::fromUtf8(s.data(), qsizetype(s.size()));
    if (decoded.toUtf8().toStdString() != s) {
        for (unsigned char c : s) {
            if (c >= 0x20 && c < 0x7f)
                out += QLatin1Char(char(c));
            else
                out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        }
        return out;
    }
    for (QChar ch : decoded) {
        if (ch == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (ch.category() == QChar::Other_Control || ch.category() == QChar::Other_Format)
            out += QStringLiteral("\\u%1").arg(ch.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out;
}

} // namespace vmatlas::ui
