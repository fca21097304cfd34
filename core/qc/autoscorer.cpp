// SPDX-License-Identifier: GPL-3.0-or-later
#include "autoscorer.h"

#include "qc/textprofile.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <vector>

namespace kx {

namespace {

using HashSet = std::vector<quint64>; // sorted, unique

HashSet hashSet(std::initializer_list<const char *> words)
{
    HashSet set;
    set.reserve(words.size());
    for (const char *w : words)
        set.push_back(TextProfile::hashWord(QLatin1String(w)));
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    return set;
}

bool contains(const HashSet &set, quint64 h)
{
    return std::binary_search(set.begin(), set.end(), h);
}

/** First words that make a sentence a question or a request. */
const HashSet &requestCues()
{
    static const HashSet set = hashSet({
        "what", "how", "why", "when", "where", "who", "whom", "whose", "which", "can", "could", "would",
        "will", "should", "shall", "is", "are", "do", "does", "did", "may", "please", "tell", "explain",
        "list", "describe", "calculate", "compute", "find", "give", "help", "compare", "summarize",
        "summarise", "recommend", "suggest", "write", "show", "name", "identify", "determine", "solve",
        "remind", "recall"});
    return set;
}

/** Second words that make "I …" / "we …" a request: "i need", "we want", "i'd like". */
const HashSet &wishVerbs()
{
    static const HashSet set = hashSet({"need", "want", "require", "wish", "would", "d"});
    return set;
}

bool opensWithRequest(const TextProfile &t)
{
    static const quint64 i = TextProfile::hashWord(QLatin1String("i"));
    static const quint64 we = TextProfile::hashWord(QLatin1String("we"));
    if (t.wordCount == 0)
        return false;
    if (contains(requestCues(), t.firstWordHash))
        return true;
    return t.wordCount >= 2 && (t.firstWordHash == i || t.firstWordHash == we)
        && contains(wishVerbs(), t.secondWordHash);
}

/** Common English function words of 3+ letters: they say nothing about which memory is meant. */
const HashSet &stopWords()
{
    static const HashSet set = hashSet({
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one",
        "our", "out", "has", "him", "his", "how", "its", "let", "may", "she", "too", "use", "who", "why",
        "did", "get", "got", "yes", "own", "that", "this", "with", "have", "from", "they", "them", "their",
        "there", "these", "those", "then", "than", "were", "what", "when", "where", "which", "while",
        "will", "would", "could", "should", "about", "your", "yours", "been", "into", "some", "also",
        "just", "like", "only", "very", "more", "most", "much", "does", "each", "such", "here", "user",
        "users", "being", "other", "over", "after", "before", "because", "doing", "done"});
    return set;
}

/** Words that only appear in unfinished templates. */
const HashSet &placeholderWords()
{
    static const HashSet set = hashSet({"lorem", "ipsum", "placeholder", "tbd", "xxx"});
    return set;
}

double clamp01(double x)
{
    return std::clamp(x, 0.0, 1.0);
}

bool isSystem(const ChatMessage &m)
{
    return m.role == QLatin1String("system");
}

bool isKnownRole(const QString &role)
{
    return role == QLatin1String("user") || role == QLatin1String("assistant") || role == QLatin1String("tool")
        || role == QLatin1String("function");
}

int distinctNonBlank(const QStringList &list)
{
    int n = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString item = list[i].trimmed();
        if (item.isEmpty())
            continue;
        bool seen = false;
        for (qsizetype j = 0; j < i && !seen; ++j)
            seen = list[j].trimmed().compare(item, Qt::CaseInsensitive) == 0;
        n += seen ? 0 : 1;
    }
    return n;
}

void sortUnique(std::vector<quint64> &v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

/** Everything measured once and shared by the four criteria. */
struct Context
{
    const TestScenario &scenario;
    QList<TextProfile> turns;
    QList<TextProfile> memories;
    HashSet turnWords;
    int capabilities = 0;
};

void scoreClarity(const Context &c, AutoScorer::Breakdown &b)
{
    const QList<ChatMessage> &messages = c.scenario.messages;
    if (messages.isEmpty())
        return;
    qsizetype target = -1;
    for (qsizetype i = messages.size() - 1; i >= 0 && target < 0; --i) {
        if (messages[i].role == QLatin1String("user"))
            target = i;
    }
    const bool noUser = target < 0;
    if (noUser)
        target = messages.size() - 1;
    const TextProfile &t = c.turns[target];

    const int words = t.wordCount;
    if (words == 0)
        b.clarityLength = 0.0;
    else if (words < AutoScorer::clarityMinWords)
        b.clarityLength = double(words) / AutoScorer::clarityMinWords;
    else if (words <= AutoScorer::clarityMaxWords)
        b.clarityLength = 1.0;
    else
        b.clarityLength = std::max(0.5, double(AutoScorer::clarityMaxWords) / words);

    const char32_t last = t.lastVisible;
    if (last == '?' || last == 0xFF1F)
        b.clarityRequest = 1.0;
    else if (t.hasQuestionMark || opensWithRequest(t))
        b.clarityRequest = 0.85;
    else if (last == '.' || last == '!' || last == ':' || last == ')' || last == ']' || last == '"'
             || last == '\'' || last == 0x201D || last == 0x2019 || last == 0x00BB || last == 0x3002
             || last == 0xFF01)
        b.clarityRequest = 0.6;
    else
        b.clarityRequest = t.visible > 0 ? 0.3 : 0.0;

    const bool truncated = t.endsWithEllipsis || t.dotsOnly || last == ',' || last == '-' || last == 0x2013
        || last == 0x2014 || last == '(' || last == '[' || last == '{';
    int blank = 0;
    for (const TextProfile &p : c.turns)
        blank += p.visible == 0 ? 1 : 0;
    b.clarityForm = clamp01(1.0 - 0.5 * (truncated ? 1.0 : 0.0) - 0.5 * double(blank) / double(c.turns.size()));

    if (t.visible > 0) {
        const double r = (t.noise + AutoScorer::clarityBadWeight * t.bad) / double(t.visible);
        b.clarityNoise = 1.0 - clamp01((r - AutoScorer::clarityNoiseFree) / AutoScorer::clarityNoiseSpan);
    }

    double clarity = 0.3 * b.clarityLength + 0.3 * b.clarityRequest + 0.2 * b.clarityForm + 0.2 * b.clarityNoise;
    if (t.visible == 0)
        clarity = 0.0;
    else if (noUser)
        clarity *= 0.5;
    b.scores.setValue(QualityCriterion::Clarity, clarity);
}

void scoreComplexity(const Context &c, AutoScorer::Breakdown &b)
{
    int turns = 0;
    std::vector<quint64> information;
    for (qsizetype i = 0; i < c.turns.size(); ++i) {
        const TextProfile &p = c.turns[i];
        if (p.visible > 0 && !isSystem(c.scenario.messages[i]))
            ++turns;
        information.insert(information.end(), p.numbers.cbegin(), p.numbers.cend());
        information.insert(information.end(), p.entities.cbegin(), p.entities.cend());
    }
    sortUnique(information);
    int memories = 0;
    for (const TextProfile &m : c.memories)
        memories += m.visible > 0 ? 1 : 0;

    b.complexityTurns = turns <= 1 ? 0.0 : std::min(1.0, std::log2(double(turns)) / 4.0);
    b.complexityMemory = std::min(1.0, memories / AutoScorer::complexityMemoryFull);
    b.complexityCapabilities = std::min(1.0, c.capabilities / AutoScorer::complexityCapabilitiesFull);
    b.complexityInformation = std::min(1.0, double(information.size()) / AutoScorer::complexityInformationFull);
    b.scores.setValue(QualityCriterion::Complexity,
                      0.2 * b.complexityTurns + 0.3 * b.complexityMemory + 0.2 * b.complexityCapabilities
                          + 0.3 * b.complexityInformation);
}

bool isEmptyValue(const Json &v)
{
    return v.is_null() || ((v.is_string() || v.is_array() || v.is_object()) && v.empty());
}

double memoryReflection(const TextProfile &memory, const HashSet &turnWords)
{
    std::vector<quint64> content(memory.words.cbegin(), memory.words.cend());
    sortUnique(content);
    int total = 0;
    int matched = 0;
    for (quint64 h : content) {
        if (contains(stopWords(), h))
            continue;
        ++total;
        matched += contains(turnWords, h) ? 1 : 0;
    }
    if (total == 0)
        return 0.0;
    return std::min(1.0, double(matched) / double(std::min(2, total)));
}

void scoreCoverage(const Context &c, AutoScorer::Breakdown &b)
{
    const TestScenario &s = c.scenario;
    b.coverageCapabilities = std::min(1.0, c.capabilities / AutoScorer::coverageCapabilitiesFull);

    const Json &criteria = s.evaluationCriteria;
    if (criteria.is_object() && !criteria.empty()) {
        int filled = 0;
        for (const auto &item : criteria.items())
            filled += isEmptyValue(item.value()) ? 0 : 1;
        b.coverageCriteria = double(filled) / double(criteria.size());
    }

    bool memoryApplies = !s.memoryRequirements.isEmpty();
    for (const QString &cap : s.expectedCapabilities) {
        memoryApplies = memoryApplies || cap.contains(QLatin1String("memory"), Qt::CaseInsensitive)
            || cap.contains(QLatin1String("recall"), Qt::CaseInsensitive);
    }
    double coverage = 0.3 * b.coverageCapabilities + 0.3 * b.coverageCriteria;
    if (memoryApplies) {
        double sum = 0.0;
        for (const TextProfile &m : c.memories)
            sum += memoryReflection(m, c.turnWords);
        b.coverageMemory = c.memories.isEmpty() ? 0.0 : sum / double(c.memories.size());
        coverage += 0.4 * *b.coverageMemory;
    } else {
        coverage /= 0.6;
    }
    b.scores.setValue(QualityCriterion::Coverage, coverage);
}

double placeholderHits(const TextProfile &p)
{
    double hits = p.placeholderMarks;
    for (quint64 h : p.words)
        hits += contains(placeholderWords(), h) ? 1.0 : 0.0;
    return hits;
}

void scoreRealism(const Context &c, AutoScorer::Breakdown &b)
{
    const QList<ChatMessage> &messages = c.scenario.messages;
    if (messages.isEmpty())
        return;

    QList<qsizetype> dialogue; // the non-system turns
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (!isSystem(messages[i]))
            dialogue.append(i);
    }
    if (dialogue.size() == 1) {
        b.realismAlternation = isKnownRole(messages[dialogue[0]].role) ? 1.0 : 0.0;
    } else if (dialogue.size() > 1) {
        int good = 0;
        for (qsizetype k = 1; k < dialogue.size(); ++k) {
            const QString &a = messages[dialogue[k - 1]].role;
            const QString &z = messages[dialogue[k]].role;
            good += (a != z && isKnownRole(a) && isKnownRole(z)) ? 1 : 0;
        }
        b.realismAlternation = double(good) / double(dialogue.size() - 1);
    }

    b.realismVariation = 1.0;
    if (dialogue.size() >= 3) {
        double sum = 0.0;
        double sumSquares = 0.0;
        for (qsizetype i : std::as_const(dialogue)) {
            const double len = c.turns[i].codePoints;
            sum += len;
            sumSquares += len * len;
        }
        const double n = double(dialogue.size());
        const double mean = sum / n;
        const double variance = std::max(0.0, sumSquares / n - mean * mean);
        const double cv = mean > 0.0 ? std::sqrt(variance) / mean : 0.0;
        if (cv < AutoScorer::realismMinVariation)
            b.realismVariation = 0.5 + 0.5 * cv / AutoScorer::realismMinVariation;
        else if (cv > AutoScorer::realismMaxVariation)
            b.realismVariation = std::max(0.0, 1.0 - (cv - AutoScorer::realismMaxVariation)
                                                         / AutoScorer::realismMaxVariation);
    }

    std::vector<quint64> contents;
    double hits = 0.0;
    for (const TextProfile &p : c.turns) {
        if (p.visible > 0)
            contents.push_back(p.contentHash);
        hits += placeholderHits(p);
        if (p.bad > 0)
            hits += 1.0;
        if (p.dotsOnly)
            hits += 1.0;
        else if (p.endsWithEllipsis)
            hits += 0.5;
    }
    for (const TextProfile &m : c.memories)
        hits += placeholderHits(m);
    const auto nonBlank = qsizetype(contents.size());
    sortUnique(contents);
    const auto repeats = nonBlank - qsizetype(contents.size());
    b.realismRepetition = nonBlank == 0 ? 0.0 : std::max(0.0, 1.0 - 2.0 * double(repeats) / double(nonBlank));
    b.realismArtifacts = std::max(0.0, 1.0 - 0.5 * hits);

    b.scores.setValue(QualityCriterion::Realism,
                      0.3 * b.realismAlternation + 0.2 * b.realismVariation + 0.25 * b.realismRepetition
                          + 0.25 * b.realismArtifacts);
}

} // namespace

QualityScores AutoScorer::score(const TestScenario &scenario)
{
    return explain(scenario).scores;
}

AutoScorer::Breakdown AutoScorer::explain(const TestScenario &scenario)
{
    Context c{scenario, {}, {}, {}, distinctNonBlank(scenario.expectedCapabilities)};
    c.turns.reserve(scenario.messages.size());
    for (const ChatMessage &m : scenario.messages) {
        c.turns.append(TextProfile::of(m.content));
        c.turnWords.insert(c.turnWords.end(), c.turns.last().words.cbegin(), c.turns.last().words.cend());
    }
    sortUnique(c.turnWords);
    c.memories.reserve(scenario.memoryRequirements.size());
    for (const QString &m : scenario.memoryRequirements)
        c.memories.append(TextProfile::of(m));

    Breakdown b;
    scoreClarity(c, b);
    scoreComplexity(c, b);
    scoreCoverage(c, b);
    scoreRealism(c, b);
    return b;
}

} // namespace kx
