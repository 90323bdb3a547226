#pragma once

#include "model.h"

#include <QCoreApplication>
#include <QString>

namespace vmatlas::ui {

// The model's words as the user reads them, translated (context "Model").
inline QString typeText(RegionType t)
{
    switch (t) {
    case RegionType::Image:
        return QCoreApplication::translate("Model", "Image");
    case RegionType::Mapped:
        return QCoreApplication::translate("Model", "Mapped");
    case RegionType::Private:
        return QCoreApplication::translate("Model", "Private");
    case RegionType::Free:
        return QCoreApplication::translate("Model", "Free");
    }
    return {};
}

inline QString stateText(RegionState s)
{
    switch (s) {
    case RegionState::Free:
        return QCoreApplication::translate("Model", "Free");
    case RegionState::Reserved:
        return QCoreApplication::translate("Model", "Reserved");
    case RegionState::Committed:
        return QCoreApplication::translate("Model", "Committed");
    }
    return {};
}

inline QString pageStateText(PageState s)
{
    switch (s) {
    case PageState::None:
        return QCoreApplication::translate("Model", "not in RAM");
    case PageState::File:
        return QCoreApplication::translate("Model", "file");
    case PageState::Anon:
        return QCoreApplication::translate("Model", "anon");
    case PageState::Swap:
        return QCoreApplication::translate("Model", "swap");
    case PageState::Guard:
        return QCoreApplication::translate("Model", "guard");
    case PageState::Zero:
        return QCoreApplication::translate("Model", "zero page");
    }
    return {};
}

} // namespace vmatlas::ui
