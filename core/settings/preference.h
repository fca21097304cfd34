// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

namespace kx {

/**
 * One typed settings key with its default. Reading a missing or unconvertible
 * value yields the default, so callers never see an invalid QVariant.
 *
 * Values live in the application's QSettings (organisation and application
 * names set by the app). Cheap to construct; holds no QSettings between calls.
 * Thread: any, QSettings is reentrant.
 */
template<typename T>
class Preference final
{
public:
    Preference(QString key, T defaultValue)
        : m_key(std::move(key)), m_default(std::move(defaultValue))
    {}

    QString key() const { return m_key; }
    T defaultValue() const { return m_default; }

    /** The stored value, or the default when it is missing or of another type. */
    T value() const
    {
        const QVariant v = QSettings().value(m_key);
        if (!v.isValid() || !v.canConvert<T>())
            return m_default;
        return v.value<T>();
    }

    /** Stores @p value; storing the default removes the key so defaults can change later. */
    void setValue(const T &value) const
    {
        QSettings settings;
        if (value == m_default)
            settings.remove(m_key);
        else
            settings.setValue(m_key, QVariant::fromValue(value));
    }

    void reset() const { QSettings().remove(m_key); }

private:
    QString m_key;
    T m_default;
};

} // namespace kx
