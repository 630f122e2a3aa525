using Almanac.Knowledge;

namespace Almanac.Analytics;

/// <summary>A fact with the source that states it: what the analytics read, whatever store they come from.</summary>
public sealed record SourcedFact(Fact Fact, Source Source);
