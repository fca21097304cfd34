// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace kx {

/**
 * What went wrong, for the user: a machine-readable code and a message that
 * has already been passed through tr(). Messages name the file, the line or
 * byte offset where known, and the reason.
 */
struct Error
{
    enum class Code {
        BadInput,      ///< the input is malformed; nothing was changed
        Unsupported,   ///< the input uses a feature we do not read
        NotFound,      ///< a file, dataset or scenario does not exist
        Io,            ///< reading or writing failed at the OS level
        Database,      ///< SQLite reported an error
        SchemaTooNew,  ///< the workspace was written by a newer version
        Cancelled,     ///< the user cancelled the work
    };

    Code code = Code::BadInput;
    QString message;

    static Error badInput(QString m) { return {Code::BadInput, std::move(m)}; }
    static Error io(QString m) { return {Code::Io, std::move(m)}; }
    static Error database(QString m) { return {Code::Database, std::move(m)}; }
    static Error notFound(QString m) { return {Code::NotFound, std::move(m)}; }
    static Error cancelled(QString m) { return {Code::Cancelled, std::move(m)}; }
};

/**
 * An expected-like result: either a value or an Error. Core never throws across
 * layers; fallible calls return Result<T>. Result<void> carries no value.
 */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace kx
