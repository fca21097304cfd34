// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>
#include <cstddef>

namespace kx {

/**
 * A tiny deterministic generator (SplitMix64) for the demo material: the same
 * numbers on every platform and standard library, unlike std distributions.
 * Not for anything that needs real randomness. A value type; any thread.
 */
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /** Uniform in [0, @p n). */
    int below(int n) { return int(next() % quint64(n)); }
    /** Uniform in [0, 1), 53 bits. */
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    /** Uniform in [@p lo, @p hi). */
    double between(double lo, double hi) { return lo + (hi - lo) * unit(); }
    template<typename T, size_t N>
    const T &pick(const std::array<T, N> &items) { return items[size_t(below(int(N)))]; }

private:
    quint64 m_state;
};

} // namespace kx
